/**
 * Who may read which report. The facilitator's key opens reports, but it must never stay in
 * an address bar, a history or a server log: it is exchanged once for a cookie holding an
 * HMAC of it (never the key), and each later request is matched against the keys the data
 * folder holds. Comparisons are constant-time.
 */
import { createHmac } from 'node:crypto';
import { sameSecret } from '../privacy/keys.ts';
import type { Store, WorkshopRecord } from '../store/store.ts';

/** What the cookie stands for: every workshop (the default workshop's key), or one. */
export type Scope = { all: true } | { all: false; workshopId: string };

/** A fixed label, so the cookie's token is useless anywhere else. */
const LABEL = 'csec-kit/report-cookie/v1';

/** The cookie's value for `key`. */
export function cookieToken(key: string): string {
  return createHmac('sha256', key).update(LABEL).digest('base64url');
}


export interface AccessOptions {
  store: Store;
  hostKeyOf(record: WorkshopRecord): string;
  defaultWorkshopId: string;
}

/** Every key of the data folder with what it opens. */
function keys({ store, hostKeyOf, defaultWorkshopId }: AccessOptions): { key: string; scope: Scope }[] {
  return store.listWorkshops().map((record) => ({
    key: hostKeyOf(record),
    scope: record.id === defaultWorkshopId ? { all: true } : { all: false, workshopId: record.id },
  }));
}

/** What `key` opens, or null. Every key is compared, so the time says nothing of which matched. */
export function scopeOfKey(options: AccessOptions, key: string): Scope | null {
  let found: Scope | null = null;
  for (const k of keys(options)) if (sameSecret(k.key, key) && (found === null || k.scope.all)) found = k.scope;
  return found;
}

/** What a cookie's token opens, or null. */
export function scopeOfToken(options: AccessOptions, token: string): Scope | null {
  let found: Scope | null = null;
  for (const k of keys(options)) if (sameSecret(cookieToken(k.key), token) && (found === null || k.scope.all)) found = k.scope;
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
