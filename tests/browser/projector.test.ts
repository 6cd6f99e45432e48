/**
 * The projected deck as the back row of a 60-person room sees it, in Chromium at 1280x720:
 * the explanation and the Q&A at 24 px or more on the deck's 1280x720 canvas, clear of the
 * slide counter, which is clear of the arrows; the Questions slide shows the questions, not
 * a count of answers; and every slide still fits with every explanation on it, in both
 * languages.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_QUESTION_LENGTH } from '../../server/core/limits.ts';
import { launchBrowser, slidesTooTall } from '../helpers/browser.ts';
import { realActivities, realContent, ROOT, startServer, type Running } from '../helpers/server.ts';

const SHOTS = join(ROOT, 'dist/screenshots');
const SCENARIO = 'scenario-sextortion';
const MIN_FONT_PX = 24;
const en = realContent().strings['en'] ?? {};

let running: Running;
let browser: Browser;
const contexts: BrowserContext[] = [];
const problems: string[] = [];

beforeAll(async () => {
  // Two answers are enough to show the counts (a facilitator's --threshold 2).
  running = await startServer(undefined, { thresholds: { default: 2, text: 10 } });
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await running?.close();
});

const room = () => {
  const r = running.app.rooms.all()[0];
  if (!r) throw new Error('no room');
  return r;
};

async function deckPage(query = ''): Promise<Page> {
  // Reduced motion: no fade between slides, so what is measured is what stays on screen.
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${running.url}/present?${query}key=${running.app.hostKey}`);
  await page.waitForSelector('.reveal.ready');
  // The join badge comes with the room's state: the deck is in the live room.
  await page.waitForSelector('.join-badge', { state: 'attached' });
  // Reduced motion: the arrows do not slide in (reveal.js moves them 10 px over 0.2 s, which
  // would put the previous arrow under the counter while it moves).
  const motion = await page.$$eval('.reveal .controls button', (bs) => bs.map((b) => getComputedStyle(b).transitionDuration));
  expect(motion.length).toBeGreaterThan(0);
  for (const d of motion) expect(d.split(',').every((x) => parseFloat(x) === 0), d).toBe(true);
  return page;
}

async function goTo(deck: Page, selector: string): Promise<void> {
  const index = await deck.evaluate((sel) => [...document.querySelectorAll('.reveal .slides > section')].findIndex((s) => s.matches(sel)), selector);
  expect(index, selector).toBeGreaterThanOrEqual(0);
  await deck.evaluate((i) => (location.hash = `#/${i}`), index);
  await deck.waitForSelector(`section.present${selector.replace(/^section/, '')}`);
}

/** Two phones answer `activityId` and the facilitator shows the results. */
async function answerAndReveal(activityId: string, best: number, multi: boolean): Promise<void> {
  expect((await room().command('open', activityId)).ok).toBe(true);
  for (const [phone, value] of [['phone-a', best], ['phone-b', (best + 1) % 3]] as const) {
    expect((await room().submit(phone, activityId, multi ? [value] : value)).ok).toBe(true);
  }
  expect((await room().command('reveal', activityId)).ok).toBe(true);
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** The computed font size: CSS pixels of the 1280x720 canvas, before reveal.js scales it. */
  font: number;
}

/** Where `selectors` are on the screen, each its first visible match in the current slide or the deck. */
async function boxes(deck: Page, selectors: Record<string, string>): Promise<Record<string, Box | null>> {
  return deck.evaluate((sels) => {
    const out: Record<string, Box | null> = {};
    for (const [name, sel] of Object.entries(sels)) {
      const e = [...document.querySelectorAll<HTMLElement>(sel)].find((x) => x.getClientRects().length > 0);
      const r = e?.getBoundingClientRect();
      out[name] = e && r ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom, font: parseFloat(getComputedStyle(e).fontSize) } : null;
    }
    return out;
  }, selectors);
}

const CORNER = { counter: '.reveal .slide-number', previous: '.reveal .controls .navigate-left.enabled', next: '.reveal .controls .navigate-right.enabled' };

