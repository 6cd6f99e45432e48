import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, slidesTooTall } from '../helpers/browser.ts';
import { shownSlides } from '../../client/host/plan.ts';
import { deckOutline } from '../../server/content/outline.ts';
import type { PlanId } from '../../server/protocol.ts';
import { realContent, ROOT, startServer, type Running } from '../helpers/server.ts';

const SHOTS = join(ROOT, 'dist/screenshots');
let running: Running;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  running = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await running?.close();
});

/** Opens a page and records console errors and every request that leaves the server's origin. */
async function open(path: string, size = { width: 1280, height: 720 }) {
  const context = await browser.newContext({ viewport: size });
  const page = await context.newPage();
  const problems: string[] = [];
  const foreign: string[] = [];
  const watch = (p: Page): void => {
    p.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    p.on('pageerror', (e) => problems.push(e.message));
    p.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(running.url) && !url.startsWith('data:') && url !== 'about:blank') foreign.push(url);
    });
  };
  watch(page);
  context.on('page', watch);
  await page.goto(`${running.url}${path}`);
  return { context, page, problems, foreign };
}

describe('the deck in Chromium', () => {
  it('shows every slide with speaker notes, offline, with the key gone from the URL and the page', async () => {
    const key = running.app.hostKey;
    // The full-workshop link: every slide, optional modules included, must fit the projector.
    const { page, problems, foreign, context } = await open(`/present?full&key=${key}`);
    await page.waitForSelector('.reveal.ready');
    await page.screenshot({ path: join(SHOTS, 'deck-title.png') });

    expect(page.url()).not.toContain(key);
    expect(page.url()).not.toContain('key=');
    expect(new URL(page.url()).searchParams.has('full')).toBe(true);
    const html = await page.evaluate(() => document.documentElement.outerHTML + document.title + location.href);
    expect(html).not.toContain(key);
    expect(await page.evaluate(() => sessionStorage.getItem('hostKey'))).toBe(key);

    const slides = await page.$$eval('.reveal .slides section:not(.stack)', (sections) =>
      sections.map((s) => ({ title: s.querySelector('h1, h2')?.textContent ?? '', notes: s.querySelector('aside.notes')?.textContent?.trim() ?? '' })),
    );
    expect(slides.length).toBeGreaterThanOrEqual(25);
    for (const slide of slides) expect(slide.notes, slide.title).toMatch(/Time:/);

    // Every slide fits the deck's 1280x720 canvas: nothing is cut off on the projector.
    const shots: Record<string, string> = { 'In Monterey County': 'deck-resources', Sextortion: 'deck-sextortion', 'Which line, when': 'deck-which-line', "Let's take a break": 'deck-break' };
    const tooTall = await slidesTooTall(
      page,
      slides.map((s) => s.title),
      async (title) => void (shots[title] && (await page.screenshot({ path: join(SHOTS, `${shots[title]}.png`) }))),
    );
    expect(tooTall).toEqual([]);
    await page.evaluate(() => (location.hash = '#/0'));

    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => location.hash === '#/1');
    await page.keyboard.press('o');
    await page.waitForSelector('.reveal.overview');
    await page.keyboard.press('o');

    const resources = await page.$$eval('section[data-resources] li.resource', (items) => items.map((i) => i.textContent ?? ''));
    expect(resources.join('\n')).toContain('1-800-606-6618');
    expect(resources.join('\n')).toContain('1-888-373-7888');

    expect(problems).toEqual([]);
    expect(foreign).toEqual([]);
    await context.close();
  }, 180_000); // Walks every slide of the full set: minutes on a busy machine.

  it('presents the 90-minute plan by default, and the 60-minute plan and the full set from their links', async () => {
    // As the deck shows them: a long source list is split over several slides.
    const outline = deckOutline(realContent(), 'en');
    const inPlan = (plan: PlanId) => shownSlides(outline, plan).length;
    expect(inPlan('60')).toBeLessThan(inPlan('90'));
    expect(inPlan('90')).toBeLessThan(inPlan('full'));
    const count = async (path: string): Promise<{ slides: number; larger: string[] }> => {
      const { page, problems, context } = await open(path);
      await page.waitForSelector('.reveal.ready');
      const found = {
        slides: await page.$$eval('.reveal .slides > section', (s) => s.length),
        larger: await page.$$eval('.reveal .slides section[data-optional]', (s) => s.map((e) => e.getAttribute('data-activity') ?? e.querySelector('h2')?.textContent ?? '')),
      };
      expect(problems).toEqual([]);
      await context.close();
      return found;
    };
    const byDefault = await count(`/present?key=${running.app.hostKey}`);
    const sixty = await count(`/present?plan=60&key=${running.app.hostKey}`);
    const full = await count(`/present?full&key=${running.app.hostKey}`);
    expect(byDefault.larger).toEqual([]);
    expect(byDefault.slides).toBe(inPlan('90'));
    expect(sixty.slides).toBe(inPlan('60'));
    expect(full.slides).toBe(inPlan('full'));
  });

  it('opens the speaker view with the notes (allowed by the page policy)', async () => {
    const { page, problems, foreign, context } = await open(`/present?key=${running.app.hostKey}#/1`);
    await page.waitForSelector('.reveal.ready');
    const [popup] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
    await popup.waitForFunction(() => (document.querySelector('.speaker-controls-notes .value')?.textContent ?? '').includes('Time:'));
    await popup.setViewportSize({ width: 1100, height: 700 });
    await popup.screenshot({ path: join(SHOTS, 'speaker-view.png') });
    expect(problems).toEqual([]);
    expect(foreign).toEqual([]);
    await context.close();
  });

  it('lays the deck out for printing with ?print-pdf', async () => {
    const { page, problems, foreign, context } = await open('/present?print-pdf');
    await page.waitForSelector('.reveal.ready');
    await page.waitForSelector('.pdf-page');
    expect(await page.$$eval('.pdf-page', (pages) => pages.length)).toBeGreaterThanOrEqual(25);
    expect(problems).toEqual([]);
    expect(foreign).toEqual([]);
    await context.close();
  });

  it('shows the attendee page at phone size', async () => {
    const { page, problems, foreign, context } = await open('/', { width: 360, height: 740 });
    // The first time: a short content note, then the waiting screen.
    await page.waitForSelector('.content-note h1');
    expect(await page.textContent('main h1')).toBe('Before you start');
    await page.screenshot({ path: join(SHOTS, 'phone-content-note.png') });
    await page.click('.content-note button');
    await page.waitForSelector('text=The workshop will begin soon');
    await page.screenshot({ path: join(SHOTS, 'phone-waiting.png') });
    expect(problems).toEqual([]);
    expect(foreign).toEqual([]);
    await context.close();
  });
});
