/**
 * The words of the facilitator guide and the attendee handout (slides/guide.yaml), in every
 * language: their schema, and the loader that reads the file and runs its checks
 * (check-guide.ts).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { LANGUAGES } from '../protocol.ts';
import { checkGuide, type GuideRefs } from './check-guide.ts';
import { readYaml, type ContentError, type YamlResult } from './yaml-file.ts';

const text = z.string().trim().min(1, 'must not be empty');
const list = z.array(text).min(1, 'needs at least one item');
const ID = /^[a-z0-9][a-z0-9-]*$/;

/** One language of guide.yaml: the guide's own sections and the handout's words. */
export const guideSchema = z.strictObject({
  guide: z.strictObject({
    title: text,
    intro: text,
    prepare: z.strictObject({ title: text, items: list }),
    disclosure: z.strictObject({ title: text, steps: list }),
    reporting: z.strictObject({ title: text, intro: text, items: list }),
    hard_questions: z.strictObject({ title: text, items: z.array(z.strictObject({ question: text, answer: text })).min(1) }),
    in_room: z.strictObject({ title: text, steps: list }),
    referral: z.strictObject({
      title: text,
      steps: z
        .array(
          z.strictObject({
            when: text,
            then: text,
            /** Resources to call, by their `id` in resources.yaml; may be empty. */
            call: z.array(z.string().regex(ID, 'is not a resource id like "cps" or "988"')),
          }),
        )
        .min(1),
    }),
    debrief: z.strictObject({ title: text, items: list }),
  }),
  handout: z.strictObject({
    title: text,
    signs_title: text,
    signs: list,
    do_title: text,
    do: list,
    help_title: text,
    help_note: text,
    qr_caption: text,
  }),
});

/** Every language of the kit must be in the file, and nothing else. */
export const guideFileSchema = z.record(z.enum(LANGUAGES), guideSchema);

/** The guide's and the handout's words in one language. */
export type Guide = z.infer<typeof guideSchema>;

/** Reads slides/guide.yaml (or the file given) and checks it against `refs`; `prepare` as readYaml's. */
export function loadGuide(file: string, refs: GuideRefs, prepare?: (raw: unknown) => unknown): { result: YamlResult<Record<string, Guide>>; errors: ContentError[] } {
  const result: YamlResult<Record<string, Guide>> = readYaml(file, readFileSync(file, 'utf8'), guideFileSchema, prepare);
  const errors = [...result.errors];
  checkGuide(result, file, refs, errors);
  return { result, errors };
}
