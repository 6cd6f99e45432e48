/**
 * Every attendee is welcome: each phone in its own language, help and a quick exit on every
 * screen, no serious accessibility problem, and a phone that cannot open a websocket still
 * counts. Phones reach the kit by a name that is not localhost, as on a venue network.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helpList } from '../../server/content/help.ts';
import { launchBrowser, slidesTooTall } from '../helpers/browser.ts';
import { realContent, ROOT, startServer, type Running } from '../helpers/server.ts';

const SHOTS = join(ROOT, 'dist/screenshots');
const SCENARIO = 'scenario-sextortion';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const EXIT = /^https:\/\/www\.google\.com\/search/;

let running: Running;
let browser: Browser;
const contexts: BrowserContext[] = [];
const problems: string[] = [];

beforeAll(async () => {
  // Two phones are enough to cross this room's threshold (a facilitator's --threshold 2).
  running = await startServer(undefined, { thresholds: { default: 2, text: 10 } });
  browser = await launchBrowser(['--host-resolver-rules=MAP kit.test 127.0.0.1']);
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await running?.close();
});

interface PhoneOptions {
  locale?: string;
  noWebSocket?: boolean;
}

/** A phone: its own browser context (storage), at phone size, maybe without websockets. */
async function phone({ locale = 'en-US', noWebSocket = false }: PhoneOptions = {}): Promise<{ page: Page; context: BrowserContext }> {
  // bypassCSP only so that the accessibility checker can be injected; the kit's own code runs as always.
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale, bypassCSP: true });
  contexts.push(context);
  // The quick exit goes to a neutral page on the internet, which this closed network cannot reach.
  await context.route(EXIT, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Weather</title><p>Sunny</p>' }));
  if (noWebSocket) await context.addInitScript(() => Object.defineProperty(window, 'WebSocket', { value: undefined }));
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`http://kit.test:${running.port}/`);
  return { page, context };
}

/** Past the first-join content note, to the waiting screen. */
async function pastNote(page: Page): Promise<void> {
  await page.waitForSelector('.content-note button');
  await page.click('.content-note button');
  await page.waitForSelector('section.question');
}

async function deckPage(path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, bypassCSP: true });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${running.url}${path}`);
  await page.waitForSelector('.reveal.ready');
  return page;
}

async function goTo(deck: Page, selector: string): Promise<void> {
  const index = await deck.evaluate((sel) => [...document.querySelectorAll('.reveal .slides > section')].findIndex((s) => s.matches(sel)), selector);
  expect(index, selector).toBeGreaterThanOrEqual(0);
  await deck.evaluate((i) => (location.hash = `#/${i}`), index);
  await deck.waitForSelector(`section.present${selector.replace(/^section/, '')}`);
}

