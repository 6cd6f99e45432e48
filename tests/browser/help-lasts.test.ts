/**
 * Help that lasts (issue 19), as a person sees it. A phone's "Get help" and its thank-you
 * screen offer the hosted help page in the phone's language when the kit has one, and
 * nothing when it has none. The exported page opens from file:// on a phone-sized screen,
 * fetches nothing, passes axe and links to its other language.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closingSlide, deckOutline } from '../../server/content/outline.ts';
import { exportPages, writeExport } from '../../server/printables/help-export.ts';
import { axe } from '../helpers/axe.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { host, type Client } from '../helpers/clients.ts';
import { realContent, ROOT, startServer, type Running } from '../helpers/server.ts';

const SHOTS = join(ROOT, 'dist/screenshots');
const HOSTED = 'https://help.example.org/csec/';
const PAGES = { en: HOSTED, es: 'https://help.example.org/csec/es.html' };
const words = (lang: string) => realContent().strings[lang] ?? {};

let withHelp: Running;
let without: Running;
let browser: Browser;
let exported: string;
const decks: Client[] = [];
const contexts: BrowserContext[] = [];
const problems: string[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  withHelp = await startServer(undefined, { helpUrl: HOSTED });
  without = await startServer();
  browser = await launchBrowser(['--host-resolver-rules=MAP kit.test 127.0.0.1']);
  exported = mkdtempSync(join(tmpdir(), 'csec-help-'));
  const written = writeExport(exported, exportPages(realContent(), new Date()));
  if (!written.ok) throw new Error(written.message);
});
afterAll(async () => {
  for (const d of decks) d.close();
  for (const c of contexts) await c.close();
  await browser?.close();
  await withHelp?.close();
  await without?.close();
  rmSync(exported, { recursive: true, force: true });
});

/** A phone of its own, past the content note, on the kit at `running`. */
async function phone(running: Running, locale = 'en-US'): Promise<Page> {
  // bypassCSP only so that the accessibility checker can be injected; the kit's own code runs as always.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale, bypassCSP: true });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`http://kit.test:${running.port}/`);
  await page.click('.content-note button');
  await page.waitForSelector('section.question');
  return page;
}

async function finish(running: Running, finished: boolean): Promise<void> {
  const deck = await host(running.url, running.app.hostKey);
  decks.push(deck.socket);
  const closing = closingSlide(deckOutline(realContent(), 'en')) ?? '';
  expect(await deck.socket.emitWithAck('deck:at', { slide: finished ? closing : '2.0', plan: '90' })).toEqual({ ok: true });
}

describe('the phone’s "keep this page" link', () => {
  it('is in "Get help", in the phone’s language, to the hosted page as it is (nothing added)', async () => {
    const page = await phone(withHelp);
    await page.click('button.help-open');
    const link = page.locator('.help .help-keep a');
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(PAGES.en);
    expect(await link.getAttribute('rel')).toBe('noreferrer');
    expect(await page.textContent('.help .help-keep')).toBe(`${words('en')['join.help.keep']} help.example.org/csec`);
    await page.screenshot({ path: join(SHOTS, 'help-keep-en.png'), fullPage: true });
    expect(await axe(page, '.help')).toEqual([]);

    // The other language: the panel stays open and its link follows.
    await page.click('button.lang[lang="es"]');
    await page.waitForFunction((es) => document.querySelector('.help .help-keep a')?.getAttribute('href') === es, PAGES.es);
    expect(await page.textContent('.help .help-keep')).toContain(words('es')['join.help.keep']);
    expect(problems).toEqual([]);
  });

  it('is on the thank-you screen at the end, where the numbers are worth keeping', async () => {
    const page = await phone(withHelp, 'es-MX');
    await finish(withHelp, true);
    await page.waitForSelector('main .help-keep a');
    expect(await page.getAttribute('main .help-keep a', 'href')).toBe(PAGES.es);
    await finish(withHelp, false);
  });

  it('is not there when the kit has no help page that lasts', async () => {
    const page = await phone(without);
    // The thank-you screen comes after the greeting (help:page included): the lines are there, the link is not.
    await finish(without, true);
    await page.waitForSelector('main .help-list');
    expect(await page.locator('.help-keep').count()).toBe(0);
    await page.click('button.help-open');
    await page.waitForSelector('.help .help-list');
    expect(await page.locator('.help-keep').count()).toBe(0);
    await finish(without, false);
  });
});

describe('the exported help page, opened from a file', () => {
  it('shows the lines on a phone, fetches nothing, and links to Spanish beside it', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, bypassCSP: true });
    contexts.push(context);
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => problems.push(e.message));
    const index = pathToFileURL(join(exported, 'index.html')).href;
    await page.goto(index);
    await page.screenshot({ path: join(SHOTS, 'help-export-en.png') });
    expect(await page.title()).toBe(words('en')['helpPage.title']);
    // Every line fits the screen: nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await page.getAttribute('a.exit', 'href')).toBe(words('en')['join.exit.url']);
    expect(await axe(page)).toEqual([]);

    await page.click('a[hreflang="es"]');
    await page.waitForURL(pathToFileURL(join(exported, 'es.html')).href);
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    await page.screenshot({ path: join(SHOTS, 'help-export-es.png') });
    await page.click('a[hreflang="en"]');
    await page.waitForURL(index);
    // Only the two files themselves were ever asked for.
    expect(requests.every((url) => url.startsWith('file://'))).toBe(true);
    expect(problems).toEqual([]);
  });

  it('is styled under its own security policy, which blocks nothing it needs', async () => {
    // No bypass here: the page's own Content-Security-Policy <meta> applies, as on any host.
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    contexts.push(context);
    const page = await context.newPage();
    const refused: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
    });
    await page.goto(pathToFileURL(join(exported, 'index.html')).href);
    const exit = await page.$eval('a.exit', (a) => ({ background: getComputedStyle(a).backgroundColor, decoration: getComputedStyle(a).textDecorationLine }));
    // The quick exit is a dark button, not a plain underlined link: the inline style applied.
    expect(exit.background).not.toBe('rgba(0, 0, 0, 0)');
    expect(exit.decoration).toBe('none');
    expect(refused).toEqual([]);
  });
});
