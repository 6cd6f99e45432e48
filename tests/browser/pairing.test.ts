/**
 * Pairing the console in Chromium, as a facilitator does: the deck on the laptop with its
 * key, the console on a phone over the network with the pairing link (never the key). The
 * paired console moves the deck; a new pairing ends it and it asks for a code, which can be
 * typed; the host key over the network is refused with a message saying to pair instead.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { startLanKit, type LanKit } from '../helpers/lan-kit.ts';
import { ROOT } from '../helpers/server.ts';

const SHOTS = join(ROOT, 'dist/screenshots');

let kit: LanKit;
let browser: Browser;
const contexts: BrowserContext[] = [];
const problems: string[] = [];

beforeAll(async () => {
  kit = await startLanKit();
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await kit?.close();
});

/** A page on the laptop (`local`) or on a phone on the network. */
async function open(url: string, phone: boolean): Promise<Page> {
  const context = await browser.newContext(phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, extraHTTPHeaders: kit.remote.headers } : { viewport: { width: 1280, height: 720 } });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(url);
  return page;
}
const showsSlide = (page: Page) => page.waitForFunction(() => (document.getElementById('slide-title')?.textContent ?? '') !== '');

describe('pairing the console', () => {
  it('pairs a phone from the laptop, moves the deck, and pairs again once another phone took over', async () => {
    const deck = await open(`${kit.local}/present?full&key=${kit.app.hostKey}`, false);
    await deck.waitForFunction(() => document.body.dataset['presenter'] === 'host');

    const link = `${kit.remote.url}/host#pair=${kit.app.pairing.issue(kit.code).code}`;
    const phone = await open(link, true);
    await showsSlide(phone);
    // The code leaves the address bar at once; the phone keeps its own credential, never the key.
    expect(phone.url()).toBe(`${kit.remote.url}/host`);
    const stored = await phone.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(stored).not.toContain(kit.app.hostKey);
    expect(stored).toMatch(/"consoleCredential":"[A-Za-z0-9_-]{43}"/);

    await phone.click('#next');
    await deck.waitForFunction(() => location.hash === '#/1');
    await phone.reload();
    await showsSlide(phone);
    await phone.click('#next');
    await deck.waitForFunction(() => location.hash === '#/2');

    // Another phone is paired: this one is signed out and asks for a new code, which it can type.
    const other = await open(`${kit.remote.url}/host#pair=${kit.app.pairing.issue(kit.code).code}`, true);
    await showsSlide(other);
    await phone.waitForSelector('#pairing .pair-notice');
    expect(await phone.textContent('#pairing .pair-notice')).toContain('no longer paired');
    const typed = kit.app.pairing.issue(kit.code).code;
    await phone.fill('#pair-code', `${typed.slice(0, 4)}-${typed.slice(4)}`);
    await phone.click('#pairing button');
    await phone.waitForFunction(() => document.getElementById('pairing') === null && document.getElementById('status')?.textContent === '');
    await phone.click('#prev');
    await deck.waitForFunction(() => location.hash === '#/1');
    expect(problems).toEqual([]);
  });

  it('refuses the host key from a phone on the network, and says to pair instead', async () => {
    const phone = await open(`${kit.remote.url}/host?key=${kit.app.hostKey}`, true);
    // The form to pair takes the place of the console's buttons, saying why.
    await phone.waitForFunction(() => (document.querySelector('#pairing .pair-notice')?.textContent ?? '').includes('works only on the laptop'));
    expect(await phone.isVisible('#pair-code')).toBe(true);
    expect(await phone.isVisible('#next')).toBe(false);
    expect(await phone.isVisible('#pause')).toBe(false);
    await phone.screenshot({ path: join(SHOTS, 'console-key-over-lan.png') });
  });
});
