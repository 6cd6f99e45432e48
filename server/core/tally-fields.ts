/**
 * What one ballot adds to an activity's running counts, as named fields and amounts: the
 * shape a store that keeps counts itself (Redis) adjusts atomically with the ballot. The
 * same counts as tally.ts's `count`, spelled as fields. Pure.
 */
import type { Activity } from '../content/schema.ts';
import type { AnswerValue } from '../protocol.ts';
import type { Tally } from './tally.ts';
import { emptyTally } from './tally.ts';

/** `c:<index>` one per option or scale point, `w:<word>` one per word, `sum` the scale total. */
export function tallyFields(activity: Activity, value: AnswerValue): [string, number][] {
  if (activity.kind === 'scale' && typeof value === 'number') return [[`c:${value - activity.min}`, 1], ['sum', value]];
  if (typeof value === 'number') return [[`c:${value}`, 1]];
  if (Array.isArray(value)) return value.map((i) => [`c:${i}`, 1]);
  return activity.kind === 'words' ? [[`w:${value}`, 1]] : [];
}

/** A Tally from stored fields (as tallyFields names them). */
export function tallyFromFields(activity: Activity, fields: Record<string, string>): Tally {
  const tally = emptyTally(activity);
  for (const [name, raw] of Object.entries(fields)) {
    const n = Number(raw);
    if (name === 'sum') tally.sum = n;
    else if (name.startsWith('c:')) tally.counts[Number(name.slice(2))] = n;
    else if (name.startsWith('w:') && n > 0) tally.words.set(name.slice(2), n);
  }
  return tally;
}
