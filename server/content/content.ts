/**
 * Loads every content file of the workshop (decks, activities, resources, sources,
 * UI strings), validates each against its schema and runs the checks of the references
 * between them (the check-*.ts modules). Used by `npm run check:content`, by the build
 * and by the server.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import {
  activitiesSchema,
  resourcesSchema,
  sourcesSchema,
  stringsSchema,
  type Activity,
  type ActivitySpec,
  type Content,
  type DeckFile,
  type Strings,
} from './schema.ts';
import { checkDeck, checkTime } from './check-deck.ts';
import { checkActivities, checkResources, checkUnique } from './check-files.ts';
import { resourceIds } from './check-guide.ts';
import { checkActivityLanguages, checkDeckLanguage, checkResourceLanguages, checkStrings } from './check-languages.ts';
import { checkEverySourceCited, checkExplanations } from './check-sources.ts';
import { loadGuide } from './guide.ts';
import { parseSlides } from './slides.ts';
import { loadTakeHome } from './take-home.ts';
import { readYaml, record, type ContentError, type YamlResult } from './yaml-file.ts';

export type { ContentError } from './yaml-file.ts';
// The content types live in the schema; many modules still import them from here.
export type { Activity, Content, DeckFile } from './schema.ts';

/** Reads and checks all content under `dir` (normally `slides`). */
export function loadContent(dir = 'slides'): { content: Content | undefined; errors: ContentError[] } {
  const errors: ContentError[] = [];
  const read = <T>(name: string, schema: z.ZodType<T>): YamlResult<T> | undefined => {
    const file = join(dir, name);
    if (!existsSync(file)) {
      errors.push({ file, line: 1, message: 'file is missing' });
      return undefined;
    }
    const result = readYaml(file, readFileSync(file, 'utf8'), schema);
    errors.push(...result.errors);
    return result;
  };

  const resources = read('resources.yaml', resourcesSchema);
  const sources = read('sources.yaml', sourcesSchema);
  const activities = read('activities.yaml', activitiesSchema);
  const languages = readdirSync(dir).filter((d) => /^[a-z]{2}$/.test(d)).sort();
  const stringFiles = existsSync(join(dir, 'strings')) ? readdirSync(join(dir, 'strings')) : [];
  const stringLangs = stringFiles.flatMap((f) => f.match(/^([a-z]{2})\.yaml$/)?.[1] ?? []).filter((l) => l !== 'en');
  const strings: Record<string, YamlResult<Strings> | undefined> = {};
  for (const lang of ['en', ...stringLangs.sort()]) strings[lang] = read(`strings/${lang}.yaml`, stringsSchema);

  const decks: Record<string, DeckFile[]> = {};
  for (const lang of languages) {
    const files = readdirSync(join(dir, lang)).filter((f) => f.endsWith('.md')).sort();
    decks[lang] = files.map((f) => {
      const file = join(dir, lang, f);
      const text = readFileSync(file, 'utf8');
      return { file, text, slides: parseSlides(file, text) };
    });
  }
  if (!decks['en']?.length) errors.push({ file: join(dir, 'en'), line: 1, message: 'the English deck has no slides' });

  const sourceIds = new Set(sources?.value?.sources.map((s) => s.id));
  const unverified = new Set(sources?.value?.sources.filter((s) => s.unverified !== undefined).map((s) => s.id));

  if (sources?.value) checkUnique(sources.value.sources.map((s) => s.id), (i) => sources.lineOf(['sources', i, 'id']), 'source', errors, join(dir, 'sources.yaml'));
  if (activities?.value) checkActivities(activities, join(dir, 'activities.yaml'), sources?.value ? sourceIds : undefined, errors);
  if (activities) checkExplanations(activities, join(dir, 'activities.yaml'), unverified, errors);
  if (sources?.value) {
    const citedText = [...Object.values(decks).flat().map((f) => f.text), activities?.raw, resources?.raw].map((x) => (typeof x === 'string' ? x : JSON.stringify(x ?? null)));
    checkEverySourceCited(sources, join(dir, 'sources.yaml'), citedText, errors);
  }
  if (resources?.value) checkResources(resources, join(dir, 'resources.yaml'), errors);
  checkStrings(strings, dir, errors);
  // References are checked against what the files hold even when they failed validation,
  // so one mistake does not hide the others.
  const known = {
    activities: idsOf(activities?.raw, 'activities', (a) => (Array.isArray(a['rounds']) ? a['rounds'].map((r) => `${String(a['id'])}.${String(r)}`) : [String(a['id'])])),
    groups: resources?.raw ? new Set(Object.keys(record(record(resources.raw)['groups']))) : undefined,
    sources: idsOf(sources?.raw, 'sources', (s) => [String(s['id'])]),
    unverified,
  };
  // The guide names resources by id and cites sources: checked against what those files hold.
  const guideFile = join(dir, 'guide.yaml');
  const guide = existsSync(guideFile) ? loadGuide(guideFile, { resources: resourceIds(resources?.raw), sources: known.sources }) : undefined;
  errors.push(...(guide?.errors ?? [{ file: guideFile, line: 1, message: 'file is missing' }]));
  const takeHome = loadTakeHome(dir, { resources: resourceIds(resources?.raw), sources: known.sources }, errors);
  for (const [lang, files] of Object.entries(decks)) {
    const timeLabel = strings[lang]?.value?.['notes.time'] ?? strings['en']?.value?.['notes.time'] ?? 'Time';
    checkDeck(files, known, timeLabel, errors);
    checkTime(files, join(dir, lang), timeLabel, errors);
  }
  // Every language with page strings says everything English says.
  const others = Object.keys(strings).filter((l) => l !== 'en');
  if (activities?.value) checkActivityLanguages(activities, join(dir, 'activities.yaml'), others, errors);
  if (resources?.value) checkResourceLanguages(resources, join(dir, 'resources.yaml'), others, errors);
  for (const lang of others) {
    if (decks[lang] && decks['en']) checkDeckLanguage(decks['en'], decks[lang], dir, lang, errors);
    else errors.push({ file: join(dir, lang), line: 1, message: `there is no "${lang}" deck: strings/${lang}.yaml needs a ${join(dir, lang)} folder with every file of ${join(dir, 'en')}` });
  }
  errors.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));

  if (errors.length > 0 || !resources?.value || !sources?.value || !activities?.value || !guide?.result.value || !takeHome) return { content: undefined, errors };
  const goodStrings: Record<string, Strings> = {};
  for (const [lang, s] of Object.entries(strings)) if (s?.value) goodStrings[lang] = s.value;
  return {
    content: { resources: resources.value, sources: sources.value.sources, activities: withRounds(activities.value.activities), strings: goodStrings, decks, guide: guide.result.value, takeHome },
    errors,
  };
}

/** Ids in a file's list (`activities` or `sources`), or undefined when the file could not be read. */
function idsOf(raw: unknown, list: string, ids: (item: Record<string, unknown>) => string[]): Set<string> | undefined {
  const items = record(raw)[list];
  return Array.isArray(items) ? new Set(items.flatMap((item) => ids(record(item)))) : undefined;
}

/** Knowledge checks and check-ins are asked twice: each round is an activity of its own. */
function withRounds(list: readonly ActivitySpec[]): Activity[] {
  return list.flatMap((a): Activity[] =>
    (a.kind === 'choice' || a.kind === 'scale') && a.rounds ? a.rounds.map((round) => ({ ...a, id: `${a.id}.${round}`, round })) : [a],
  );
}
