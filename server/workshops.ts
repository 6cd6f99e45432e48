/**
 * Opening the workshop the kit runs: the last one in the data folder, or a fresh one
 * with a new join code, host key and salt, and its privacy threshold, kept with it.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { DEFAULT_THRESHOLDS, type Thresholds } from './core/workshop.ts';
import type { Store, WorkshopRecord } from './store/store.ts';

/** Join codes avoid letters and digits that look alike (0/O, 1/I/L) when read off a projector. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A short code people can type: 6 characters from CODE_ALPHABET. */
export function newJoinCode(): string {
  return Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/**
 * A new workshop's record: fresh random secrets and a join code not in `taken`. `threshold`
 * is kept with it (null: none kept, the kit's setting applies, as for older workshops).
 */
export function freshWorkshop(taken: ReadonlySet<string>, now: number, threshold: number | null = null): WorkshopRecord {
  let code = newJoinCode();
  while (taken.has(code)) code = newJoinCode();
  return {
    id: randomBytes(9).toString('base64url'),
    code,
    hostKey: randomBytes(18).toString('base64url'),
    salt: randomBytes(16).toString('base64url'),
    createdAt: now,
    threshold,
  };
}

/** Creates a workshop with fresh random secrets. */
export function newWorkshop(store: Store, now: number, threshold: number | null = null): WorkshopRecord {
  const workshop = freshWorkshop(new Set(store.listWorkshops().map((w) => w.code)), now, threshold);
  store.createWorkshop(workshop);
  return workshop;
}

/** The most recent workshop, or a new one (with `threshold`) when there is none or `fresh` is asked for. */
export function openDefaultWorkshop(store: Store, fresh: boolean, now: number, threshold: number | null = null): WorkshopRecord {
  const last = store.listWorkshops().at(-1);
  return last && !fresh ? last : newWorkshop(store, now, threshold);
}

/** The thresholds for a room run with `threshold`: free text could identify someone more easily than a choice, so never under 10. */
export function thresholdsOf(threshold: number): Thresholds {
  return { default: threshold, text: Math.max(DEFAULT_THRESHOLDS.text, threshold) };
}

/** A workshop's thresholds: its own when kept with it, otherwise `fallback` (the kit's setting). */
export function workshopThresholds(record: WorkshopRecord, fallback: Thresholds): Thresholds {
  return record.threshold === null || record.threshold === undefined ? fallback : thresholdsOf(record.threshold);
}

/**
 * The threshold a workshop runs with: the one kept with it wins over `--threshold` (`given`),
 * so a restart shows the same results; `overridden` says a different one was given.
 */
export function settleThreshold(record: WorkshopRecord, given: number | undefined): { threshold: number; overridden: boolean } {
  const kept = record.threshold ?? null;
  if (kept === null) return { threshold: given ?? DEFAULT_THRESHOLDS.default, overridden: false };
  return { threshold: kept, overridden: given !== undefined && given !== kept };
}
