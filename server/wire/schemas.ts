/**
 * Runtime schemas for everything a client sends, checked at the edge before anything
 * else runs. Objects are strict: an extra field is refused, not ignored.
 */
import { z } from 'zod';
import { BREAK_MINUTES, CLOSE_SECONDS, PLANS, PROTOCOL_VERSION } from '../protocol.ts';

const id = z.string().min(1).max(80);

export const attendeeAuth = z.strictObject({
  v: z.literal(PROTOCOL_VERSION),
  code: z.string().regex(/^[A-Z0-9]{4,12}$/).optional(),
  /** 128 bits or more from crypto.getRandomValues, base64url. */
  device: z.string().regex(/^[A-Za-z0-9_-]{22,64}$/),
});

export const hostAuth = z.strictObject({
  v: z.literal(PROTOCOL_VERSION),
  code: z.string().regex(/^[A-Z0-9]{4,12}$/).optional(),
  hostKey: z.string().min(1).max(200),
});

/**
 * A paired console (server/pairing/): the credential the phone made itself (crypto random,
 * base64url), with the single-use pairing code the first time only.
 */
export const consoleAuth = z.strictObject({
  v: z.literal(PROTOCOL_VERSION),
  pair: z.string().regex(/^[A-Za-z0-9 -]{8,12}$/).optional(),
  console: z.string().regex(/^[A-Za-z0-9_-]{32,64}$/),
});

/**
 * Only the shape of an answer is checked here: a number, a list of numbers or a text. Whether
 * it is a valid answer to the activity (in range, a whole number, short enough) is the core's
 * rule, so every well-formed but invalid answer gets the same BAD_ANSWER. Size is bounded by
 * the message limit.
 */
export const answerSubmit = z.strictObject({
  activityId: id,
  value: z.union([z.number(), z.array(z.number()), z.string()]),
});

export const activityCommand = z.strictObject({ activityId: id });

export const empty = z.strictObject({});

/** The length rule (1 to 280 characters once trimmed) is the core's: BAD_QUESTION. */
export const questionAsk = z.strictObject({ text: z.string() });

export const questionVote = z.strictObject({ questionId: id, on: z.boolean() });

export const questionModerate = z.strictObject({ questionId: id, action: z.enum(['approve', 'dismiss', 'answered', 'unanswered']) });

/** A slide key as the deck marks its slides: `file.slide`. */
const slideKey = z.string().regex(/^\d{1,3}\.\d{1,3}$/);

export const deckGo = z.strictObject({ to: z.union([z.enum(['next', 'prev']), z.strictObject({ slide: slideKey })]) });

export const deckAt = z.strictObject({ slide: slideKey, plan: z.enum(PLANS) });

export const roomPause = z.strictObject({ paused: z.boolean() });

/** Only the durations the console offers: 30 or 60 seconds to close, a 3, 5 or 10 minute break. */
export const countdownSet = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('close'), activityId: id, seconds: z.union(CLOSE_SECONDS.map((n) => z.literal(n))) }),
  z.strictObject({ kind: z.literal('break'), slide: slideKey, minutes: z.union(BREAK_MINUTES.map((n) => z.literal(n))) }),
  z.strictObject({ kind: z.literal('none') }),
]);
