/**
 * A region pack laid over slides/ (content/lens.ts): its files replace the deck's files of
 * the same path, its words fill the content's {{words}}, and its law decides which marked
 * slides and activities stay (needs.ts).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ContentLens } from '../content/lens.ts';
import type { ContentError } from '../content/yaml-file.ts';
import { checkStateLaw, DECK_STATE, kept } from './needs.ts';
import type { Region } from './region.ts';
import { fillData, fillMarkdown } from './words.ts';

/** Where a region's words are defined, so a word the content uses and the pack lacks is named there. */
export interface WordsAt {
  file: string;
  line: (lang: string) => number;
}

/** The lens of `region` over the content folder `dir`. */
export function regionLens(dir: string, region: Region, wordsAt: WordsAt): ContentLens {
  const lacking = new Map<string, string>();
  const missing = (lang: string) => (word: string, usedAt: string) => {
    const key = `${lang}\u0000${word}`;
    if (!lacking.has(key)) lacking.set(key, usedAt);
  };
  const wordsOf = (lang: string): Record<string, string> => region.words[lang as keyof Region['words']] ?? {};
  const own = (path: string): string | undefined => {
    const file = join(region.dir, path);
    return existsSync(file) ? file : undefined;
  };
  const file = (path: string): string => own(path) ?? join(dir, path);
  return {
    place: { id: region.id, name: region.name, stateLaw: region.stateLaw, helpUrl: region.helpUrl },
    file,
    deckFiles: (lang) => {
      const names = new Set<string>();
      for (const root of [dir, region.dir]) {
        const folder = join(root, lang);
        if (existsSync(folder)) for (const f of readdirSync(folder)) if (f.endsWith('.md')) names.add(f);
      }
      return [...names].sort().map((name) => file(join(lang, name)));
    },
    markdown: (text, lang, path) => fillMarkdown(text, wordsOf(lang), missing(lang), path),
    data: (raw, path) => fillData(raw, wordsOf, missing, relative(dir, path).replace(/\.yaml$/, '') || path),
    keepSlide: (slide, errors) => {
      checkStateLaw(slide, slide.file.startsWith(region.dir), region.stateLaw, region.dir, errors);
      return kept(slide.attrs['data-needs'], region.stateLaw);
    },
    keepActivity: (id, needs, errors) => {
      if (needs === 'state-law' && region.stateLaw !== 'none' && region.stateLaw !== DECK_STATE && own('activities.yaml') === undefined) {
        errors.push({
          file: join(dir, 'activities.yaml'),
          line: 1,
          message: `activity "${id}" states California's law, and the pack says state-law: ${region.stateLaw}: write ${region.stateLaw}'s version in ${join(region.dir, 'activities.yaml')}, or say state-law: none to leave it out`,
        });
      }
      return kept(needs, region.stateLaw);
    },
    // The deck's sources.yaml is cited in full by the deck's own law; a pack without it shows
    // the sources it cites, and a pack with its own sources.yaml must cite every one.
    citesEverySource: region.stateLaw === DECK_STATE || own('sources.yaml') !== undefined,
    errors: (): ContentError[] =>
      [...lacking].map(([key, usedAt]) => {
        const [lang = '', word = ''] = key.split('\u0000');
        return { file: wordsAt.file, line: wordsAt.line(lang), message: `words.${lang}: missing field "${word}" (used in ${usedAt})` };
      }),
  };
}