/** Serious and critical WCAG 2.x A/AA violations on the page, as "rule: elements". */
async function axe(page: Page, context = 'body'): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const found = await page.evaluate(async (ctx) => {
    const run = (window as unknown as { axe: { run: (c: string, o: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run;
    const r = await run(ctx, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  }, context);
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.join(', ')}`);
}

describe('each phone in its own language', () => {
  it('counts a Spanish phone and an English phone in the same results, and marks the best option on each after the reveal', async () => {
    const deck = await deckPage(`/present?key=${running.app.hostKey}`);
    const es = await phone({ locale: 'es-MX' });
    const en = await phone({ locale: 'en-US' });
    await pastNote(es.page);
    await pastNote(en.page);
    expect(await es.page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await es.page.title()).toBe('Encuesta rápida');
    expect(await en.page.title()).toBe('Quick poll');

    await goTo(deck, `section[data-activity="${SCENARIO}"]`);
    const words = realContent().activities.find((a) => a.id === SCENARIO);
    if (!words || words.kind !== 'scenario' || !words.es?.options) throw new Error('no Spanish scenario');
    await es.page.waitForSelector(`text=${words.es.prompt}`);
    await en.page.waitForSelector(`text=${words.prompt}`);
    expect(await es.page.textContent('.controls button.choice[data-value="2"]')).toContain(words.es.options[2]);

    await es.page.click(`button.choice[data-value="${words.answer}"]`);
    await en.page.click('button.choice[data-value="1"]');
    await es.page.waitForSelector('.feedback.received');
    await en.page.waitForSelector('.feedback.received');
    await deck.waitForSelector(`section[data-activity="${SCENARIO}"] .live-count >> text=2 answers`);
    await deck.keyboard.press('r');

    for (const p of [es.page, en.page]) {
      await p.waitForSelector('.results .bars');
      expect(await p.getAttribute('.controls button.choice.best', 'data-value')).toBe(String(words.answer));
      // Citation marks point to the deck's source list, which phones do not have.
      expect(await p.textContent('.explanation')).not.toMatch(/\[\d+[a-z]?\]/);
    }
    expect(await es.page.textContent('.explanation')).toContain('988');
    expect(await es.page.textContent('.explanation')).toMatch(/[áéíóúñ]/);
    const counts = await es.page.$$eval('.results .bar-count', (els) => els.map((e) => e.textContent?.split(' ')[0]));
    expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBe(2);
    // The projected slide keeps the story in view beside the explanation, and still fits.
    expect(await deck.isVisible(`section[data-activity="${SCENARIO}"] .activity-story`)).toBe(true);
    expect(await deck.$eval('section.present', (s) => s.scrollHeight)).toBeLessThanOrEqual(720);
    await es.page.screenshot({ path: join(SHOTS, 'phone-es-scenario-reveal.png'), fullPage: true });
    await deck.screenshot({ path: join(SHOTS, 'deck-scenario-reveal.png') });

    expect(await axe(es.page)).toEqual([]);
    expect(await axe(en.page)).toEqual([]);
    await goTo(deck, 'section[data-resources="national"]');
    expect(await axe(deck, 'section.present')).toEqual([]);
  });

  it('stays usable at 200% text size: nothing runs off the side of a small phone', async () => {
    const { page } = await phone();
    await pastNote(page);
    await page.addStyleTag({ content: ':root { font-size: 36px !important; }' });
    await page.click('.toolbar .help-open');
    await page.waitForSelector('section.help:not([hidden])');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(SHOTS, 'phone-help-200pct.png') });
  });

  it('switches language on the phone, remembers it, and keeps the current question', async () => {
    const { page } = await phone({ locale: 'en-US' });
    await pastNote(page);
    await page.click('.toolbar button.lang');
    await page.waitForFunction(() => document.documentElement.lang === 'es');
    expect(await page.textContent('.toolbar .help-open')).toBe('Pedir ayuda');
    await page.reload();
    await page.waitForSelector('section.question');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await axe(page)).toEqual([]);
  });
});

describe('safety on the phone', () => {
  it('lists every resource with links to call, in both languages, with no network needed', async () => {
    const { resources } = realContent();
    for (const locale of ['en-US', 'es-MX']) {
      const { page } = await phone({ locale });
      await pastNote(page);
      await page.click('.toolbar .help-open');
      await page.waitForSelector('section.help:not([hidden]) .help-entry');
      const lang = locale.slice(0, 2);
      const expected = helpList(resources, lang).flatMap((g) => g.entries);
      const shown = await page.$$eval('.help-entry', (items) => items.map((i) => ({ name: i.querySelector('.help-name')?.textContent, tel: [...i.querySelectorAll('a[href^="tel:"]')].map((a) => a.getAttribute('href')) })));
      expect(shown).toEqual(expected.map((e) => ({ name: e.name, tel: e.phones.map((p) => p.href) })));
      expect(shown.flatMap((s) => s.tel)).toContain('tel:988');
      expect(await page.$$eval('a[href^="sms:"]', (as) => as.map((a) => a.getAttribute('href')))).toContain('sms:233733?body=HELP');
      expect(await axe(page)).toEqual([]);
      await page.screenshot({ path: join(SHOTS, `phone-help-${lang}.png`), fullPage: true });
      await page.click('.help-close');
      await page.waitForSelector('section.help', { state: 'hidden' });
    }
  });

  it('leaves by the quick exit with no kit page in the tab history and no kit data in storage', async () => {
    const { page, context } = await phone();
    await pastNote(page);
    expect((await context.storageState()).origins.find((o) => o.origin.includes('kit.test'))?.localStorage.length).toBeGreaterThan(0);
    const entries = await page.evaluate(() => history.length);
    await page.click('.toolbar .exit');
    await page.waitForURL(EXIT);
    expect(await page.title()).toBe('Weather');
    // The kit's page was replaced, not left behind: no new entry, and Back never reaches the kit.
    expect(await page.evaluate(() => history.length)).toBe(entries);
    await page.goBack().catch(() => undefined);
    expect(page.url()).not.toContain('kit.test');
    const kit = (await context.storageState()).origins.find((o) => o.origin.includes('kit.test'));
    expect(kit?.localStorage ?? []).toEqual([]);
  });

  it('shows a content note the first time only, and lets an attendee skip a question', async () => {
    const deck = await deckPage(`/present?full&key=${running.app.hostKey}`);
    const { page } = await phone();
    await page.waitForSelector('.content-note');
    expect(await axe(page)).toEqual([]);
    await pastNote(page);
    await page.reload();
    await page.waitForSelector('section.question');
    expect(await page.$('.content-note')).toBeNull();
    await goTo(deck, 'section[data-activity="reflect-signs.before"]');
    await page.waitForSelector('.controls button.choice');
    await page.click('button.skip');
    await page.waitForSelector('.skipped-note', { state: 'visible' });
    expect(await page.isVisible('.controls')).toBe(false);
    await page.click('text=Answer after all');
    await page.waitForSelector('.controls', { state: 'visible' });
  });
});

describe('a phone on a network that blocks websockets', () => {
  it('answers over long-polling and is counted once', async () => {
    const deck = await deckPage(`/present?full&key=${running.app.hostKey}`);
    await goTo(deck, 'section[data-activity="reflect-disclosure.before"]');
    const { page } = await phone({ noWebSocket: true });
    await pastNote(page);
    await page.waitForSelector('.controls button.choice');
    await page.click('button.choice[data-value="4"]');
    await page.waitForSelector('.feedback.received');
    await page.reload();
    await page.waitForSelector('.controls button.choice[aria-pressed="true"]');
    await page.click('button.choice[data-value="4"]');
    await page.waitForSelector('.feedback.received');
    const room = running.app.rooms.all()[0];
    expect(room?.snapshot('reflect-disclosure.before')?.total).toBe(1);
    expect(problems).toEqual([]);
  });
});

describe('the Spanish deck', () => {
  it('presents every slide with speaker notes and a time line, and passes the accessibility check on its activity and resource slides', async () => {
    const deck = await deckPage(`/present?lang=es&full&key=${running.app.hostKey}`);
    expect(await deck.evaluate(() => document.documentElement.lang)).toBe('es');
    const slides = await deck.$$eval('.reveal .slides section:not(.stack)', (ss) => ss.map((s) => ({ title: s.querySelector('h1, h2')?.textContent ?? '', notes: s.querySelector('aside.notes')?.textContent ?? '' })));
    const english = (realContent().decks['en'] ?? []).reduce((n, f) => n + f.slides.length, 0);
    expect(slides.length).toBeGreaterThanOrEqual(english);
    for (const s of slides) expect(s.notes, s.title).toMatch(/Tiempo:/);
    // Spanish runs longer than English: every slide must still fit the projector.
    const tooTall = await slidesTooTall(
      deck,
      slides.map((s) => s.title),
    );
    expect(tooTall).toEqual([]);
    await goTo(deck, 'section[data-activity="scenario-new-friend"]');
    expect(await axe(deck, 'section.present')).toEqual([]);
    await deck.screenshot({ path: join(SHOTS, 'deck-es-scenario.png') });
    await goTo(deck, 'section[data-resources="local"]');
    expect(await axe(deck, 'section.present')).toEqual([]);
    await deck.screenshot({ path: join(SHOTS, 'deck-es-resources.png') });
  }, 180_000); // Walks every slide of the full set, then runs axe: minutes on a busy machine.
});
