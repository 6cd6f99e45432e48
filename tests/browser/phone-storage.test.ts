/**
 * Nothing to find on a phone (issue 18, finding 2): what a phone keeps after the workshop.
 * Its lasting storage (localStorage, IndexedDB, cookies) holds no answer and no typed text,
 * only a random token for this one workshop; what the tab needs across a reload lives in
 * sessionStorage and ends with the workshop, or at once with the quick exit.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closingSlide, deckOutline } from '../../server/content/outline.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { host, type Client } from '../helpers/clients.ts';
import { realContent, startServer, type Running } from '../helpers/server.ts';

const CHOICE = 'check-force.before';
const SCALE = 'reflect-signs.before';
const WORDS = 'words-safe-to-tell';
const QUESTION_BOX = 'question-box';
/** Answered by the last test only, so its count is that one phone's. */
const ONCE = 'reflect-talk.before';
/** What the person types: none of it may be left on the phone once the tab is gone. */
const WORD = 'lanternfish';
const BOX_TEXT = 'Who decides about the marmalade rota';
const ASKED = 'Where do quokkas report things';
const DRAFT = 'halfwritten zebra crossing';
const TYPED = [WORD, BOX_TEXT, ASKED, DRAFT];
const ACTIVITIES = [CHOICE, SCALE, WORDS, QUESTION_BOX];
const EXIT = /^https:\/\/www\.google\.com\/search/;

let running: Running;
let browser: Browser;
let deck: Client;
let code: string;
const contexts: BrowserContext[] = [];
const problems: string[] = [];

beforeAll(async () => {
  running = await startServer();
  browser = await launchBrowser(['--host-resolver-rules=MAP kit.test 127.0.0.1']);
  const joined = await host(running.url, running.app.hostKey);
  deck = joined.socket;
  code = joined.state.code;
});
afterAll(async () => {
  deck?.close();
  for (const c of contexts) await c.close();
  await browser?.close();
  await running?.close();
});

const origin = (): string => `http://kit.test:${running.port}`;

/** A phone of its own (storage), past the content note, on `path`. */
async function phone(path = '/', before?: (page: Page) => Promise<void>): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  contexts.push(context);
  await context.route(EXIT, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Weather</title><p>Sunny</p>' }));
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(e.message));
  await before?.(page);
  await page.goto(`${origin()}${path}`);
  await page.click('.content-note button');
  await page.waitForSelector('section.question');
  return { page, context };
}

/** Opens `activityId` on every phone and waits until `page` shows it. */
async function open(page: Page, activityId: string): Promise<void> {
  expect(await deck.emitWithAck('activity:open', { activityId })).toMatchObject({ ok: true });
  await page.waitForSelector(`section.question[data-activity="${activityId}"]`);
}

/** Everything the phone keeps beyond the tab, serialized: localStorage, cookies, IndexedDB. */
async function lasting(page: Page, context: BrowserContext): Promise<{ local: Record<string, string>; text: string }> {
  const local = await page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
  const databases = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  const state = await context.storageState({ indexedDB: true });
  const cookies = await context.cookies();
  return { local, text: JSON.stringify({ local, databases, state, cookies }) };
}

/** What the tab keeps for itself, serialized. */
function session(page: Page): Promise<string> {
  return page.evaluate(() => JSON.stringify(Object.entries(sessionStorage)));
}

/** Keys a phone may keep for good: its language, the content note seen, and one random token for this workshop. */
function expectOnlyHarmlessKeys(local: Record<string, string>): void {
  for (const [key, value] of Object.entries(local)) {
    if (key === 'lang' || key === 'noteSeen') continue;
    expect(key).toBe(`device:${code}`);
    expect(value).toMatch(/^[A-Za-z0-9_-]{22,64}$/);
  }
}

async function finish(finished: boolean): Promise<void> {
  const closing = closingSlide(deckOutline(realContent(), 'en')) ?? '';
  expect(await deck.emitWithAck('deck:at', { slide: finished ? closing : '2.0', plan: '90' })).toEqual({ ok: true });
}