function overlap(a: Box | null | undefined, b: Box | null | undefined): boolean {
  if (!a || !b) throw new Error('missing box');
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** The counter and both arrows are on screen, and none covers another or `content`. */
function expectClearCorner(found: Record<string, Box | null>, content: string): void {
  for (const name of ['counter', 'previous', 'next']) {
    const box = found[name];
    expect(box, name).not.toBeNull();
    expect(box && box.right <= 1280 && box.bottom <= 720, `${name} on screen`).toBe(true);
    expect(overlap(found[content], box), `${content} and ${name}`).toBe(false);
  }
  expect(overlap(found['counter'], found['previous']), 'counter and the previous arrow').toBe(false);
  expect(overlap(found['counter'], found['next']), 'counter and the next arrow').toBe(false);
}

describe('the projector, from the back of the room', () => {
  it('shows a scenario’s explanation large, clear of the slide counter, and the counter clear of the arrows', async () => {
    const deck = await deckPage();
    await goTo(deck, `section[data-activity="${SCENARIO}"]`);
    const scenario = realActivities().find((a) => a.id === SCENARIO);
    if (scenario?.kind !== 'scenario') throw new Error('no scenario');
    await answerAndReveal(SCENARIO, scenario.answer, false);
    await deck.waitForSelector('section.present .option-result');
    await deck.waitForSelector('section.present .live-explanation');
    const found = await boxes(deck, { explanation: 'section.present .live-explanation', ...CORNER });
    expect(found['explanation']?.font).toBeGreaterThanOrEqual(MIN_FONT_PX);
    expectClearCorner(found, 'explanation');
    // The story stays in view beside the explanation, and the slide fits.
    expect(await deck.isVisible('section.present .activity-story')).toBe(true);
    expect(await deck.$eval('section.present', (s) => s.scrollHeight)).toBeLessThanOrEqual(720);
    await deck.screenshot({ path: join(SHOTS, 'deck-scenario-explanation.png') });
  });

  it('shows three approved questions large on the Questions slide, with no count of answers', async () => {
    const qa = running.app.rooms.workshops()[0]?.qa;
    if (!qa) throw new Error('no Q&A');
    // As long as a question can be: three of them must still fit.
    const long = (n: number) => `Question ${n}: ${'how do I start talking with my teenager about the apps and the games they use every day? '.repeat(4)}`.slice(0, MAX_QUESTION_LENGTH);
    for (const n of [1, 2, 3]) expect((await qa.ask(long(n))).ok).toBe(true);
    for (const q of qa.queue().questions.filter((x) => x.status === 'waiting')) expect((await qa.moderate(q.id, 'approve')).ok).toBe(true);

    const deck = await deckPage();
    await goTo(deck, 'section[data-qa]');
    await deck.waitForFunction(() => document.querySelectorAll('section.present .qa-question').length === 3);
    const slide = (await deck.textContent('section.present')) ?? '';
    expect(await deck.$$('section.present .live-count')).toHaveLength(0);
    expect(slide).not.toContain(en['present.live.open']);
    expect(slide).not.toContain(en['present.live.answers.other']?.replace('{count}', '0'));

    const fonts = await deck.$$eval('section.present .qa-question, section.present .qa-question *', (els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
    expect(Math.min(...fonts)).toBeGreaterThanOrEqual(MIN_FONT_PX);
    expectClearCorner(await boxes(deck, { board: 'section.present .qa-board', ...CORNER }), 'board');
    expect(await deck.$eval('section.present', (s) => s.scrollHeight)).toBeLessThanOrEqual(720);
    await deck.screenshot({ path: join(SHOTS, 'deck-qa-three.png') });
  });

  it('fits every slide with every explanation shown, in both languages, each explanation large and clear of the corner', async () => {
    const withWhy = realActivities().filter((a) => 'explanation' in a && a.explanation && a.round !== 'before');
    expect(withWhy.length).toBeGreaterThan(10);
    for (const a of withWhy) await answerAndReveal(a.id, 'answer' in a && typeof a.answer === 'number' ? a.answer : 0, a.kind === 'multi');
    for (const lang of ['en', 'es']) {
      const deck = await deckPage(`lang=${lang}&full&`);
      await deck.waitForFunction((n) => document.querySelectorAll('.live-explanation').length === n, withWhy.length);
      const titles = await deck.$$eval('.reveal .slides > section', (ss) => ss.map((s) => s.getAttribute('data-activity') ?? s.querySelector('h1, h2')?.textContent ?? ''));
      const checked: string[] = [];
      const tooTall = await slidesTooTall(deck, titles, async (title) => {
        if (!withWhy.some((a) => a.id === title)) return;
        const found = await boxes(deck, { explanation: 'section.present .live-explanation', ...CORNER });
        expect(found['explanation']?.font, title).toBeGreaterThanOrEqual(MIN_FONT_PX);
        expect(overlap(found['explanation'], found['counter']), `${lang} ${title}: explanation under the counter`).toBe(false);
        checked.push(title);
      });
      expect(tooTall, lang).toEqual([]);
      expect(checked).toHaveLength(withWhy.length);
    }
    expect(problems).toEqual([]);
  }, 180_000); // Walks every slide in both languages: minutes on a busy machine.
});
