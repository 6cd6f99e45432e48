/**
 * Running counts of an activity's answers, kept up to date one ballot at a time so a
 * snapshot costs the number of options, not the number of attendees.
 */
import type { Activity } from '../content/schema.ts';
import type { AnswerValue, Results } from '../protocol.ts';

export interface Tally {
  /** One count per option (choice, scenario, multi) or per scale point from min. */
  counts: number[];
  words: Map<string, number>;
  /** Sum of scale answers, for the mean. */
  sum: number;
}

/** Most words shown in a cloud. */
export const MAX_CLOUD_WORDS = 40;
/**
 * Fewest phones that must give a word before the room sees it. A word only one person typed
 * is the one most likely to be personal ("daughter", a name): it stays off the screen.
 */
export const MIN_WORD_REPEATS = 2;

export function emptyTally(activity: Activity): Tally {
  const size = 'options' in activity ? activity.options.length : activity.kind === 'scale' ? activity.max - activity.min + 1 : 0;
  return { counts: new Array<number>(size).fill(0), words: new Map(), sum: 0 };
}

/** Adds (`sign` 1) or removes (`sign` -1) one ballot. */
export function count(tally: Tally, activity: Activity, value: AnswerValue, sign: 1 | -1): void {
  const bump = (i: number): void => {
    tally.counts[i] = (tally.counts[i] ?? 0) + sign;
  };
  if (activity.kind === 'scale' && typeof value === 'number') {
    bump(value - activity.min);
    tally.sum += sign * value;
  } else if (typeof value === 'number') bump(value);
  else if (Array.isArray(value)) value.forEach(bump);
  else if (activity.kind === 'words') {
    const n = (tally.words.get(value) ?? 0) + sign;
    if (n > 0) tally.words.set(value, n);
    else tally.words.delete(value);
  }
}

/** The results to show, given `total` ballots. Free text is never shown to the room. */
export function results(tally: Tally, activity: Activity, total: number): Results | null {
  switch (activity.kind) {
    case 'text':
      return null;
    case 'words': {
      const words = [...tally.words]
        .map(([text, n]) => ({ text, count: n }))
        .filter((w) => w.count >= MIN_WORD_REPEATS)
        .sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : 1))
        .slice(0, MAX_CLOUD_WORDS);
      return { kind: 'words', words };
    }
    case 'scale':
      return { kind: 'scale', counts: [...tally.counts], mean: total > 0 ? Math.round((tally.sum / total) * 100) / 100 : 0 };
    default:
      return { kind: 'options', counts: [...tally.counts] };
  }
}
