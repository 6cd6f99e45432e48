/**
 * Checks of the guide's and the handout's words (slides/guide.yaml), and of the take-home
 * pages' (slides/take-home.yaml): every language says the same things (same keys, same
 * number of items, same citations, the same lines to call), every line they name exists in
 * resources.yaml, and no phone number hides in them: numbers live only in resources.yaml, so
 * a county that changes a number changes it once.
 */
import { citations } from './slides.ts';
import { record, type ContentError, type YamlResult } from './yaml-file.ts';

/** What the guide may refer to; a set is undefined when its file could not be read. */
export interface GuideRefs {
  resources: Set<string> | undefined;
  sources: Set<string> | undefined;
}

/**
 * Something that is dialled or texted: a 10- or 7-digit number with separators, a 1-800
 * number spelt in letters (1-800-RUNAWAY), a text short code (233733), or a three-digit
 * service code other than 911 and 988, which everyone knows and may be written as words.
 */
const PHONE_LIKE = [
  /(?<![\w-])(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}(?![\w-])/g,
  /(?<![\w-])\d{3}[\s.-]\d{4}(?![\w-])/g,
  /(?<![\w-])1[\s.-]?8\d\d[\s.-]?[A-Z]{2,}(?:-[A-Z0-9]+)*/g,
  /(?<![\w.$-]|\d,)\d{5,}(?![\w-]|,\d)/g,
  /(?<![\w.$-]|\d,)(?!911\b)[2-9]11(?![\w-]|,\d)/g,
];

/** The phone-number-like strings in `text`, as written. */
export function phoneLike(text: string): string[] {
  const found = PHONE_LIKE.flatMap((re) => [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0].trim() })));
  // A local number inside a full one, (831) 375-4357, is the same number.
  const whole = found.filter((a) => !found.some((b) => b !== a && b.start <= a.start && b.end >= a.end && b.end - b.start > a.end - a.start));
  return [...new Set(whole.sort((a, b) => a.start - b.start).map((m) => m.text))];
}

/**
 * Checks made on the file as written, even when it failed its schema, so one mistake does
 * not hide the others. The strict schema already gives every language the same keys; what
 * it cannot see is how many items a list has, and what the items say. `where` says how to
 * name a line instead of writing its number, in the file checked.
 */
export function checkGuide(result: YamlResult<unknown>, file: string, refs: GuideRefs, errors: ContentError[], where = "in the guide, name the line in a referral step's call: list"): void {
  const raw = record(result.raw);
  const err = (path: readonly (string | number)[], message: string): void => {
    errors.push({ file, line: result.lineOf(path), message: `${path.join('.')}: ${message}` });
  };
  const english = raw['en'];
  for (const lang of Object.keys(raw)) {
    leaves(raw[lang], [lang]).forEach(({ path, value }) => {
      const isCall = path.at(-2) === 'call';
      if (isCall && refs.resources && !refs.resources.has(value)) {
        err(path, `calls "${value}", which is not the id of any resource in resources.yaml`);
      }
      if (isCall) return;
      const phones = phoneLike(value);
      if (phones.length > 0) {
        const quoted = phones.map((p) => `"${p}"`).join(', ');
        err(path, `${quoted} ${phones.length === 1 ? 'looks like a phone number' : 'look like phone numbers'}: numbers live only in resources.yaml (${where})`);
      }
      for (const id of new Set(citations(value))) {
        if (refs.sources && !refs.sources.has(id)) err(path, `cites source [${id}], which is not in sources.yaml`);
      }
    });
    if (lang !== 'en' && english !== undefined) compare(english, raw[lang], ['en'], [lang], err);
  }
}

/** Every string in a YAML tree, with its path. */
function leaves(node: unknown, path: (string | number)[]): { path: (string | number)[]; value: string }[] {
  if (typeof node === 'string') return [{ path, value: node }];
  if (Array.isArray(node)) return node.flatMap((item, i) => leaves(item, [...path, i]));
  if (typeof node === 'object' && node !== null) return Object.entries(node).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [];
}

type Err = (path: readonly (string | number)[], message: string) => void;

/** A language's tree against English's: list lengths, the lines each step calls, citations. */
function compare(en: unknown, other: unknown, enPath: (string | number)[], path: (string | number)[], err: Err): void {
  if (Array.isArray(en) && Array.isArray(other)) {
    if (path.at(-1) === 'call') {
      if (JSON.stringify(en) !== JSON.stringify(other)) {
        err(path, `calls [${other.join(', ')}] but English calls [${en.join(', ')}]: every language calls the same lines, in the same order`);
      }
      return;
    }
    if (en.length !== other.length) {
      const [longer, longerPath, shorterPath] = en.length > other.length ? [en, enPath, path] : [other, path, enPath];
      const shorter = Math.min(en.length, other.length);
      const items = (n: number): string => `${n} item${n === 1 ? '' : 's'}`;
      err([...longerPath, shorter], `has no match in ${shorterPath.join('.')} (${items(shorter)} there, ${items(longer.length)} here): every language needs the same items, in the same order`);
    }
    en.forEach((item, i) => i < other.length && compare(item, other[i], [...enPath, i], [...path, i], err));
    return;
  }
  if (typeof en === 'string' && typeof other === 'string') {
    const a = [...new Set(citations(en))].sort().join(' ');
    const b = [...new Set(citations(other))].sort().join(' ');
    if (a !== b) err(path, `cites [${b}] but English cites [${a}]`);
    return;
  }
  if (typeof en === 'object' && en !== null && typeof other === 'object' && other !== null) {
    for (const [key, value] of Object.entries(en)) {
      if (key in other) compare(value, (other as Record<string, unknown>)[key], [...enPath, key], [...path, key], err);
    }
  }
}

/** The `id`s of resources.yaml's entries, as written (so they are known even when it failed validation). */
export function resourceIds(raw: unknown): Set<string> | undefined {
  const groups = record(raw)['groups'];
  if (typeof groups !== 'object' || groups === null) return undefined;
  const ids = Object.values(groups).flatMap((g) => {
    const entries = record(g)['entries'];
    return Array.isArray(entries) ? entries.flatMap((e) => (record(e)['id'] === undefined ? [] : [String(record(e)['id'])])) : [];
  });
  return new Set(ids);
}
