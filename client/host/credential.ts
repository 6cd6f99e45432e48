/**
 * How the console shows the kit it is the facilitator's, without the host key crossing the
 * venue's Wi-Fi. The laptop shows a pairing code (its QR opens /host#pair=CODE: a fragment,
 * which the browser never sends in the page request); the console makes a random credential
 * of its own and sends both once, in its handshake. The kit accepts that credential for the
 * running workshop's console only (server/pairing/), until another phone is paired or the kit
 * restarts. On the laptop itself, the host key (/host?key=...) still opens the console.
 */
import { PROTOCOL_VERSION } from '../../server/protocol.ts';
import { hostKey } from '../present/host-key.ts';

const STORAGE_KEY = 'consoleCredential';

/** What the console sends in its first handshake, and in the ones after (reconnects). */
export interface Credential {
  first: Record<string, unknown>;
  then: Record<string, unknown>;
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function keep(token: string | null): void {
  try {
    if (token === null) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, token);
  } catch {
    // Storage refused (private mode): the pairing lasts until the page is reloaded.
  }
}

function kept(): string | undefined {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** The pairing code of the address (#pair=CODE), taken out of the address bar at once. */
function codeInAddress(): string | undefined {
  const code = new URLSearchParams(location.hash.slice(1)).get('pair');
  if (code === null) return undefined;
  history.replaceState(history.state, '', location.pathname + location.search);
  return code;
}

/** Pairs with `code`: a new credential (32 random bytes), kept on this phone, sent with the code once. */
export function pairWith(code: string): Credential {
  const token = base64url(crypto.getRandomValues(new Uint8Array(32)));
  keep(token);
  const then = { v: PROTOCOL_VERSION, console: token };
  return { first: { ...then, pair: code.trim().toUpperCase() }, then };
}

/**
 * Forgets this phone's pairing `token` (the kit refused it: another phone was paired, or it
 * restarted), unless another tab of this phone has paired since and kept a newer one.
 */
export function forgetPairing(token: unknown): void {
  if (kept() === token) keep(null);
}

/** The console's credential: a pairing code in the address, this phone's pairing, or the laptop's host key. */
export function consoleCredential(): Credential | undefined {
  const code = codeInAddress();
  if (code !== undefined) return pairWith(code);
  const token = kept();
  if (token !== undefined) {
    const auth = { v: PROTOCOL_VERSION, console: token };
    return { first: auth, then: auth };
  }
  const key = hostKey();
  if (key === undefined) return undefined;
  const auth = { v: PROTOCOL_VERSION, hostKey: key };
  return { first: auth, then: auth };
}
