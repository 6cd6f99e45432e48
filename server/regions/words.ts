/**
 * Fills a region pack's words into content: `{{place}}` in a slide, an activity or the guide
 * becomes the pack's word in that language. A word may be empty; a line, list item or note
 * that held only words and is left empty is then left out, so a pack without state law
 * drops that law's sentence instead of showing a hole.
 */
import { LANGUAGES } from '../protocol.ts';

// Any {{...}}: a name that is not a word of the pack (a typo, capitals) is reported, never shown.
const WORD_USE = /( ?)\{\{\s*([^{}\s]*)\s*\}\}/g;

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

/**
 * A line emptied by its words: nothing left, or only what would have introduced them: a
 * bullet, a number, a heading's or a quote's mark, a notes label ("Say:").
 */
const EMPTIED = /^\s*([-*>]|\d+\.|#{1,6}|[A-Z][A-Za-zÀ-ÿ ]*:)?\s*$/;
/** The line that starts the speaker notes: never left out, or the notes would show on the slide. */
const NOTES = /^\s*notes?:/i;

/** A Markdown file with its words filled, and for each of its lines the line of the file it came from. */
export interface FilledMarkdown {
  text: string;
  /** 1-based: `from[i]` is the file's line that line `i + 1` of `text` came from. */
  from: number[];
}

/** A Markdown file with its words filled; lines emptied by them are left out. */
export function fillMarkdown(text: string, words: Readonly<Record<string, string>>, missing: MissingWord, file: string): FilledMarkdown {
  const lines: string[] = [];
  const from: number[] = [];
  text.split('\n').forEach((line, i) => {
    WORD_USE.lastIndex = 0;
    const filled = WORD_USE.test(line) ? fillText(line, words, missing, `${file}:${i + 1}`) : line;
    WORD_USE.lastIndex = 0;
    if (filled !== line && EMPTIED.test(filled) && !NOTES.test(line)) return;
    lines.push(filled);
    from.push(i + 1);
  });
  return { text: lines.join('\n'), from };
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
