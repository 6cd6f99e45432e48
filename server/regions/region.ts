/**
 * A region pack's own file, regions/NAME/region.yaml: the place's name, whether the deck's
 * state-law slides apply there, where its help page is hosted, and the words the content
 * writes as {{word}} (the county's name, its reporting line, a sentence of state law), in
 * every language. A word may be empty: the sentence or line it stands for is then left out.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { LANGUAGES, type Language } from '../protocol.ts';
import { readYaml, type ContentError } from '../content/yaml-file.ts';
import { REGION_NAME } from './name.ts';

/** What a trainer writes where a field is still to be filled, as in the notes' blanks. */
export const BLANK = '___';
const WORD = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

const text = z.string().trim().min(1, 'must not be empty');
const perLanguage = <T extends z.ZodType>(value: T) => z.strictObject(Object.fromEntries(LANGUAGES.map((l) => [l, value])) as Record<Language, T>);

export const regionSchema = z.strictObject({
  /** How the place is named on the report and the console ("Monterey County, California"). */
  name: perLanguage(text),
  /**
   * The state whose law the deck's state-law slides state: `california` keeps the deck's own
   * (California's), `none` leaves them out, any other state needs its own versions of them
   * in the pack's slides folder.
   */
  'state-law': z.string().regex(/^[a-z]+(-[a-z]+)*$/, 'is a state in lowercase, like california or new-mexico, or none'),
  /** Where the pack's organization hosts the help page (npm run export-help). */
  'help-url': z
    .url({ protocol: /^https?$/, error: 'must be a web address starting with http:// or https://' })
    .refine((u) => !new URL(u).username && !new URL(u).password, 'must not hold a user name or password')
    .optional(),
  // One line each: a word is a phrase or a sentence, never a new slide or notes.
  words: perLanguage(z.record(z.string().regex(WORD, 'word names use lowercase letters, digits and dashes'), z.string().regex(/^[^\n\r]*$/, 'must fit on one line'))),
});

export type RegionFile = z.infer<typeof regionSchema>;

/** A checked region pack. */
export interface Region {
  /** Its folder's name: monterey-ca, us. */
  id: string;
  dir: string;
  name: Record<Language, string>;
  /** `none` when the pack has no state law. */
  stateLaw: string;
  helpUrl: string | undefined;
  words: Record<Language, Record<string, string>>;
}

/** Reads regions/`id`/region.yaml. Errors name the file, the line and the field. */
export function loadRegion(regionsDir: string, id: string): { region: Region | undefined; errors: ContentError[]; wordsLine: (lang: string) => number } {
  // Checked here too, for every caller: a name is a folder of regions/, never a path.
  if (!REGION_NAME.test(id)) return { region: undefined, wordsLine: () => 1, errors: [{ file: regionsDir, line: 1, message: `"${id}" is not the name of a region pack: lowercase letters, digits and dashes, like monterey-ca or us` }] };
  const dir = join(regionsDir, id);
  const file = join(dir, 'region.yaml');
  if (!existsSync(file)) return { region: undefined, wordsLine: () => 1, errors: [{ file, line: 1, message: `there is no region pack "${id}": copy regions/template to ${dir} (see regions/README.md)` }] };
  const result = readYaml(file, readFileSync(file, 'utf8'), regionSchema);
  const errors = [...result.errors];
  const value = result.value;
  if (value) {
    // A field still blank is named, in every language, so the trainer sees all that is left.
    for (const lang of LANGUAGES) {
      if (value.name[lang].includes(BLANK)) errors.push({ file, line: result.lineOf(['name', lang]), message: `name.${lang}: still ${BLANK}: the place's name` });
      for (const [word, said] of Object.entries(value.words[lang])) {
        if (said.includes(BLANK)) errors.push({ file, line: result.lineOf(['words', lang, word]), message: `words.${lang}.${word}: still ${BLANK}: fill it in, or write "" to leave it out` });
      }
    }
    // A word left out in one language is left out in all: the decks must say the same things.
    const [first, ...others] = LANGUAGES;
    for (const lang of others) {
      for (const [word, said] of Object.entries(value.words[first])) {
        const other = value.words[lang][word];
        if (other !== undefined && (said.trim() === '') !== (other.trim() === '')) {
          errors.push({ file, line: result.lineOf(['words', lang, word]), message: `words.${lang}.${word}: is ${other.trim() === '' ? 'empty' : 'said'} in ${lang} but ${said.trim() === '' ? 'empty' : 'said'} in ${first}: leave a sentence out in every language or in none` });
        }
      }
    }
  }
  const wordsLine = (lang: string): number => result.lineOf(['words', lang]);
  if (!value || errors.length > 0) return { region: undefined, errors, wordsLine };
  return { region: { id, dir, name: value.name, stateLaw: value['state-law'], helpUrl: value['help-url'], words: value.words }, errors, wordsLine };
}
