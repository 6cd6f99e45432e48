/**
 * Schemas of the workshop's content files (slides/*.yaml, slides/strings/*.yaml), and the
 * types of content once checked, which the rest of the server reads. Objects are strict:
 * an unknown field is an error, so a typo in a facilitator's edit is reported instead of
 * silently ignored.
 */
import { z } from 'zod';
import { LANGUAGES, type Language } from '../protocol.ts';
import type { Guide } from './guide.ts';
import type { Place } from './lens.ts';
import type { Slide } from './slides.ts';
import type { TakeHome } from './take-home.ts';

/** A phone number as people dial it: 911, 988, 1-800-606-6618, (831) 375-4357 or 831-755-4661. */
export const PHONE = /^(\d{3}|1-\d{3}-\d{3}-\d{4}|\(\d{3}\) \d{3}-\d{4}|\d{3}-\d{3}-\d{4})$/;
/** A phone number, optionally followed by what it is for in brackets: "(831) 424-4357 (Salinas)". */
const LABELLED_PHONE = new RegExp(`^(${PHONE.source.slice(1, -1)})( \\([^()]+\\))?$`);
/** A text line: 988, a short code (233733) or a phone number. */
const TEXT_LINE = /^(\d{3}|\d{5,6}|1-\d{3}-\d{3}-\d{4}|\(\d{3}\) \d{3}-\d{4}|\d{3}-\d{3}-\d{4})$/;
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const text = z.string().trim().min(1, 'must not be empty');
const url = z.url({ protocol: /^https?$/, error: 'must be a web address starting with http:// or https://' });
const phone = z.string().regex(LABELLED_PHONE, 'is not a phone number like 1-800-606-6618, (831) 375-4357 or 911, with an optional "(what it is for)" after it');

/** What of a resource is words, in one language; numbers and addresses are the same in all. */
export const resourceTextSchema = z.strictObject({
  name: text,
  hours: text.optional(),
  languages: z.array(text).min(1).optional(),
  note: text.optional(),
});

export const resourceSchema = z.strictObject({
  /** How the guide's referral flow names this line (slides/guide.yaml `call`). */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).optional(),
  name: text,
  /** One number, or several: the first is the main line. */
  phone: z.union([phone, z.array(phone).min(1)]).optional(),
  text: z.string().regex(TEXT_LINE, 'is not a text line like 988, 233733 or 1-800-422-4453').optional(),
  /** The word to text, when the line expects one ("HELP" to 233733). */
  textWord: z.string().regex(/^[A-Z]{2,12}$/, 'is one word in capitals, like HELP').optional(),
  web: url.optional(),
  hours: text.optional(),
  languages: z.array(text).min(1).optional(),
  note: text.optional(),
  /**
   * The day someone last called the number or opened the site, and found it right. There is
   * no "not checked" value: a line nobody checked does not go on a slide or a card.
   */
  checked: z.iso.date({ error: 'must be the date you last checked this line yourself, like 2026-11-28' }),
  confidence: z.enum(['high', 'medium']),
  sources: z.array(z.string()).optional(),
  es: resourceTextSchema.optional(),
});

export const resourcesSchema = z.strictObject({
  region: text,
  groups: z.record(
    z.string().regex(ID, 'group names use lowercase letters, digits and dashes'),
    z.strictObject({ title: text, entries: z.array(resourceSchema).min(1), es: z.strictObject({ title: text }).optional() }),
  ),
});

export const sourceSchema = z
  .strictObject({
    id: z.string().regex(/^\d+[a-z]?$/, 'source ids are numbers like "5" or "29b"'),
    title: text,
    url: url.optional(),
    urls: z.array(url).min(2).optional(),
    secondary: z.boolean().optional(),
    /**
     * What about this source is not yet confirmed. Speaker notes may cite it (with a "Verify
     * before presenting" line); slides and the explanations phones show may not.
     */
    unverified: text.optional(),
  })
  .refine((s) => (s.url === undefined) !== (s.urls === undefined), 'needs exactly one of url or urls');

export const sourcesSchema = z.strictObject({ sources: z.array(sourceSchema).min(1) });

const option = z.string().trim().min(1).max(120, 'options must fit on a phone button (120 characters at most)');
const options = z.array(option).min(2, 'needs at least 2 options').max(6, 'has more than 6 options');

