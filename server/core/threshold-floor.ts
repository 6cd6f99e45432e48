/**
 * The threshold a workshop ran with is the floor for everything read from it afterwards:
 * every report, export and purge summary. What the room held back stays held back; a
 * lower `--threshold` later (or a restart with one) cannot bring small counts out. Pure.
 */
import { DEFAULT_THRESHOLDS, type Thresholds } from './workshop.ts';

/**
 * The thresholds a workshop ran with: the one kept with it (free text never under 10, as in
 * the room), or `unknown` for a workshop made before thresholds were kept with it.
 */
export function ranWith(kept: number | null | undefined, unknown: Thresholds = DEFAULT_THRESHOLDS): Thresholds {
  return kept === null || kept === undefined ? { ...unknown } : { default: kept, text: Math.max(DEFAULT_THRESHOLDS.text, kept) };
}

/** `asked`, raised where it is under `floor`: a reader may hold back more than the room did, never less. */
export function atLeast(asked: Thresholds, floor: Thresholds): Thresholds {
  return { default: Math.max(asked.default, floor.default), text: Math.max(asked.text, floor.text) };
}
