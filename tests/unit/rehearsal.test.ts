/**
 * A rehearsal's simulated room, its pure parts: what a phone does with an activity (choices.ts),
 * when phones join and questions come (schedule.ts), what they type (texts.ts, from the
 * content in both languages), and the temporary folder (folder.ts).
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Activity } from '../../server/content/content.ts';
import { normaliseAnswer } from '../../server/core/answers.ts';
import { personalDetails } from '../../server/core/disclosure.ts';
import { choose, type PhoneChoice } from '../../server/rehearsal/choices.ts';
import { FOLDER_PREFIX, makeRehearsalFolder, removeLeftovers } from '../../server/rehearsal/folder.ts';
import { randomFor } from '../../server/rehearsal/random.ts';
import { JOIN_OVER_MS, joinTimes, questionSchedule } from '../../server/rehearsal/schedule.ts';
import { rehearsalTexts } from '../../server/rehearsal/texts.ts';
import { realActivities, realContent } from '../helpers/server.ts';

const typed = { words: ['listen', 'trust', 'patience', 'calm'], questions: ['How do I start?', 'Who do I call?'] };
const check = (round: 'before' | 'after'): Activity => ({ id: `check.${round}`, kind: 'choice', prompt: 'Force?', short: 'Force', options: ['Yes', 'No', 'Not sure'], answer: 1, round });
const scale = (round: 'before' | 'after'): Activity => ({ id: `sure.${round}`, kind: 'scale', prompt: 'Sure?', short: 'Sure', min: 1, max: 5, labels: ['No', 'Yes'], round });

/** What `phones` phones (seeds 0, 1, 2...) do with `activity`. */
const room = (activity: Activity, phones = 1000): PhoneChoice[] => Array.from({ length: phones }, (_, i) => choose(activity, randomFor('test', i, activity.id), typed));
const final = (c: PhoneChoice) => c.steps.at(-1)?.value;
const share = (choices: PhoneChoice[], test: (c: PhoneChoice) => boolean): number => choices.filter(test).length / choices.length;
const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

describe("a simulated phone's choice", () => {
  it('is a function of the activity and its seed: the same seed, the same choice', () => {
    const activity = check('after');
    expect(choose(activity, randomFor('s', 7), typed)).toEqual(choose(activity, randomFor('s', 7), typed));
    expect(new Set(room(activity, 50).map((c) => JSON.stringify(c))).size).toBeGreaterThan(10);
  });

  it('picks the best answer mostly after the teaching, fewer before it; some skip; a few change their minds', () => {
    const before = room(check('before'));
    const after = room(check('after'));
    const best = (c: PhoneChoice): boolean => final(c) === 1;
    expect(share(after, best)).toBeGreaterThan(0.7);
    expect(share(before, best)).toBeLessThan(0.5);
    expect(share(before, best)).toBeGreaterThan(0.25);
    for (const choices of [before, after]) {
      expect(share(choices, (c) => c.steps.length === 0)).toBeGreaterThan(0.03);
      expect(share(choices, (c) => c.steps.length === 0)).toBeLessThan(0.15);
      expect(share(choices, (c) => c.steps.length === 2)).toBeGreaterThan(0.05);
      expect(share(choices, (c) => c.steps.length === 2)).toBeLessThan(0.2);
    }
  });

  it('changes its mind to another answer, a few seconds after the first', () => {
    const changed = room(check('after')).filter((c) => c.steps.length === 2);
    for (const c of changed) {
      expect(c.steps[0]?.value).not.toEqual(c.steps[1]?.value);
      expect(c.steps[1]?.afterMs).toBeGreaterThanOrEqual(2_000);
      expect(c.steps[1]?.afterMs).toBeLessThanOrEqual(8_000);
    }
  });

  it('feels more confident at the second check-in than at the first', () => {
    const points = (round: 'before' | 'after') => room(scale(round)).flatMap((c) => (c.steps.length ? [final(c) as number] : []));
    expect(mean(points('after'))).toBeGreaterThan(mean(points('before')) + 1);
  });

  it('gives the common words of a word cloud more often, so some are given twice and show', () => {
    const words = room({ id: 'w', kind: 'words', prompt: 'One word' }, 25).flatMap((c) => (c.steps.length ? [final(c) as string] : []));
    const counts = new Map<string, number>();
    for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeGreaterThanOrEqual(3);
  });

  it('leaves a question box mostly empty, and skips what it has nothing to type for', () => {
    const box = room({ id: 'box', kind: 'text', prompt: 'A question?' });
    expect(share(box, (c) => c.steps.length === 0)).toBeGreaterThan(0.7);
    expect(choose({ id: 'w', kind: 'words', prompt: 'One word' }, randomFor('x'), { words: [], questions: [] }).steps).toEqual([]);
  });

  it("answers every activity of the content with an answer the kit takes, as it would store it", () => {
    for (const activity of realActivities()) {
      for (const choice of room(activity, 200)) {
        for (const step of choice.steps) {
          expect(normaliseAnswer(activity, step.value), `${activity.id}: ${JSON.stringify(step.value)}`).toEqual(step.value);
          expect(step.afterMs).toBeGreaterThan(0);
          expect(step.afterMs).toBeLessThanOrEqual(60_000);
        }
      }
    }
  });
});

