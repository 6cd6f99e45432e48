/**
 * The rehearsal's dice: a small seeded random (mulberry32), so a simulated phone's behaviour is
 * a pure function of its seed and tests can name exact outcomes. Not for secrets: device tokens
 * come from node:crypto (room.ts).
 */

/** A number from 0 (included) to 1 (excluded), like Math.random. */
export type Random = () => number;

/** A random stream for `parts` (the room's seed, a phone's number, an activity's id...): the same parts, the same stream. */
export function randomFor(...parts: readonly (string | number)[]): Random {
  // FNV-1a over the parts, then mulberry32 from that seed.
  let seed = 0x811c9dc5;
  for (const char of parts.join('\u0000')) {
    seed ^= char.codePointAt(0) ?? 0;
    seed = Math.imul(seed, 0x01000193) >>> 0;
  }
  return () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number from `min` to `max`, both included. */
export function between(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** One of `items` (not empty). */
export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}
