/**
 * Who may read which report. On the laptop, the facilitator's key opens reports; from any
 * other machine, only the report key a deployment sets (--report-key), never the host key
 * (it must not cross a network) and never a paired console. A key must never stay in an
 * address bar, a history or a server log: it is exchanged once for a cookie holding the time
 * and an HMAC of both (never the key), which lasts COOKIE_MAX_AGE_S, on the browser and here.
 * Comparisons are constant-time.
 */
import { createHmac } from 'node:crypto';
import { sameSecret } from '../privacy/keys.ts';
import type { Store, WorkshopRecord } from '../store/store.ts';

/** What the cookie stands for: every workshop (the default workshop's key), or one. */
export type Scope = { all: true } | { all: false; workshopId: string };

/** A fixed label, so the cookie's token is useless anywhere else. */
const LABEL = 'csec-kit/report-cookie/v1';

/** How long a report cookie opens reports: a working day, then the key again. */
export const COOKIE_MAX_AGE_S = 8 * 60 * 60;

/** The cookie's value for `key`, made at `issuedAt`: the time, and an HMAC of it under the key. */
export function cookieToken(key: string, issuedAt: number): string {
  const at = Math.floor(issuedAt / 1000).toString(36);
  return `${at}.${createHmac('sha256', key).update(`${LABEL}\n${at}`).digest('base64url')}`;
}


export interface AccessOptions {
  store: Store;
  hostKeyOf(record: WorkshopRecord): string;
  defaultWorkshopId: string;
  /** The deployment's report key (every workshop, from any machine), if it set one. */
  reportKey?: string | undefined;
  /** Whether the request comes from the laptop itself (pairing/laptop.ts): only there do host keys open reports. */
  here: boolean;
}

/** Every key that may open reports for this request, with what it opens. */
function keys({ store, hostKeyOf, defaultWorkshopId, reportKey, here }: AccessOptions): { key: string; scope: Scope }[] {
  const hostKeys = here
    ? store.listWorkshops().map((record): { key: string; scope: Scope } => ({
        key: hostKeyOf(record),
        scope: record.id === defaultWorkshopId ? { all: true } : { all: false, workshopId: record.id },
      }))
    : [];
  return reportKey === undefined ? hostKeys : [...hostKeys, { key: reportKey, scope: { all: true } }];
}

/** What `key` opens, or null. Every key is compared, so the time says nothing of which matched. */
export function scopeOfKey(options: AccessOptions, key: string): Scope | null {
  let found: Scope | null = null;
  for (const k of keys(options)) if (sameSecret(k.key, key) && (found === null || k.scope.all)) found = k.scope;
  return found;
}

/** What a cookie's token opens at `now`, or null (no such key here, or older than COOKIE_MAX_AGE_S). */
export function scopeOfToken(options: AccessOptions, token: string, now: number): Scope | null {
  const at = token.split('.')[0] ?? '';
  const issuedAt = /^[0-9a-z]{1,10}$/.test(at) ? parseInt(at, 36) * 1000 : NaN;
  // A minute's grace for a clock set back; a cookie from the future is refused.
  if (!(now - issuedAt < COOKIE_MAX_AGE_S * 1000 && issuedAt <= now + 60_000)) return null;
  let found: Scope | null = null;
  for (const k of keys(options)) if (sameSecret(cookieToken(k.key, issuedAt), token) && (found === null || k.scope.all)) found = k.scope;
  return found;
}

/** The workshops `scope` may see, newest first. */
export function visible(store: Store, scope: Scope): WorkshopRecord[] {
  return store
    .listWorkshops()
    .filter((w) => scope.all || w.id === scope.workshopId)
    .reverse();
}

/** The value of the cookie `name` in a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}
