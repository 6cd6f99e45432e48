/**
 * What one simulated phone does with an activity: skip it, or answer once it has read it, and
 * now and then change its mind. Most pick the best answer of a quick check asked after the
 * teaching, fewer before it; check-ins rise from the first round to the second; word clouds
 * repeat the common words. Pure: a function of the activity, a seeded random and the words the
 * content gives the rehearsal (texts.ts), so the room is plausible and its tests are exact.
 */
import type { Activity } from '../content/schema.ts';
import type { ActivityKind, AnswerValue } from '../protocol.ts';
import { between, pick, type Random } from './random.ts';

/** One answer sent, `afterMs` after the phone saw the question open (or after its previous answer). */
export interface Step {
  value: AnswerValue;
  afterMs: number;
}

/** A phone's part in one activity: no step when it skips, two when it changes its mind. */
export interface PhoneChoice {
  steps: Step[];
  /** Under a countdown, the share of the time left it waits at most before answering. */
  hurry: number;
}

/** What a simulated phone may type, in the deck's language (slides/strings, `rehearsal.`: texts.ts). */
export interface TypedWords {
  words: readonly string[];
  questions: readonly string[];
}

/** How many phones skip each kind of activity: few skip a tap, most leave a question box empty. */
export const SKIP: Readonly<Record<ActivityKind, number>> = { choice: 0.08, multi: 0.1, scenario: 0.08, scale: 0.1, words: 0.3, text: 0.8 };
/** How many pick the best answer: before the teaching, after it, and on a question asked once (a scenario). */
export const BEST = { before: 0.4, after: 0.85, once: 0.7 } as const;
/** How many answer, then change their mind a few seconds later. */
export const CHANGE = 0.12;
/** Where a check-in's answers gather, as a share of its scale: lower before, higher after. */
const SCALE_CENTRE = { before: 0.35, after: 0.75, once: 0.55 } as const;
/** How long a phone takes to read and answer, by kind (milliseconds, fewest to most). */
const READING_MS: Readonly<Record<ActivityKind, readonly [number, number]>> = {
  choice: [4_000, 20_000],
  multi: [6_000, 25_000],
  scenario: [10_000, 40_000],
  scale: [3_000, 15_000],
  words: [6_000, 25_000],
  text: [20_000, 60_000],
};
const CHANGE_MS = [2_000, 8_000] as const;

/** What a phone does with `activity` once it opens. */
export function choose(activity: Activity, random: Random, typed: TypedWords): PhoneChoice {
  const hurry = 0.2 + 0.6 * random();
  if (random() < SKIP[activity.kind]) return { steps: [], hurry };
  const final = answerTo(activity, random, typed);
  if (final === undefined) return { steps: [], hurry };
  const [least, most] = READING_MS[activity.kind];
  // More people answer early than late: the reading time leans to its short end.
  const afterMs = Math.round(least + (most - least) * random() ** 1.5);
  if (activity.kind === 'text' || random() >= CHANGE) return { steps: [{ value: final, afterMs }], hurry };
  const first = otherThan(activity, final, random, typed);
  if (first === undefined) return { steps: [{ value: final, afterMs }], hurry };
  return { steps: [{ value: first, afterMs }, { value: final, afterMs: between(random, CHANGE_MS[0], CHANGE_MS[1]) }], hurry };
}

/** The answer a phone settles on; undefined when it has nothing to type. */
function answerTo(activity: Activity, random: Random, typed: TypedWords): AnswerValue | undefined {
  switch (activity.kind) {
    case 'choice':
    case 'scenario': {
      const options = activity.options.length;
      if (activity.answer === undefined) return between(random, 0, options - 1);
      if (random() < BEST[activity.round ?? 'once']) return activity.answer;
      return otherIndex(activity.answer, options, random);
    }
    case 'multi': {
      const chosen = activity.options.map((_, i) => i).filter(() => random() < 0.4);
      return chosen.length > 0 ? chosen : [between(random, 0, activity.options.length - 1)];
    }
    case 'scale': {
      const span = activity.max - activity.min;
      // Around the round's centre, give or take (a triangle: the middle more than the ends).
      const near = activity.min + span * SCALE_CENTRE[activity.round ?? 'once'] + (random() + random() - 1) * span * 0.4;
      return Math.min(activity.max, Math.max(activity.min, Math.round(near)));
    }
    case 'words':
      // The first words of the list come up most, so some repeat and the cloud shows them.
      return typed.words.length > 0 ? (typed.words[Math.floor(typed.words.length * random() ** 1.7)] as string) : undefined;
    case 'text':
      return typed.questions.length > 0 ? pick(random, typed.questions) : undefined;
  }
}

/** An answer the phone gives first, before it changes its mind to `final`; undefined when there is none. */
function otherThan(activity: Activity, final: AnswerValue, random: Random, typed: TypedWords): AnswerValue | undefined {
  switch (activity.kind) {
    case 'choice':
    case 'scenario':
      return otherIndex(final as number, activity.options.length, random);
    case 'multi': {
      // One option more or one fewer, never none.
      const toggled = between(random, 0, activity.options.length - 1);
      const chosen = final as number[];
      const changed = chosen.includes(toggled) ? chosen.filter((i) => i !== toggled) : [...chosen, toggled].sort((a, b) => a - b);
      return changed.length > 0 ? changed : undefined;
    }
    case 'scale': {
      const step = random() < 0.5 ? -1 : 1;
      const near = (final as number) + step;
      return near >= activity.min && near <= activity.max ? near : (final as number) - step;
    }
    case 'words': {
      const others = typed.words.filter((w) => w !== final);
      return others.length > 0 ? pick(random, others) : undefined;
    }
    case 'text':
      return undefined;
  }
}

/** An option other than `index`, or undefined when there is only one. */
function otherIndex(index: number, options: number, random: Random): number | undefined {
  if (options < 2) return undefined;
  const other = between(random, 0, options - 2);
  return other >= index ? other + 1 : other;
}
