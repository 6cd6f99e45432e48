/**
 * Guessing a facilitator's key: a few wrong keys a minute are answered at once, then each
 * further one waits. The live room's handshake and the report pages both use it. Counted by
 * workshop (or page), never by address: the kit keeps no IP addresses, even in memory.
 */
import { RateLimiterMemory } from 'rate-limiter-flexible';

/** Wrong keys per scope per minute before each further attempt waits... */
export const WRONG_KEYS_PER_MINUTE = 5;
/** ...this long. */
export const WRONG_KEY_DELAY_MS = 2000;

/**
 * A brake on wrong keys: `brake(scope)` resolves at once while `scope` has wrong keys to spare
 * this minute, otherwise after WRONG_KEY_DELAY_MS, and tells `slowed` so.
 */
export function wrongKeyBrake(slowed: () => void = () => undefined): (scope: string) => Promise<void> {
  const limiter = new RateLimiterMemory({ points: WRONG_KEYS_PER_MINUTE, duration: 60 });
  return async (scope) => {
    try {
      await limiter.consume(scope);
    } catch {
      slowed();
      await new Promise((ok) => setTimeout(ok, WRONG_KEY_DELAY_MS));
    }
  };
}
