/**
 * The phone, polished: a locked question says answers are closed and promises no change;
 * the Questions slide has one way to ask; at 200% zoom the top bar stays one row and a long
 * word wraps; the Q&A part of the page sits in a landmark.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity } from '../../server/content/content.ts';
import { axe } from '../helpers/axe.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { realActivities, realContent, ROOT, startServer, type Running } from '../helpers/server.ts';

const SHOTS = join(ROOT, 'dist/screenshots');
const en = realContent().strings['en'] ?? {};
/** 60 letters and no space: a word no phone is wide enough for. */
const LONG = 'Pneumonoultramicroscopicsilicovolcanoconiosis'.padEnd(60, 'x');
const WIDE = 'check-where-to-report.after';
const CHECK = 'check-arrest.after';

let running: Running;
let browser: Browser;
const contexts: BrowserContext[] = [];
const problems: string[] = [];

beforeAll(async () => {
  // One knowledge check carries the long word in its prompt and in an option.
  const activities = realActivities().map((a): Activity => (a.id === WIDE && a.kind === 'choice' ? { ...a, prompt: `${LONG}?`, options: [LONG, ...a.options.slice(1)] } : a));
  running = await startServer(undefined, { activities });
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
const qa = () => {
  const q = running.app.rooms.workshops()[0]?.qa;
  if (!q) throw new Error('no Q&A');
  return q;
};
async function command(type: 'open' | 'lock' | 'unlock' | 'idle', activityId = ''): Promise<void> {
  expect((await room().command(type, activityId)).ok).toBe(true);
}

/** A phone past the content note. 180x320 is a 360x640 phone zoomed to 200%. */
async function phone(size = { width: 360, height: 640 }, locale = 'en-US'): Promise<Page> {
  // bypassCSP only so that the accessibility checker can be injected; the kit's own code runs as always.
  const context = await browser.newContext({ viewport: size, deviceScaleFactor: 720 / size.width, isMobile: true, hasTouch: true, locale, bypassCSP: true, reducedMotion: 'reduce' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${running.url}/`);
  await page.click('.content-note button');
  await page.waitForSelector('section.question');
  await page.waitForSelector('section.qa:not([hidden])');
  return page;
}

const feedback = (page: Page) => page.textContent('main .feedback');

describe('a locked question on the phone', () => {
  it('says the answer was received and answers are closed, and never promises a change', async () => {
    await command('open', CHECK);
    const answered = await phone();
    const silent = await phone();
    await answered.click('button.choice[data-value="1"]');
    await answered.waitForSelector('.feedback.received');
    expect(await feedback(answered)).toBe(en['join.answer.received']);

    await command('lock', CHECK);
    await answered.waitForSelector('.feedback.receivedClosed');
    expect(await feedback(answered)).toBe(en['join.answer.receivedClosed']);
    await silent.waitForSelector('button.choice:disabled');
    expect(await feedback(silent)).toBe(en['join.answer.closed']);
    // After a reload too: the answer comes back from the server, and the lock with it.
    await answered.reload();
    await answered.waitForSelector('button.choice[data-value="1"][aria-pressed="true"]:disabled');
    expect(await feedback(answered)).toBe(en['join.answer.receivedClosed']);
    for (const page of [answered, silent]) expect(await page.textContent('main')).not.toContain(en['join.answer.received']);
    await answered.screenshot({ path: join(SHOTS, 'phone-locked.png') });

    await command('unlock', CHECK);
    await answered.waitForSelector('.feedback.received');
    expect(await feedback(answered)).toBe(en['join.answer.received']);
  });
});

describe('the Questions slide on the phone', () => {
  it('offers one way to ask: the Q&A form, open by itself, and folds it back afterwards', async () => {
    await command('idle');
    const page = await phone();
    await page.waitForSelector(`section.qa button >> text=${en['join.qa.ask']}`);
    expect(await page.$$('textarea')).toHaveLength(0);

    await command('open', 'question-box');
    await page.waitForSelector('section.qa #qa-text');
    // No text box of the slide's own, no second "Ask a question": one form on the page.
    expect(await page.$$('textarea, input')).toHaveLength(1);
    expect(await page.$$('main form, main textarea')).toHaveLength(0);
    expect(await page.isVisible(`button >> text=${en['join.qa.ask']}`)).toBe(false);
    await page.screenshot({ path: join(SHOTS, 'phone-question-box.png') });

    const text = 'Where can a parent take a training about online safety?';
    await page.fill('#qa-text', text);
    await page.click('section.qa form button.send');
    await page.waitForSelector('section.qa .feedback.received');
    expect(await page.textContent('section.qa .feedback.received')).toBe(en['join.qa.sent']);
    expect(qa().queue().questions.some((q) => q.text === text && q.status === 'waiting')).toBe(true);

    // Elsewhere the form is a button again; the question box left nothing behind.
    await command('idle');
    await page.waitForSelector(`main h1 >> text=${en['join.waiting.title']}`);
    expect(await page.isVisible(`section.qa button >> text=${en['join.qa.ask']}`)).toBe(true);
    expect(await page.$$('textarea')).toHaveLength(0);
  });
});

describe('the phone at 200% zoom', () => {
  it('keeps the top bar one compact row and wraps a 60-letter word, in both languages', async () => {
    expect((await qa().ask(`Is ${LONG} one word?`)).ok).toBe(true);
    for (const q of qa().queue().questions.filter((x) => x.status === 'waiting')) await qa().moderate(q.id, 'approve');
    for (const locale of ['en-US', 'es-MX']) {
      const page = await phone({ width: 180, height: 320 }, locale);
      const fits = async (what: string): Promise<void> => {
        const { scroll, client } = await page.evaluate(() => ({ scroll: document.scrollingElement?.scrollWidth ?? 0, client: document.scrollingElement?.clientWidth ?? 0 }));
        expect(scroll, `${locale} ${what}: nothing runs off the side`).toBeLessThanOrEqual(client);
        const bar = await page.$$eval('.toolbar button', (bs) => bs.map((b) => b.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom, right: r.right })));
        expect(bar).toHaveLength(3);
        expect(new Set(bar.map((b) => Math.round(b.top))).size, `${locale} ${what}: one row`).toBe(1);
        expect(Math.max(...bar.map((b) => b.right))).toBeLessThanOrEqual(client);
        // Compact: the bar keeps most of a 320-pixel-high screen for the question.
        expect(await page.$eval('.toolbar', (t) => t.getBoundingClientRect().height)).toBeLessThanOrEqual(64);
      };
      await command('idle');
      await page.waitForSelector('section.qa .qa-item');
      await fits('waiting, with the board');
      await command('open', WIDE);
      await page.waitForSelector('main button.choice');
      await fits('a long option');
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(SHOTS, `phone-200pct-${locale.slice(0, 2)}.png`) });
      await command('open', 'question-box');
      await page.waitForSelector('section.qa #qa-text');
      await fits('the question box');
      await page.click('.toolbar .help-open');
      await page.waitForSelector('section.help:not([hidden])');
      await fits('help');
      await page.click('.help-close');
    }
    expect(problems).toEqual([]);
  });
});

describe('landmarks', () => {
  it('puts the Q&A in a landmark of its own: no serious accessibility problem, no content outside landmarks', async () => {
    const page = await phone();
    for (const activity of ['question-box', CHECK]) {
      await command('open', activity);
      await page.waitForSelector(`main section.question[data-activity="${activity}"]`);
      await page.waitForSelector('section.qa .qa-item');
      expect(await page.getAttribute('section.qa', 'aria-labelledby')).toBe('qa-title');
      expect(await page.textContent('#qa-title')).toBe(en['join.qa.title']);
      expect(await axe(page)).toEqual([]);
      const outside = await page.evaluate(async () => {
        const run = (window as unknown as { axe: { run: (c: string, o: object) => Promise<{ violations: { nodes: { target: string[] }[] }[] }> } }).axe.run;
        const r = await run('body', { runOnly: ['region'] });
        return r.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')));
      });
      expect(outside, activity).toEqual([]);
    }
  });
});
