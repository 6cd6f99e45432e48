/**
 * When the simulated room does what it does: phones join over the first minute (most as the
 * QR code goes up, a few late), a handful of questions come in over the first minutes (the one
 * that looks personal early, so it can be practised), and some phones upvote the questions
 * the facilitator puts on the screen. Pure: times in milliseconds from the room's start.
 */
import type { RehearsalTexts } from './texts.ts';
import { between, type Random } from './random.ts';

/** Phones join within this long of the start. */
export const JOIN_OVER_MS = 60_000;
/** When the questions come, give or take 5 s: two in the first minute, then one every minute or two. */
export const QUESTION_AT_MS = [20_000, 40_000, 100_000, 180_000, 300_000] as const;
/** The share of phones that upvote a question once it is on the screen. */
export const VOTE_SHARE = 0.3;

/** When each of `phones` phones joins, earliest first: most come early, the last near `overMs`. */
export function joinTimes(phones: number, random: Random, overMs = JOIN_OVER_MS): number[] {
  return Array.from({ length: phones }, (_, i) => Math.round(overMs * ((i + random()) / phones) ** 2));
}

/** A question the room asks, `atMs` after the start. */
export interface Asked {
  atMs: number;
  text: string;
}

/** The room's questions: the first plain one, then the one that looks personal, then the others. */
export function questionSchedule(texts: RehearsalTexts, random: Random): Asked[] {
  const [first, ...rest] = texts.questions;
  const ordered = [first, texts.personal, ...rest].filter((t): t is string => t !== undefined);
  return ordered.map((text, i) => {
    // More questions than times: one every two minutes after the last.
    const at = QUESTION_AT_MS[i] ?? (QUESTION_AT_MS.at(-1) ?? 0) + 120_000 * (i - QUESTION_AT_MS.length + 1);
    return { atMs: at + between(random, -5_000, 5_000), text };
  });
}

/** How long after seeing a question on the screen a phone upvotes it, or undefined when it does not. */
export function voteDelay(random: Random): number | undefined {
  return random() < VOTE_SHARE ? between(random, 3_000, 20_000) : undefined;
}
