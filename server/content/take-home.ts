/**
 * The words of the take-home pages (slides/take-home.yaml), in every language: the page for
 * parents and caregivers (/handout/parents) and the card for a young person (/handout/teens).
 * Checked exactly as guide.yaml is, by the guide's own check: every language has the same keys
 * and the same number of items, cites the same sources and calls the same lines; every line
 * named exists in resources.yaml, every source cited exists in sources.yaml, and no phone
 * number hides in the words, because numbers live only in resources.yaml.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { LANGUAGES } from '../protocol.ts';
import { checkGuide, type GuideRefs } from './check-guide.ts';
import { readYaml, type ContentError } from './yaml-file.ts';

const text = z.string().trim().min(1, 'must not be empty');
const list = z.array(text).min(1, 'needs at least one item');
/** Lines to call, by their `id` in resources.yaml; the pages print their names and numbers. */
const call = z.array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'is not a resource id like "cps" or "988"')).min(1, 'names at least one line');

/** One language of take-home.yaml. */
export const takeHomeSchema = z.strictObject({
  /** The label before the sources named in small print ("Sources:"). */
  sources: text,
  parents: z.strictObject({
    title: text,
    intro: text,
    ages_title: text,
    ages: z.array(z.strictObject({ label: text, starters: list })).min(1),
    safety_plan: z.strictObject({ title: text, say: text }),
    family_plan: z.strictObject({ title: text, items: list }),
    if_they_tell: z.strictObject({ title: text, text }),
    help: z.strictObject({ title: text, note: text, call }),
  }),
  teens: z.strictObject({
    title: text,
    lead: text,
    /** How the sheet prints (shown on screen only). */
    print: text,
    do: z.strictObject({ title: text, items: list }),
    help: z.strictObject({ title: text, items: z.array(z.strictObject({ say: text, call })).min(1) }),
  }),
});

/** Every language of the kit must be in the file, and nothing else. */
export const takeHomeFileSchema = z.record(z.enum(LANGUAGES), takeHomeSchema);

/** The take-home pages' words in one language. */
export type TakeHome = z.infer<typeof takeHomeSchema>;

/**
 * Reads `file` (slides/take-home.yaml), adds its problems to `errors`, and returns its words
 * by language, or undefined when it is missing or has any problem; `prepare` as readYaml's.
 */
export function loadTakeHome(file: string, refs: GuideRefs, errors: ContentError[], prepare?: (raw: unknown) => unknown): Record<string, TakeHome> | undefined {
  if (!existsSync(file)) {
    errors.push({ file, line: 1, message: 'file is missing' });
    return undefined;
  }
  const result = readYaml(file, readFileSync(file, 'utf8'), takeHomeFileSchema, prepare);
  const found = [...result.errors];
  checkGuide(result, file, refs, found, 'on a take-home page, name the line in a call: list');
  errors.push(...found);
  return found.length === 0 ? result.value : undefined;
}
