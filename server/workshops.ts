/**
 * Opening the workshop the kit runs: the last one in the data folder, or a fresh one
 * with a new join code, host key and salt.
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { Store, WorkshopRecord } from './store/store.ts';

/** Join codes avoid letters and digits that look alike (0/O, 1/I/L) when read off a projector. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A short code people can type: 6 characters from CODE_ALPHABET. */
export function newJoinCode(): string {
  return Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/** A new workshop's record: fresh random secrets and a join code not in `taken`. */
export function freshWorkshop(taken: ReadonlySet<string>, now: number): WorkshopRecord {
  let code = newJoinCode();
  while (taken.has(code)) code = newJoinCode();
  return {
    id: randomBytes(9).toString('base64url'),
    code,
    hostKey: randomBytes(18).toString('base64url'),
    salt: randomBytes(16).toString('base64url'),
    createdAt: now,
  };
}

/** Creates a workshop with fresh random secrets. */
export function newWorkshop(store: Store, now: number): WorkshopRecord {
  const workshop = freshWorkshop(new Set(store.listWorkshops().map((w) => w.code)), now);
  store.createWorkshop(workshop);
  return workshop;
}

/** The most recent workshop, or a new one when there is none or `fresh` is asked for. */
export function openDefaultWorkshop(store: Store, fresh: boolean, now: number): WorkshopRecord {
  const last = store.listWorkshops().at(-1);
  return last && !fresh ? last : newWorkshop(store, now);
}
