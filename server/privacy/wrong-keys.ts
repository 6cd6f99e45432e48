/**
 * Guessing a secret (the host key on the socket, a pairing code, the report key): a few wrong
 * ones a minute, then no more. Past the limit a secret is refused at once without being
 * compared, so nothing waits in flight and guessing learns nothing; the laptop itself is never
 * refused (the callers exempt it), so someone else's guesses cannot lock the facilitator out.
 * Counted by scope: the callers use the guesser's address (held in memory for a minute, never
 * stored or logged), so one guesser cannot close the gate for anyone else.
 */
import { RateLimiterMemory } from 'rate-limiter-flexible';

/** Wrong secrets per scope per minute before the gate closes for the rest of the minute. */
export const WRONG_KEYS_PER_MINUTE = 5;

/** A gate on wrong secrets: `open(scope)` is false while `scope` had WRONG_KEYS_PER_MINUTE wrong ones this minute; `wrong(scope)` counts one. */
export function wrongKeyGate(): { open(scope: string): Promise<boolean>; wrong(scope: string): Promise<void> } {
  const limiter = new RateLimiterMemory({ points: WRONG_KEYS_PER_MINUTE, duration: 60 });
  return {
    open: async (scope) => ((await limiter.get(scope))?.consumedPoints ?? 0) < WRONG_KEYS_PER_MINUTE,
    wrong: async (scope) => void (await limiter.penalty(scope, 1)),
  };
}
