/**
 * What the simulated room types, from the content like every other word of the kit
 * (slides/strings/*.yaml, the `rehearsal.` keys): words for the word clouds, a handful of
 * questions, and one question that looks personal, so the facilitator practises that too.
 * In the deck's language. Pure.
 */
import type { TypedWords } from './choices.ts';

export interface RehearsalTexts extends TypedWords {
  /** A question that the kit marks "looks personal" (core/disclosure.ts), or undefined when the content has none. */
  personal: string | undefined;
}

const QUESTION = /^rehearsal\.question\.(?!personal$)/;

/** The rehearsal's texts in one language's strings (content.strings[lang]). */
export function rehearsalTexts(strings: Readonly<Record<string, string>>): RehearsalTexts {
  const words = (strings['rehearsal.words'] ?? '')
    .split(',')
    .map((w) => w.trim())
    .filter((w) => w !== '');
  const questions = Object.keys(strings)
    .filter((key) => QUESTION.test(key))
    .sort()
    .map((key) => strings[key] as string);
  return { words, questions, personal: strings['rehearsal.question.personal'] };
}