/**
 * The languages other than English that content carries inline, as a block named by the
 * language's code next to the English it translates. The content check makes each block
 * hold exactly the fields the English has.
 */
export const TRANSLATIONS = LANGUAGES.filter((l): l is Exclude<Language, 'en'> => l !== 'en');

/** What of an activity a phone or a slide shows, in one language. */
export const activityTextSchema = z.strictObject({
  prompt: text,
  short: text.optional(),
  title: text.optional(),
  story: text.optional(),
  options: z.array(option).optional(),
  explanation: text.optional(),
  labels: z.tuple([text, text]).optional(),
});

const base = {
  id: z.string().regex(ID, 'ids use lowercase letters, digits and dashes'),
  prompt: text,
  es: activityTextSchema.optional(),
  /** Fewest answers before counts are shown; overrides the workshop's default. */
  threshold: z.int().min(1).max(1000).optional(),
  sources: z.array(z.string()).optional(),
  /** States California's law: a region pack without state law leaves it out (regions/README.md). */
  needs: z.literal('state-law').optional(),
};
/** Knowledge checks and confidence scales are asked twice, before and after; each round is its own activity. */
const rounds = z.array(z.enum(['before', 'after'])).min(2).max(2).optional();
/** A few words naming the question in tables (what we learned, the report). */
const short = z.string().trim().min(1).max(40, 'a short name fits a table row (40 characters at most)').optional();
const shortWhenTwice: [(a: { rounds?: unknown; short?: unknown }) => boolean, { message: string; path: string[] }] = [
  (a) => a.rounds === undefined || a.short !== undefined,
  { message: 'asked twice, so it needs a short name (short:) for the before-and-after tables', path: ['short'] },
];

export const activitySchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...base, kind: z.literal('choice'), options, answer: z.int().min(0).optional(), explanation: text.optional(), rounds, short }).refine(...shortWhenTwice),
  z.strictObject({ ...base, kind: z.literal('multi'), options, explanation: text.optional() }),
  z.strictObject({
    ...base,
    kind: z.literal('scale'),
    min: z.int().min(0).max(1),
    max: z.int().min(2).max(10),
    labels: z.tuple([text, text]),
    rounds,
    short,
  }).refine(...shortWhenTwice),
  z.strictObject({
    ...base,
    kind: z.literal('scenario'),
    title: text,
    story: text,
    options,
    answer: z.int().min(0),
    explanation: text,
  }),
  z.strictObject({ ...base, kind: z.literal('words'), maxLength: z.int().min(1).max(60).optional() }),
  z.strictObject({ ...base, kind: z.literal('text'), maxLength: z.int().min(1).max(1000).optional() }),
]);

export const activitiesSchema = z.strictObject({ activities: z.array(activitySchema) });

/** UI strings: flat keys to text. Placeholders are written {name}. */
export const stringsSchema = z.record(z.string().regex(/^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)*$/), text);

export type Resource = z.infer<typeof resourceSchema>;
export type Resources = z.infer<typeof resourcesSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type ActivitySpec = z.infer<typeof activitySchema>;
export type Strings = z.infer<typeof stringsSchema>;
export type ActivityText = z.infer<typeof activityTextSchema>;
export type ResourceText = z.infer<typeof resourceTextSchema>;

// The shapes of checked content: what the loader (content.ts) hands the server, and what
// the checks read. Here, not in the loader, so that a check never imports the module that
// calls it.

/** An activity as the room runs it: knowledge checks become one activity per round. */
export type Activity = ActivitySpec & { round?: 'before' | 'after' };

/** One Markdown file of a deck. */
export interface DeckFile {
  file: string;
  text: string;
  slides: Slide[];
}

/** All the workshop's content, checked. */
export interface Content {
  resources: Resources;
  sources: Source[];
  activities: Activity[];
  /** UI strings by language; `en` is the reference every other language must match. */
  strings: Record<string, Strings>;
  /** Deck files by language, in presentation order. */
  decks: Record<string, DeckFile[]>;
  /** The facilitator guide's and the handout's words (slides/guide.yaml), by language. */
  guide: Record<string, Guide>;
  /** The take-home pages' words (slides/take-home.yaml), by language. */
  takeHome: Record<string, TakeHome>;
  /** The region pack it was read with (regions/NAME), if any. */
  place: Place | undefined;
}
