/**
 * The facilitator's evening in Chromium: the console at phone size drives the projected
 * deck and follows it, a phone's question goes through moderation to the Q&A slide, the
 * disclosure card offers help first, and the pause reaches the projector and the phones.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe } from '../helpers/axe.ts';
import { attendee, host } from '../helpers/clients.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { ROOT, startServer, type Running } from '../helpers/server.ts';

const SHOTS = join(ROOT, 'dist/screenshots');
const MARKUP = '<img src=x onerror="document.title=1"> Is <b>this</b> shown as text?';

let running: Running;
let browser: Browser;
const contexts: BrowserContext[] = [];
const problems: string[] = [];

beforeAll(async () => {
  running = await startServer();
  browser = await launchBrowser(['--host-resolver-rules=MAP kit.test 127.0.0.1']);
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await running?.close();
});

async function open(path: string, size: { width: number; height: number }, mobile = false, locale = 'en-US'): Promise<Page> {
  // bypassCSP only so that the accessibility checker can be injected; the kit's own code runs as always.
  const context = await browser.newContext({ viewport: size, isMobile: mobile, hasTouch: mobile, locale, bypassCSP: true });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('dialog', (d) => void d.accept());
  await page.goto(`http://kit.test:${running.port}${path}`);
  return page;
}
const deckOpen = async (): Promise<Page> => {
  const deck = await open(`/present?key=${running.app.hostKey}`, { width: 1280, height: 720 });
  await deck.waitForFunction(() => document.body.dataset['presenter'] === 'host');
  return deck;
};
const consoleOpen = async (lang = 'en'): Promise<Page> => {
  const page = await open(`/host?lang=${lang}&key=${running.app.hostKey}`, { width: 390, height: 844 }, true);
  await page.waitForFunction(() => document.getElementById('slide-title')?.textContent !== '');
  return page;
};
const phoneOpen = async (): Promise<Page> => {
  const page = await open('/', { width: 360, height: 740 }, true);
  await page.click('.content-note button');
  await page.waitForSelector('section.qa button.send');
  return page;
};
const deckIndex = (deck: Page) => deck.evaluate(() => [...document.querySelectorAll('.reveal .slides > section')].findIndex((s) => s.classList.contains('present')));
const deckTitle = (deck: Page) => deck.$eval('section.present', (s) => s.querySelector('h1, h2')?.textContent ?? '');

describe('the console', () => {
  it('drives the projected deck at phone size, and follows the deck when the laptop moves it', async () => {
    const deck = await deckOpen();
    const remote = await consoleOpen();
    expect(remote.url()).not.toContain(running.app.hostKey);
    expect(await remote.textContent('#slide-title')).toBe(await deckTitle(deck));

    await remote.click('#next');
    await deck.waitForFunction(() => document.querySelector('.reveal .slides > section.present') !== document.querySelector('.reveal .slides > section'));
    expect(await deckIndex(deck)).toBe(1);
    await remote.waitForFunction((t) => document.getElementById('slide-title')?.textContent === t, await deckTitle(deck));

    // The laptop's keys move the deck: the console follows, and a second console too.
    const second = await consoleOpen();
    await deck.keyboard.press('ArrowRight');
    await deck.waitForFunction(() => [...document.querySelectorAll('.reveal .slides > section')].findIndex((s) => s.classList.contains('present')) === 2);
    const title = await deckTitle(deck);
    for (const c of [remote, second]) await c.waitForFunction((t) => document.getElementById('slide-title')?.textContent === t, title);
    expect(await remote.textContent('#notes')).toContain('Time:');
    expect(await remote.textContent('#next-title')).toMatch(/^Next: /);
    await remote.click('#prev');
    await deck.waitForFunction(() => [...document.querySelectorAll('.reveal .slides > section')].findIndex((s) => s.classList.contains('present')) === 1);
    await remote.screenshot({ path: join(SHOTS, 'console-phone.png'), fullPage: true });

    expect(await axe(remote)).toEqual([]);
    const spanish = await consoleOpen('es');
    expect(await spanish.textContent('#next')).toBe('Siguiente');
    expect(await axe(spanish)).toEqual([]);
  });

  it('runs an activity from the console: open, lock, show and clear (clear asks first)', async () => {
    const deck = await deckOpen();
    const remote = await consoleOpen();
    const index = await deck.evaluate(() => [...document.querySelectorAll('.reveal .slides > section')].findIndex((s) => s.getAttribute('data-activity') === 'check-force.after'));
    await deck.evaluate((i) => (location.hash = `#/${i}`), index);
    await remote.waitForSelector('#activity:not([hidden])');
    const phone = await phoneOpen();
    await phone.click('button.choice[data-value="1"]');
    await remote.waitForFunction(() => document.querySelector('.activity-count')?.textContent?.startsWith('1 answer'));
    await remote.click('text=Lock answers');
    await phone.waitForSelector('button.choice:disabled');
    await remote.click('text=Show results');
    await deck.waitForSelector('section.present.revealed');
    await remote.click('text=Clear answers');
    await remote.waitForFunction(() => document.querySelector('.activity-count')?.textContent?.startsWith('0 answers'));
  });

  it('says that showing results closes the answers, and that reopening them hides the results', async () => {
    const deck = await deckOpen();
    const remote = await consoleOpen();
    const index = await deck.evaluate(() => [...document.querySelectorAll('.reveal .slides > section')].findIndex((s) => s.getAttribute('data-activity') === 'scenario-new-friend'));
    await deck.evaluate((i) => (location.hash = `#/${i}`), index);
    const phone = await phoneOpen();
    await phone.click('button.choice[data-value="1"]');
    await remote.waitForFunction(() => document.querySelector('.activity-count')?.textContent?.startsWith('1 answer'));
    // Open: one press closes and shows, so the counts on screen never move afterwards.
    await remote.click('text=Close answers and show results');
    await deck.waitForSelector('section.present.revealed');
    await phone.waitForSelector('button.choice:disabled');
    await remote.click('text=Hide results and reopen answers');
    await deck.waitForSelector('section.present:not(.revealed)');
    await phone.waitForSelector('button.choice:not(:disabled)');
    await remote.waitForSelector('#activity button:has-text("Close answers and show results")');
  });
});

describe('a question, from a phone to the Q&A slide', () => {
  it('waits for moderation, then shows on the deck and the phones as text, with one vote per phone', async () => {
    const deck = await deckOpen();
    const remote = await consoleOpen();
    const asker = await phoneOpen();
    const other = await phoneOpen();

    await asker.click('section.qa button.send');
    await asker.fill('#qa-text', MARKUP);
    await asker.click('section.qa form button.send');
    await asker.waitForSelector('section.qa .feedback.received');

    await remote.waitForSelector('.waiting .queue-item');
    expect(await remote.textContent('.waiting .queue-text')).toBe(MARKUP);
    // Not approved: nothing on the deck's Q&A slide, nothing on the other phone.
    expect(await deck.$$eval('section[data-qa] .qa-question', (q) => q.length)).toBe(0);
    expect(await other.$$eval('section.qa .qa-item', (q) => q.length)).toBe(0);

    await remote.click('.waiting .queue-item button.primary');
    await deck.waitForSelector('section[data-qa] .qa-question', { state: 'attached' });
    expect(await deck.textContent('section[data-qa] .qa-text')).toBe(MARKUP);
    await other.waitForSelector('section.qa .qa-item');
    expect(await other.textContent('section.qa .qa-text')).toBe(MARKUP);
    for (const page of [deck, other, remote]) expect(await page.$$('img[src="x"], b')).toHaveLength(0);

    await other.click('section.qa button.vote');
    await other.waitForSelector('section.qa button.vote[aria-pressed="true"]');
    await deck.waitForFunction(() => document.querySelector('section[data-qa] .qa-votes')?.textContent === '1 vote');
    await other.click('section.qa button.vote');
    await other.waitForSelector('section.qa button.vote[aria-pressed="false"]');
    await deck.waitForFunction(() => document.querySelector('section[data-qa] .qa-votes')?.textContent === '0 votes');

    const index = await deck.evaluate(() => [...document.querySelectorAll('.reveal .slides > section')].findIndex((s) => s.hasAttribute('data-qa')));
    await deck.evaluate((i) => (location.hash = `#/${i}`), index);
    await deck.waitForSelector('section.present[data-qa] .qa-question');
    // Three more approved questions: the slide shows the top three and says how many more.
    for (let i = 0; i < 3; i++) {
      const q = await running.app.rooms.workshops()[0]?.qa.ask(`A longer general question number ${i} about how to talk with teenagers about the apps they use every day?`);
      expect(q?.ok).toBe(true);
    }
    for (const q of running.app.rooms.workshops()[0]?.qa.queue().questions.filter((x) => x.status === 'waiting') ?? []) {
      await running.app.rooms.workshops()[0]?.qa.moderate(q.id, 'approve');
    }
    await deck.waitForSelector('section.present[data-qa] .qa-empty');
    expect(await deck.$$eval('section.present[data-qa] .qa-question', (q) => q.length)).toBe(3);
    expect(await deck.$eval('section.present', (s) => s.scrollHeight)).toBeLessThanOrEqual(720);
    await deck.screenshot({ path: join(SHOTS, 'deck-qa.png') });
    await other.screenshot({ path: join(SHOTS, 'phone-qa.png'), fullPage: true });
    expect(await deck.title()).not.toBe('1');
  });

  it('offers help privately before sending a question that looks personal, then marks it for the facilitator', async () => {
    const remote = await consoleOpen();
    const phone = await phoneOpen();
    await phone.click('section.qa button.send');
    await phone.fill('#qa-text', 'Mi hija tiene un novio de 22 años, ¿qué hago?');
    await phone.click('section.qa form button.send');
    await phone.waitForSelector('.qa-personal');
    expect(await phone.$$eval('.qa-personal a[href^="tel:"]', (a) => a.length)).toBeGreaterThan(3);
    await phone.screenshot({ path: join(SHOTS, 'phone-personal.png'), fullPage: true });
    // Edit keeps the text; send anyway sends it.
    await phone.click('.qa-personal button.send:not(.secondary)');
    expect(await phone.inputValue('#qa-text')).toContain('Mi hija');
    await phone.click('section.qa form button.send');
    await phone.click('.qa-personal button.secondary');
    // Sent, and the "not a report" message stays (tests/browser/personal-card.test.ts has the rest).
    await phone.waitForSelector('section.qa .qa-sent .feedback.received');
    await remote.waitForSelector('.waiting .queue-item.flagged .flag');
  });
});

describe('the pause', () => {
  it('blanks the projector to a calm screen and pauses every phone, from the console or the deck key', async () => {
    const deck = await deckOpen();
    const remote = await consoleOpen();
    const phone = await phoneOpen();
    await remote.click('#pause');
    await deck.waitForSelector('.reveal.paused .pause-title');
    await phone.waitForFunction(() => document.querySelector('main h1')?.textContent === "Let's take a pause");
    await deck.screenshot({ path: join(SHOTS, 'deck-paused.png') });
    expect(await remote.getAttribute('#pause', 'aria-pressed')).toBe('true');
    await deck.keyboard.press('b');
    await deck.waitForSelector('.reveal:not(.paused)');
    await phone.waitForFunction(() => document.querySelector('main h1')?.textContent !== "Let's take a pause");
    await remote.waitForSelector('#pause[aria-pressed="false"]');
    expect(problems).toEqual([]);
  });
});

describe('what we learned', () => {
  it('shows percent correct before and after, and the check-ins, on the slide after the second round', async () => {
    // Ten phones (the threshold) answer the first knowledge check in both rounds: 3 of 10 right, then 8 of 10.
    const facilitator = await host(running.url, running.app.hostKey);
    const phones = await Promise.all(Array.from({ length: 10 }, () => attendee(running.url)));
    const answerAll = async (activityId: string, value: (i: number) => number): Promise<void> => {
      // Open (an earlier test may have locked it), then every phone answers.
      await facilitator.socket.emitWithAck('activity:open', { activityId });
      await facilitator.socket.emitWithAck('activity:unlock', { activityId });
      const acks = await Promise.all(phones.map((p, i) => p.socket.emitWithAck('answer:submit', { activityId, value: value(i) })));
      expect(acks.every((a) => a.ok)).toBe(true);
      // A round's figures show once it is locked: while open they would move answer by answer.
      await facilitator.socket.emitWithAck('activity:lock', { activityId });
    };
    await answerAll('check-force.before', (i) => (i < 3 ? 1 : 0));
    await answerAll('check-force.after', (i) => (i < 8 ? 1 : 0));
    await answerAll('reflect-signs.after', (i) => 1 + (i % 5));
    // A second round still taking answers shows nothing but that it is open.
    await facilitator.socket.emitWithAck('activity:open', { activityId: 'check-who-recruits.after' });
    await facilitator.socket.emitWithAck('activity:unlock', { activityId: 'check-who-recruits.after' });
    for (const p of [...phones, facilitator]) p.socket.close();

    const deck = await deckOpen();
    const index = await deck.evaluate(() => [...document.querySelectorAll('.reveal .slides > section')].findIndex((s) => s.hasAttribute('data-learning')));
    await deck.evaluate((i) => (location.hash = `#/${i}`), index);
    await deck.waitForSelector('section.present[data-learning] .learning-checks tbody tr');
    const row = await deck.$$eval('section.present .learning-checks tbody tr:first-child td', (tds) => tds.map((td) => td.textContent));
    expect(row).toEqual(['30%', '80%']);
    expect(await deck.textContent('section.present .learning-overall')).toContain('30% → 80%');
    // Rounds under the threshold show their count, not a percent.
    expect(await deck.textContent('section.present .learning-checks tbody tr:nth-child(2)')).toContain('too few (0 answers)');
    expect(await deck.textContent('section.present .learning-checks tbody tr:nth-child(2)')).toContain('still open');
    expect(await deck.textContent('section.present .learning-scales tbody tr:first-child')).toContain('average 3');
    await deck.screenshot({ path: join(SHOTS, 'deck-learning.png') });
    expect(await deck.$eval('section.present', (s) => s.scrollHeight)).toBeLessThanOrEqual(720);
    await deck.screenshot({ path: join(SHOTS, 'deck-learning.png') });
    expect(await axe(deck, 'section.present')).toEqual([]);
  });
});
