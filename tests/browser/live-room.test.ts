import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { ROOT, startServer, type Running } from '../helpers/server.ts';

const SHOTS = join(ROOT, 'dist/screenshots');
const KC = 'check-force.after';
const FIRST_ROUND = 'check-force.before';
const WORDS = 'words-safe-to-tell';
const XSS = '<img src=x onerror=alert(1)>';

let running: Running;
let browser: Browser;
const contexts: BrowserContext[] = [];
const dialogs: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
  // A small room started with --threshold 5 (the default is 10), so five phones cross it.
  running = await startServer(undefined, { thresholds: { default: 5, text: 10 } });
  // As on a venue LAN, phones reach the kit by a name that is not localhost: not a secure context.
  browser = await launchBrowser(['--host-resolver-rules=MAP kit.test 127.0.0.1']);
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await running?.close();
});

async function newPage(size: { width: number; height: number }, mobile: boolean): Promise<Page> {
  const context = await browser.newContext({ viewport: size, isMobile: mobile, hasTouch: mobile });
  contexts.push(context);
  const page = await context.newPage();
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  return page;
}

/** Moves the deck to the slide of an activity. */
async function goToActivity(deck: Page, id: string): Promise<void> {
  const index = await deck.evaluate((activity) => {
    const slides = [...document.querySelectorAll('.reveal .slides > section')];
    return slides.findIndex((s) => s.getAttribute('data-activity') === activity);
  }, id);
  expect(index).toBeGreaterThan(0);
  await deck.evaluate((i) => (location.hash = `#/${i}`), index);
  await deck.waitForSelector(`section.present[data-activity="${id}"]`);
}

const phoneCounts = (phone: Page) => phone.$$eval('.results .bar-count', (els) => els.map((e) => e.textContent?.split(' ')[0]));
const deckCounts = (deck: Page, id: string) =>
  deck.$$eval(`section[data-activity="${id}"] li[data-option] .option-count`, (els) => els.map((e) => e.textContent?.split(' ')[0]));

describe('the live room with a deck and five phones', () => {
  it('opens questions on the phones, counts answers, holds results under the threshold, and shows attendee text as text', async () => {
    const deck = await newPage({ width: 1280, height: 720 }, false);
    // The full-workshop link: the word clouds are optional modules.
    await deck.goto(`${running.url}/present?full&key=${running.app.hostKey}`);
    await deck.waitForSelector('.reveal.ready');
    await deck.waitForSelector('section[data-join] .join-panel img.join-qr');
    await deck.screenshot({ path: join(SHOTS, 'live-title-qr.png') });
    expect(await deck.textContent('section[data-join] .join-code')).toMatch(/^Code [A-Z0-9]{6}$/);

    const phones: Page[] = [];
    for (let i = 0; i < 5; i++) {
      const phone = await newPage({ width: 360, height: 740 }, true);
      await phone.goto(`http://kit.test:${running.port}/`);
      await phone.click('.content-note button');
      phones.push(phone);
    }
    const first = phones[0] as Page;
    expect(await first.evaluate(() => ({ secure: window.isSecureContext, uuid: typeof crypto.randomUUID }))).toEqual({ secure: false, uuid: 'undefined' });
    await first.waitForSelector('text=The workshop will begin soon');

    // The first round is a pre-test: R does not reveal it, and the deck says why.
    await goToActivity(deck, FIRST_ROUND);
    await first.waitForSelector(`section.question[data-activity="${FIRST_ROUND}"] button.choice`);
    await deck.keyboard.press('r');
    await deck.waitForSelector('.live-notice >> text=kept for the end');
    await deck.screenshot({ path: join(SHOTS, 'live-deck-first-round.png') });

    await goToActivity(deck, KC);
    await deck.waitForSelector('.live-notice', { state: 'hidden' });
    for (const phone of phones) await phone.waitForSelector(`section.question[data-activity="${KC}"] button.choice`);
    await first.screenshot({ path: join(SHOTS, 'live-phone-question.png') });

    // Four phones answer: the deck counts them, but the counts stay hidden even when revealed.
    for (const [i, phone] of phones.slice(0, 4).entries()) {
      await phone.click(`button.choice[data-value="${i === 0 ? 0 : 1}"]`);
      await phone.waitForSelector('.feedback.received');
    }
    await deck.waitForSelector(`section[data-activity="${KC}"] .live-count >> text=4 answers`);
    await deck.keyboard.press('r');
    await first.waitForSelector('.results-waiting');
    expect(await phoneCounts(first)).toEqual([]);
    expect(await deckCounts(deck, KC)).toEqual([]);
    await deck.waitForSelector(`section[data-activity="${KC}"] .live-note`);

    // The reveal locked the answers (shown counts never move): the fifth phone cannot answer.
    const fifth = phones[4] as Page;
    expect(await fifth.isDisabled('button.choice[data-value="1"]')).toBe(true);
    // A reopens them on purpose, which hides the results; the fifth answer crosses the
    // threshold, and R shows phones and deck the same counts.
    await deck.keyboard.press('a');
    await first.waitForSelector('.results-waiting', { state: 'detached' });
    await fifth.click('button.choice[data-value="1"]');
    await fifth.waitForSelector('.feedback.received');
    await deck.waitForSelector(`section[data-activity="${KC}"] .live-count >> text=5 answers`);
    await deck.keyboard.press('r');
    await deck.waitForFunction((id) => document.querySelectorAll(`section[data-activity="${id}"] .option-count`).length === 3, KC);
    for (const phone of phones) await phone.waitForSelector('.results .bars');
    expect(await deckCounts(deck, KC)).toEqual(['1', '4', '0']);
    for (const phone of phones) expect(await phoneCounts(phone)).toEqual(['1', '4', '0']);
    expect(await deck.getAttribute(`section[data-activity="${KC}"] li.best`, 'data-option')).toBe('1');
    await deck.screenshot({ path: join(SHOTS, 'live-deck-results.png') });
    await first.screenshot({ path: join(SHOTS, 'live-phone-results.png'), fullPage: true });

    // A word cloud with an attempt at markup: shown as text, nothing runs.
    await goToActivity(deck, WORDS);
    for (const [i, phone] of phones.entries()) {
      await phone.waitForSelector('form.free input');
      // A word shows in the cloud only once two phones gave it.
      await phone.fill('form.free input', [XSS, XSS, 'trust', 'trust', 'calm'][i] ?? 'calm');
      await phone.click('form.free button.send');
      await phone.waitForSelector('.feedback.received');
    }
    await deck.keyboard.press('r');
    await deck.waitForSelector(`section[data-activity="${WORDS}"] .cloud-word`);
    const words = await deck.$$eval(`section[data-activity="${WORDS}"] .cloud-word`, (els) => els.map((e) => e.textContent));
    expect(words).toContain(XSS);
    expect(words).toContain('trust');
    expect(words).not.toContain('calm');
    expect(await deck.$$(`section[data-activity="${WORDS}"] .cloud img`)).toHaveLength(0);
    await first.waitForSelector('.cloud-word');
    expect(await first.$$eval('.cloud-word', (els) => els.map((e) => e.textContent))).toContain(XSS);
    expect(await first.$$('.cloud img')).toHaveLength(0);
    await deck.screenshot({ path: join(SHOTS, 'live-deck-words.png') });

    // Leaving the activity for a plain slide puts the phones back to waiting.
    await deck.keyboard.press('ArrowLeft');
    await first.waitForSelector('text=The workshop will begin soon');

    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
  });
});
