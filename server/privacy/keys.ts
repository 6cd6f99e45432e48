/**
 * The keys that stand for a phone. A phone's device token never leaves its connection:
 * the server keeps a salted hash of it in memory (`phoneKey`) and stores, for each ballot,
 * a key of that hash *and* the activity (`ballotKey`). Two ballots of one phone carry
 * different keys, so whoever opens the data folder cannot line up one person's answers
 * across a workshop; the same phone answering again still finds its own ballot.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

function hmac(salt: string, text: string): string {
  return createHmac('sha256', salt).update(text).digest('base64url').slice(0, 32);
}

/** The per-workshop hash of a phone's device token; held in memory, never stored. */
export function phoneKey(salt: string, device: string): string {
  return hmac(salt, device);
}

/** The stored key of one phone's ballot in one activity (or one vote on one question). */
export function ballotKey(salt: string, phone: string, scope: string): string {
  return hmac(salt, `${phone}\n${scope}`);
}

/** True when two secrets are equal, in constant time (hashing first hides their lengths). */
export function sameSecret(a: string, b: string): boolean {
  const digest = (s: string): Buffer => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}
