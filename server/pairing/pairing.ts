/**
 * The console's own credential. The host key stays on the laptop (the deck, the report); the
 * facilitator's phone is paired instead: the laptop shows a short-lived, single-use pairing
 * code, and the phone exchanges it once for a console credential of its own. That
 * credential opens the running workshop's console and nothing else (never a report, never
 * another workshop), and pairing a new phone revokes the earlier ones. Held in memory only:
 * a restart of the kit ends every pairing, and what is kept of a credential is its hash.
 */
import { createHash, randomInt } from 'node:crypto';

/** How long a pairing code may be used, once. */
export const PAIRING_CODE_MS = 10 * 60_000;
/** How long a paired console is accepted (longer than any workshop plan). */
export const CONSOLE_MS = 12 * 60 * 60_000;
/** Letters and digits that cannot be misread for one another (no 0/O, 1/I/L). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** 8 characters of 31: about 40 bits, for a code that lives 10 minutes behind a brake on guesses. */
const CODE_LENGTH = 8;

export interface PairingCode {
  /** The code itself, 8 characters (shown as ABCD-EFGH). */
  code: string;
  expiresAt: number;
}

export interface ConsolePairing {
  /** A fresh pairing code for the workshop with join code `workshop`. */
  issue(workshop: string): PairingCode;
  /**
   * Exchanges `code` once for the console credential `token` the phone made itself; revokes
   * the workshop's earlier consoles. The workshop's join code, or null (unknown, used, expired).
   */
  redeem(code: string, token: string): string | null;
  /** The join code of the workshop a console credential opens, or null (unknown, revoked, expired). */
  workshopOf(token: string): string | null;
  /** Ends every console of `workshop` (the listeners disconnect them). */
  revoke(workshop: string): void;
  /** Told the hashes of credentials that were revoked, so their connections can be ended. */
  onRevoke(listener: (hashes: readonly string[]) => void): void;
}

/** What a connection keeps of its console credential: its hash, never the credential. */
export function credentialHash(token: string): string {
  return createHash('sha256').update(`csec-kit/console/v1\n${token}`).digest('base64url');
}

/** A code as people type it: capitals, without the dash or spaces. */
export function normalCode(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, '');
}

/** The pairing of consoles for one kit process; `clock` is passed in so tests can move it. */
export function createPairing(clock: () => number = Date.now): ConsolePairing {
  const codes = new Map<string, { workshop: string; expiresAt: number }>();
  const consoles = new Map<string, { workshop: string; expiresAt: number }>();
  const listeners: ((hashes: readonly string[]) => void)[] = [];

  const revokeWhere = (match: (workshop: string) => boolean): void => {
    const gone = [...consoles].filter(([, c]) => match(c.workshop)).map(([hash]) => hash);
    for (const hash of gone) consoles.delete(hash);
    if (gone.length > 0) for (const listener of listeners) listener(gone);
  };
  const sweep = (now: number): void => {
    for (const [code, c] of codes) if (c.expiresAt <= now) codes.delete(code);
    for (const [hash, c] of consoles) if (c.expiresAt <= now) consoles.delete(hash);
  };

  return {
    issue(workshop) {
      const now = clock();
      sweep(now);
      let code = '';
      do code = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
      while (codes.has(code));
      const expiresAt = now + PAIRING_CODE_MS;
      codes.set(code, { workshop, expiresAt });
      return { code, expiresAt };
    },
    redeem(code, token) {
      const now = clock();
      sweep(now);
      const key = normalCode(code);
      const found = codes.get(key);
      if (!found) return null;
      // Single use: gone before anything else can read it.
      codes.delete(key);
      // One console at a time: a new pairing signs out the phones paired before it.
      revokeWhere((w) => w === found.workshop);
      consoles.set(credentialHash(token), { workshop: found.workshop, expiresAt: now + CONSOLE_MS });
      return found.workshop;
    },
    workshopOf(token) {
      const found = consoles.get(credentialHash(token));
      return found && found.expiresAt > clock() ? found.workshop : null;
    },
    revoke(workshop) {
      revokeWhere((w) => w === workshop);
    },
    onRevoke(listener) {
      listeners.push(listener);
    },
  };
}