describe('what a phone keeps of a workshop', () => {
  it('keeps no answer and no typed text beyond the tab, while the tab still shows its answers after a reload', async () => {
    const { page, context } = await phone();
    await open(page, CHOICE);
    await page.click('button.choice[data-value="2"]');
    await page.waitForSelector('.feedback.received');
    await open(page, SCALE);
    await page.click('button.choice[data-value="4"]');
    await page.waitForSelector('.feedback.received');
    await open(page, WORDS);
    await page.fill('form.free input', WORD);
    await page.click('.controls form.free button.send');
    await page.waitForSelector('.feedback.received');
    // The question box: the phone's way to answer it is the question form, open by itself.
    await open(page, QUESTION_BOX);
    await page.fill('#qa-text', BOX_TEXT);
    await page.click('section.qa form button.send');
    await page.waitForSelector('section.qa .feedback.received');
    // "Ask a question" on another screen, then a draft left unsent.
    await open(page, CHOICE);
    await page.click('section.qa button.send');
    await page.fill('#qa-text', ASKED);
    await page.click('section.qa form button.send');
    await page.waitForSelector('section.qa .feedback.received');
    await page.click('section.qa button.send');
    await page.fill('#qa-text', DRAFT);

    for (const when of ['before', 'after'] as const) {
      if (when === 'after') {
        await page.reload();
        // The same tab still shows this phone's answer, as received.
        await page.waitForSelector('button.choice[data-value="2"][aria-pressed="true"]');
        expect(await page.textContent('#app .feedback')).toContain('Received');
      }
      const { local, text } = await lasting(page, context);
      for (const typed of TYPED) expect(text, `${when} reload`).not.toContain(typed);
      for (const id of ACTIVITIES) expect(text, `${when} reload`).not.toContain(id.split('.')[0]);
      expectOnlyHarmlessKeys(local);
      expect(local[`device:${code}`], 'one token for this workshop').toBeDefined();
      expect(await page.evaluate(async () => (await indexedDB.databases()).length)).toBe(0);
    }
    // The tab itself keeps its answers, for this workshop only.
    expect(await session(page)).toContain(SCALE);
    await open(page, SCALE);
    await page.waitForSelector('button.choice[data-value="4"][aria-pressed="true"]');
    expect(problems).toEqual([]);
  });

  it('forgets the workshop in the tab when the workshop is over', async () => {
    const { page, context } = await phone();
    await open(page, SCALE);
    await page.click('button.choice[data-value="3"]');
    await page.waitForSelector('.feedback.received');
    expect(await session(page)).toContain(SCALE);

    await finish(true);
    await page.waitForFunction(() => sessionStorage.length === 0);
    // A reload after the end keeps nothing of it either.
    await page.reload();
    await page.waitForSelector('section.question');
    expect(await session(page)).toBe('[]');
    const { local } = await lasting(page, context);
    expect(Object.keys(local).filter((k) => k.startsWith('device'))).toEqual([]);

    // The deck goes back: the phone is a phone in the room again, and the tab keeps its next answer.
    await finish(false);
    await open(page, CHOICE);
    await page.click('button.choice[data-value="1"]');
    await page.waitForSelector('.feedback.received');
    expect(await session(page)).toContain(CHOICE);
    await finish(true);
    await page.waitForFunction(() => sessionStorage.length === 0);
    await finish(false);
    expect(problems).toEqual([]);
  });

  it('leaves nothing in either storage after the quick exit', async () => {
    const { page } = await phone();
    await open(page, SCALE);
    await page.click('button.choice[data-value="5"]');
    await page.waitForSelector('.feedback.received');
    await page.click('.toolbar .exit');
    await page.waitForURL(EXIT);
    // The same tab, back on the kit's address (a page that runs nothing): its storage is empty.
    await page.goto(`${origin()}/no-such-page`);
    expect(await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length }))).toEqual({ local: 0, session: 0 });
  });

  it("cleans what an earlier version kept, and keeps no other workshop's token or answers", async () => {
    const earlier = { device: 'EarlierDeviceToken0123456789', [`answers:${code}`]: JSON.stringify({ [SCALE]: { value: 2, sent: true } }), 'answers:OLD123': JSON.stringify({ [CHOICE]: { value: 1, sent: true } }), 'device:OLD123': 'AnotherWorkshopToken0123456789' };
    const { page, context } = await phone('/', async (p) => {
      await p.goto(`${origin()}/no-such-page`);
      await p.evaluate((items) => {
        for (const [key, value] of Object.entries(items)) localStorage.setItem(key, value);
        sessionStorage.setItem('answers:OLD123', '{"check-force.before":{"value":1,"sent":true}}');
      }, earlier);
    });
    await open(page, ONCE);
    const { local, text } = await lasting(page, context);
    expect(text).not.toContain('answers');
    expect(text).not.toContain('OLD123');
    expectOnlyHarmlessKeys(local);
    // A token says nothing about another workshop: this one is new.
    expect(Object.values(local)).not.toContain(earlier['device:OLD123']);
    expect(Object.values(local)).not.toContain(earlier.device);
    expect(await session(page)).not.toContain('OLD123');
    await page.click('button.choice[data-value="2"]');
    await page.waitForSelector('.feedback.received');
    // One phone: a new tab on the same phone comes back as the same phone, with its answer.
    const again = await context.newPage();
    await again.goto(`${origin()}/?code=${code.toLowerCase()}`);
    await again.waitForSelector('button.choice[data-value="2"][aria-pressed="true"]');
    expect(running.app.rooms.all()[0]?.snapshot(ONCE)?.total).toBe(1);
    expect(problems).toEqual([]);
  });
});
