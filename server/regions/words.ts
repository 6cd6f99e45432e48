/**
 * Fills a region pack's words into content: `{{place}}` in a slide, an activity or the guide
 * becomes the pack's word in that language. A word may be empty; a line, list item or note
 * that held only words and is left empty is then left out, so a pack without state law
 * drops that law's sentence instead of showing a hole.
 */
import { LANGUAGES } from '../protocol.ts';

const WORD_USE = /( ?)\{\{\s*([a-z][a-z0-9-]*)\s*\}\}/g;

/** Reports a word the content uses that the pack does not define: its name and where it is used. */
export type MissingWord = (word: string, usedAt: string) => void;

/** `text` with every `{{word}}` filled; an unknown word is reported and left as written. */
export function fillText(text: string, words: Readonly<Record<string, string>>, missing: MissingWord, usedAt: string): string {
  return text.replace(WORD_USE, (use, space: string, word: string) => {
    const said = words[word];
    if (said === undefined) {
      missing(word, usedAt);
      return use;
    }
    // A word left out takes the space before it along: no double space where a sentence was.
    return said === '' ? '' : `${space}${said}`;
  });
}

/** A line emptied by its words: nothing left, or only a bullet or a notes label ("Say:"). */
const EMPTIED = /^\s*([-*]|[A-Z][A-Za-zÀ-ÿ ]*:)?\s*$/;

/** A Markdown file with its words filled; lines emptied by them are left out. */
export function fillMarkdown(text: string, words: Readonly<Record<string, string>>, missing: MissingWord, file: string): string {
  return text
    .split('\n')
    .flatMap((line, i) => {
      if (!WORD_USE.test(line)) return [line];
      WORD_USE.lastIndex = 0;
      const filled = fillText(line, words, missing, `${file}:${i + 1}`);
      return EMPTIED.test(filled) ? [] : [filled];
    })
    .join('\n');
}

/**
 * Parsed YAML data with its words filled: strings in an `es:` block (or under a top-level
 * `es:`) take the Spanish words, the rest English. A list item emptied by its words is left out.
 */
export function fillData(value: unknown, wordsOf: (lang: string) => Readonly<Record<string, string>>, missing: (lang: string) => MissingWord, where: string, lang = 'en'): unknown {
  if (typeof value === 'string') return fillText(value, wordsOf(lang), missing(lang), where);
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => {
      const filled = fillData(item, wordsOf, missing, `${where}.${i}`, lang);
      return typeof item === 'string' && typeof filled === 'string' && item !== filled && filled.trim() === '' ? [] : [filled];
    });
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [key, fillData(v, wordsOf, missing, `${where}.${key}`, (LANGUAGES as readonly string[]).includes(key) ? key : lang)]),
    );
  }
  return value;
}
