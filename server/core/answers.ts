/**
 * What counts as a valid answer to each kind of activity, and how free text is
 * normalised before it is stored or counted. Pure.
 */
import type { Activity } from '../content/schema.ts';
import type { AnswerValue } from '../protocol.ts';

export const DEFAULT_WORDS_LENGTH = 40;
export const DEFAULT_TEXT_LENGTH = 300;

/** The answer in its stored form, or undefined when it is not a valid answer to `activity`. */
export function normaliseAnswer(activity: Activity, value: unknown): AnswerValue | undefined {
  switch (activity.kind) {
    case 'choice':
    case 'scenario':
      return isIndex(value, activity.options.length) ? value : undefined;
    case 'multi': {
      if (!Array.isArray(value) || value.length === 0 || value.length > activity.options.length) return undefined;
      if (!value.every((v) => isIndex(v, activity.options.length))) return undefined;
      const unique = [...new Set(value as number[])].sort((a, b) => a - b);
      return unique.length === value.length ? unique : undefined;
    }
    case 'scale':
      return Number.isInteger(value) && (value as number) >= activity.min && (value as number) <= activity.max ? (value as number) : undefined;
    case 'words':
      return cleanText(value, activity.maxLength ?? DEFAULT_WORDS_LENGTH, true);
    case 'text':
      return cleanText(value, activity.maxLength ?? DEFAULT_TEXT_LENGTH, false);
  }
}

function isIndex(value: unknown, length: number): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) < length;
}

/** Trimmed text without control characters; words also lower-cased to one line so "Trust" and "trust " count together. */
function cleanText(value: unknown, maxLength: number, asWord: boolean): string | undefined {
  if (typeof value !== 'string') return undefined;
  // eslint-disable-next-line no-control-regex
  let text = value.normalize('NFC').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim();
  if (asWord) text = text.replace(/\s+/g, ' ').replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, '').toLocaleLowerCase('und');
  if (text.length === 0 || [...text].length > maxLength) return undefined;
  return text;
}

/** True when two stored answers are the same (a re-sent answer changes nothing). */
export function sameAnswer(a: AnswerValue, b: AnswerValue): boolean {
  return Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((v, i) => v === b[i]) : a === b;
}
