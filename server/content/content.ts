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
import { plainLens, type ContentLens } from './lens.ts';
import { citations } from './slides.ts';
import { readYaml, record, type ContentError, type YamlResult } from './yaml-file.ts';

export type { ContentError } from './yaml-file.ts';
// The content types live in the schema; many modules still import them from here.
export type { Activity, Content, DeckFile } from './schema.ts';

/** What the loader found: the content when it has no problem, the problems, and what a pack left out. */
export interface Loaded {
  content: Content | undefined;
  errors: ContentError[];
  /** Slides a region pack left out (its law is not the deck's), one line each. */
  leftOut: string[];
}

/**
 * Reads and checks all content under `dir` (normally `slides`), as `lens` sees it: a region
 * pack's files, words and law laid over it (server/regions/), or the folder as it is.
 */
export function loadContent(dir = 'slides', lens: ContentLens = plainLens(dir)): Loaded {
  const errors: ContentError[] = [];
  const leftOut: string[] = [];
  const read = <T>(name: string, schema: z.ZodType<T>): YamlResult<T> | undefined => {
    const file = lens.file(name);
    if (!existsSync(file)) {
      errors.push({ file, line: 1, message: 'file is missing' });
      return undefined;
    }
    const result = readYaml(file, readFileSync(file, 'utf8'), schema, (raw) => lens.data(raw, file));
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

  // An activity that states a law the pack does not have is left out, with its slides.
  const dropped = new Set(activities?.value?.activities.filter((a) => !lens.keepActivity(a.id, a.needs, errors)).map((a) => a.id));
  const decks: Record<string, DeckFile[]> = {};
  for (const lang of languages) {
    decks[lang] = lens.deckFiles(lang).map((file) => {
      const { text, from } = lens.markdown(readFileSync(file, 'utf8'), lang, file);
      // Problems name the file's own lines, also where a pack left a line out.
      const line = (n: number): number => from?.[n - 1] ?? n;
      const slides = parseSlides(file, text)
        .map((s) => ({ ...s, start: line(s.start), line: line(s.line), attrsLine: line(s.attrsLine), notesLine: line(s.notesLine) }))
        .filter((slide) => {
        const keep = lens.keepSlide(slide, errors) && !dropped.has(slide.attrs['data-activity']?.replace(/\.(before|after)$/, '') ?? '');
        // A stand-in for state law that a pack with state law does not need is not news.
        if (!keep && lang === 'en' && slide.attrs['data-needs'] !== 'no-state-law') leftOut.push(`"${slide.title}" (${file.split(/[\\/]/).slice(-2).join('/')})`);
        return keep;
      });
      return { file, text, slides };
    });
  }
  if (!decks['en']?.length) errors.push({ file: join(dir, 'en'), line: 1, message: 'the English deck has no slides' });

  const sourceIds = new Set(sources?.value?.sources.map((s) => s.id));
  const unverified = new Set(sources?.value?.sources.filter((s) => s.unverified !== undefined).map((s) => s.id));

  if (sources?.value) checkUnique(sources.value.sources.map((s) => s.id), (i) => sources.lineOf(['sources', i, 'id']), 'source', errors, join(dir, 'sources.yaml'));
  if (activities?.value) checkActivities(activities, join(dir, 'activities.yaml'), sources?.value ? sourceIds : undefined, errors);
  if (activities) checkExplanations(activities, join(dir, 'activities.yaml'), unverified, errors);
  if (sources?.value && lens.citesEverySource) {
    const citedText = [...Object.values(decks).flat().map((f) => f.text), activities?.raw, resources?.raw].map((x) => (typeof x === 'string' ? x : JSON.stringify(x ?? null)));
    checkEverySourceCited(sources, join(dir, 'sources.yaml'), citedText, errors);
  }
  if (resources) checkResources(resources, lens.file('resources.yaml'), errors);
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
  const guideFile = lens.file('guide.yaml');
  const guide = existsSync(guideFile) ? loadGuide(guideFile, { resources: resourceIds(resources?.raw), sources: known.sources }, (raw) => lens.data(raw, guideFile)) : undefined;
  errors.push(...(guide?.errors ?? [{ file: guideFile, line: 1, message: 'file is missing' }]));
  const takeHomeFile = lens.file('take-home.yaml');
  const takeHome = loadTakeHome(takeHomeFile, { resources: resourceIds(resources?.raw), sources: known.sources }, errors, (raw) => lens.data(raw, takeHomeFile));
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
  errors.push(...lens.errors());
  errors.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));

  if (errors.length > 0 || !resources?.value || !sources?.value || !activities?.value || !guide?.result.value || !takeHome) return { content: undefined, errors, leftOut };
  const goodStrings: Record<string, Strings> = {};
  for (const [lang, s] of Object.entries(strings)) if (s?.value) goodStrings[lang] = s.value;
  const kept = activities.value.activities.filter((a) => !dropped.has(a.id));
  // The room sees only the sources the content it is shown cites (all of them, for the deck's own pack).
  const cited = new Set(
    [...Object.values(decks).flatMap((files) => files.flatMap((f) => f.slides.map((s) => s.lines.join('\n')))), JSON.stringify(kept), JSON.stringify(resources.value), JSON.stringify(guide.result.value), JSON.stringify(takeHome)].flatMap(
      (text) => [...citations(text), ...[...text.matchAll(/"sources":\[([^\]]*)\]/g)].flatMap((m) => (m[1] ?? '').match(/[^",]+/g) ?? [])],
    ),
  );
  return {
    content: {
      resources: resources.value,
      sources: sources.value.sources.filter((s) => cited.has(s.id)),
      activities: withRounds(kept),
      strings: goodStrings,
      decks,
      guide: guide.result.value,
      takeHome,
      place: lens.place,
    },
    errors,
    leftOut,
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