describe('what the simulated room types, from the content', () => {
  it.each(['en', 'es'])('has words, plain questions and one that looks personal, in %s', (lang) => {
    const texts = rehearsalTexts(realContent().strings[lang] ?? {});
    expect(texts.words.length).toBeGreaterThanOrEqual(4);
    expect(texts.questions.length).toBeGreaterThanOrEqual(3);
    // The kit marks it "looks personal" (core/disclosure.ts), so the facilitator practises that too; the others it does not.
    expect(personalDetails(texts.personal ?? '')).not.toEqual([]);
    for (const q of texts.questions) expect(personalDetails(q), q).toEqual([]);
    for (const w of texts.words) expect(w).toMatch(/^[\p{L}]+$/u);
  });
});

describe("the simulated room's timing", () => {
  it('lets phones join over the first minute, most of them early', () => {
    const times = joinTimes(25, randomFor('join'));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times.every((t) => t >= 0 && t <= JOIN_OVER_MS)).toBe(true);
    expect(times.filter((t) => t <= 15_000).length).toBeGreaterThanOrEqual(12);
    expect(times.at(-1)).toBeGreaterThan(40_000);
  });

  it('asks a handful of questions: a plain one first, the personal one within the first minute, at most two in a minute', () => {
    const texts = { words: [], questions: ['a', 'b', 'c', 'd'], personal: 'mine' };
    const asked = questionSchedule(texts, randomFor('ask'));
    expect(asked.map((a) => a.text)).toEqual(['a', 'mine', 'b', 'c', 'd']);
    expect(asked[1]?.atMs).toBeLessThan(60_000);
    for (const a of asked) expect(asked.filter((b) => b.atMs >= a.atMs && b.atMs < a.atMs + 60_000).length).toBeLessThanOrEqual(2);
  });
});

describe("the rehearsal's folder", () => {
  const bases: string[] = [];
  afterEach(() => {
    for (const base of bases.splice(0)) rmSync(base, { recursive: true, force: true });
  });
  const base = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'csec-rehearsal-test-'));
    bases.push(dir);
    return dir;
  };

  it('is a fresh folder of its own, for this user only, and is gone once removed', () => {
    const where = base();
    const folder = makeRehearsalFolder(where);
    expect(folder.dir.startsWith(join(where, `${FOLDER_PREFIX}${process.pid}-`))).toBe(true);
    expect(statSync(folder.dir).mode & 0o777).toBe(0o700);
    folder.remove();
    folder.remove();
    expect(readdirSync(where)).toEqual([]);
  });

  it("deletes what a killed rehearsal left, never a running kit's", () => {
    const where = base();
    // A process id no process has (above the kernel's pid_max), and this process's own.
    const gone = join(where, `${FOLDER_PREFIX}4194305-abc`);
    const running = join(where, `${FOLDER_PREFIX}${process.pid}-def`);
    const other = join(where, 'csec-kit-xyz');
    for (const dir of [gone, running, other]) mkdirSync(dir);
    removeLeftovers(where);
    expect(readdirSync(where).sort()).toEqual(['csec-kit-xyz', `${FOLDER_PREFIX}${process.pid}-def`]);
  });
});
