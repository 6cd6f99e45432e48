/**
 * New phones per address. A device token costs nothing, so one laptop on the Wi-Fi could
 * mint a thousand "phones" and stuff the polls or the questions. Each address may bring
 * NEW_PHONES_PER_MINUTE phones the kit has not seen; a phone seen before (a reconnect, a
 * reload) always comes back. On a venue network each phone has its own address; behind a
 * proxy (--trust-proxy) the one the proxy saw. The laptop itself is not limited (the bench's
 * simulated phones run there). In memory only: no address is stored or logged.
 */
import { RateLimiterMemory } from 'rate-limiter-flexible';

/** New phones one address may bring per minute: a family sharing a phone hotspot, many times over. */
export const NEW_PHONES_PER_MINUTE = 30;

/** Returns `admit(phone, address, laptop)`: true for a phone seen before, one on the laptop itself, or a new one within its address's limit. */
export function createPhoneGate(perMinute = NEW_PHONES_PER_MINUTE): (phone: string, address: string, laptop: boolean) => Promise<boolean> {
  const limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  // Phones' in-memory keys (salted hashes of their tokens), never written anywhere.
  const seen = new Set<string>();
  return async (phone, address, laptop) => {
    if (seen.has(phone)) return true;
    if (!laptop) {
      try {
        await limiter.consume(address);
      } catch {
        return false;
      }
    }
    seen.add(phone);
    return true;
  };
}
