/**
 * Checks that every language says everything English says, and nothing more: each
 * language's UI strings have the English keys with the same placeholders, each activity
 * and resource has its translation block with exactly the English fields (the same number
 * of options, the same citations), and each deck has the same files, the same slides with
 * the same attributes (so the same activities in the same order) and the same citations as
 * the English deck.
 */
import { join } from 'node:path';
import { englishText } from './localize.ts';
import type { ActivitySpec, DeckFile, Resources, Strings } from './schema.ts';
import { citations, type Slide } from './slides.ts';
import type { ContentError, YamlResult } from './yaml-file.ts';

type Err = (line: number, message: string) => void;

/** Compares one translation block with the English fields it must mirror. */
function compareFields(what: string, lang: string, english: Record<string, unknown>, translated: unknown, line: number, err: Err): void {
  if (typeof translated !== 'object' || translated === null) {
    err(line, `${what} has no "${lang}" text: add an "${lang}:" block with ${Object.keys(english).join(', ')}`);
    return;
  }
  const block = translated as Record<string, unknown>;
  for (const [key, value] of Object.entries(english)) {
    const other = block[key];
    if (other === undefined) err(line, `${what}: "${lang}" is missing "${key}"`);
    else if (Array.isArray(value) && (!Array.isArray(other) || other.length !== value.length)) {
      err(line, `${what}: "${lang}.${key}" must have ${value.length} items, like English`);
    } else if (typeof value === 'string' && typeof other === 'string') {
      const a = citations(value).sort().join(' ');
      const b = citations(other).sort().join(' ');
      if (a !== b) err(line, `${what}: "${lang}.${key}" cites [${b}] but English cites [${a}]`);
    }
  }
  for (const key of Object.keys(block)) {
    if (!(key in english)) err(line, `${what}: "${lang}" has "${key}", which English does not have`);
  }
}

/** Every language's UI strings (strings/<lang>.yaml) against English's. */
export function checkStrings(strings: Record<string, YamlResult<Strings> | undefined>, dir: string, errors: ContentError[]): void {
  const reference = strings['en']?.value;
  if (!reference) return;
  const placeholders = (s: string): string => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');
  for (const [lang, result] of Object.entries(strings)) {
    if (lang === 'en' || !result?.value) continue;
    const file = join(dir, 'strings', `${lang}.yaml`);
    const keys = Object.keys(reference);
    keys.forEach((key, i) => {
      const text = result.value?.[key];
      if (text === undefined) {
        const before = keys.slice(0, i).reverse().find((k) => result.value?.[k] !== undefined);
        errors.push({ file, line: before ? result.lineOf([before]) : 1, message: `missing translation key "${key}"` });
      } else if (placeholders(text) !== placeholders(reference[key] ?? '')) {
        errors.push({ file, line: result.lineOf([key]), message: `"${key}" must use the same {placeholders} as English: ${placeholders(reference[key] ?? '') || 'none'}` });
      }
    });
    for (const key of Object.keys(result.value)) {
      if (!(key in reference)) errors.push({ file, line: result.lineOf([key]), message: `unknown translation key "${key}" (not in strings/en.yaml)` });
    }
  }
}

/** Every activity in every language. */
export function checkActivityLanguages(result: YamlResult<{ activities: ActivitySpec[] }>, file: string, langs: readonly string[], errors: ContentError[]): void {
  result.value?.activities.forEach((a, i) => {
    const err: Err = (line, message) => errors.push({ file, line, message });
    const english = englishText(a) as unknown as Record<string, unknown>;
    for (const lang of langs) compareFields(`activity "${a.id}"`, lang, english, (a as Record<string, unknown>)[lang], result.lineOf(['activities', i, 'id']), err);
  });
}

/** Every resource group and entry in every language. */
export function checkResourceLanguages(result: YamlResult<Resources>, file: string, langs: readonly string[], errors: ContentError[]): void {
  const err: Err = (line, message) => errors.push({ file, line, message });
  for (const [name, group] of Object.entries(result.value?.groups ?? {})) {
    for (const lang of langs) compareFields(`resource group "${name}"`, lang, { title: group.title }, (group as Record<string, unknown>)[lang], result.lineOf(['groups', name, 'title']), err);
    group.entries.forEach((r, i) => {
      const english: Record<string, unknown> = { name: r.name };
      for (const key of ['hours', 'languages', 'note'] as const) if (r[key] !== undefined) english[key] = r[key];
      for (const lang of langs) compareFields(`resource "${r.name}"`, lang, english, (r as Record<string, unknown>)[lang], result.lineOf(['groups', name, 'entries', i, 'name']), err);
    });
  }
}

/** What must match between two languages' versions of a slide. */
function shape(slide: Slide): string {
  return Object.entries(slide.attrs)
    .filter(([k]) => k.startsWith('data-'))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => (v === '' ? k : `${k}="${v}"`))
    .join(' ');
}

/** A deck in another language against the English deck. */
export function checkDeckLanguage(english: DeckFile[], other: DeckFile[], dir: string, lang: string, errors: ContentError[]): void {
  const name = (f: DeckFile): string => f.file.split('/').at(-1) ?? f.file;
  const byName = new Map(other.map((f) => [name(f), f]));
  for (const en of english) {
    const f = byName.get(name(en));
    if (!f) {
      errors.push({ file: join(dir, lang), line: 1, message: `missing ${join(dir, lang, name(en))}: every English deck file needs its "${lang}" version` });
      continue;
    }
    if (f.slides.length !== en.slides.length) {
      errors.push({ file: f.file, line: 1, message: `has ${f.slides.length} slides but the English ${name(en)} has ${en.slides.length}: the decks must have the same slides` });
    }
    f.slides.forEach((slide, i) => {
      const twin = en.slides[i];
      if (!twin) return;
      if (shape(slide) !== shape(twin)) {
        errors.push({ file: f.file, line: slide.attrsLine, message: `slide "${slide.title}" has [${shape(slide)}] but its English twin "${twin.title}" (${name(en)}:${twin.line}) has [${shape(twin)}]` });
      }
      const mine = [...new Set(citations(slide.lines.join('\n')))].sort().join(' ');
      const theirs = [...new Set(citations(twin.lines.join('\n')))].sort().join(' ');
      if (mine !== theirs) errors.push({ file: f.file, line: slide.line, message: `slide "${slide.title}" cites [${mine}] but its English twin cites [${theirs}]` });
    });
  }
  for (const f of other) {
    if (!english.some((en) => name(en) === name(f))) errors.push({ file: f.file, line: 1, message: `has no English version in ${join(dir, 'en')}` });
  }
  const order = (files: DeckFile[]): string[] => files.flatMap((f) => f.slides.flatMap((s) => s.attrs['data-activity'] ?? []));
  const a = order(english);
  const b = order(other);
  const at = a.findIndex((id, i) => id !== b[i]);
  if (at !== -1 || a.length !== b.length) {
    const where = at === -1 ? Math.min(a.length, b.length) : at;
    errors.push({ file: join(dir, lang), line: 1, message: `the activity slides are not the same activities in the same order as English: activity ${where + 1} is "${b[where] ?? 'none'}" in "${lang}" but "${a[where] ?? 'none'}" in English` });
  }
}
