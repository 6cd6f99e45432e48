/**
 * The take-home pages in Chromium (/handout/parents and /handout/teens, in both languages),
 * served by printableRoutes behind the kit's own security headers: nothing refused by the
 * Content-Security-Policy, no serious accessibility problem, and each prints on exactly one
 * Letter sheet, the card for young people twice, each copy within its half of the sheet.
 * Screenshots of the printed sheet (print media, 816x1056, the size of a Letter page at 96 dpi)
 * go to dist/screenshots/take-home-*.png.
 */
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityHeaders } from '../../server/http/csp.ts';
import { helpUrlIn } from '../../server/printables/help-address.ts';
import { printableRoutes } from '../../server/printables/routes.ts';
import { axe } from '../helpers/axe.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { pdfPages } from '../helpers/pdf.ts';
import { realContent, ROOT } from '../helpers/server.ts';

const SHOTS = join(ROOT, 'dist/screenshots');
const LANGS = ['en', 'es'] as const;
const PAGES = ['/handout/parents', '/handout/teens'] as const;
/** A Letter page at 96 CSS pixels to the inch. */
const LETTER = { width: 816, height: 1056 };

let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const pages = printableRoutes({ content: realContent(), lang: 'en', helpPage: (lang) => helpUrlIn(`${base}/help`, lang) });
  const headers = securityHeaders([]);
  server = createServer((req, res) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (!pages(req, res, path)) res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((ok) => server?.close(ok));
});

/** Opens a page at Letter size; `bypassCSP` only so that the accessibility checker can be injected. */
async function open(path: string, bypassCSP = true): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: LETTER, bypassCSP });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  const response = await page.goto(`${base}${path}`);
  expect(response?.status(), path).toBe(200);
  return { page, problems };
}

describe('the take-home pages over HTTP', () => {
  it('answer GET and HEAD with a whole HTML page, never cached, in the language asked for', async () => {
    for (const path of PAGES) {
      for (const lang of LANGS) {
        const res = await fetch(`${base}${path}?lang=${lang}`);
        expect(res.status, path).toBe(200);
        expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
        expect(res.headers.get('cache-control')).toBe('no-cache');
        expect(await res.text()).toMatch(new RegExp(`^<!doctype html>\\n<html lang="${lang}">`));
      }
      expect(await (await fetch(`${base}${path}`)).text(), path).toMatch(/<html lang="en">/);
      expect((await fetch(`${base}${path}`, { method: 'HEAD' })).status).toBe(200);
    }
    for (const path of ['/handout/', '/handout/parent', '/handout/teens/']) expect((await fetch(`${base}${path}`)).status, path).toBe(404);
  });

  it('open under the kit’s Content-Security-Policy with nothing refused', async () => {
    for (const path of PAGES) {
      const { page, problems } = await open(path, false);
      expect(problems, path).toEqual([]);
      await page.context().close();
    }
  });
});

describe.each(LANGS)('the take-home pages in Chromium (%s)', (lang) => {
  it.each(PAGES)('%s has no serious or critical accessibility problem, and links to the other language', async (path) => {
    const { page, problems } = await open(`${path}?lang=${lang}`);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    expect(await axe(page)).toEqual([]);
    expect(problems).toEqual([]);
    const other = lang === 'en' ? 'es' : 'en';
    expect(await page.getAttribute(`.tools a[hreflang="${other}"]`, 'href')).toBe(`${path}?lang=${other}`);
    await page.context().close();
  });

  it.each(PAGES)('%s prints on exactly one Letter page', async (path) => {
    const { page } = await open(`${path}?lang=${lang}`);
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(SHOTS, `take-home-${path.split('/').pop() ?? ''}-${lang}.png`) });
    const pdf = await page.pdf({ format: 'Letter' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPages(pdf)).toBe(1);
    // The screen-only line (language link, how to print) is not on paper.
    expect(await page.isVisible('.tools')).toBe(false);
    await page.context().close();
  });

  it('/handout/teens prints two cards, each within its half of the sheet', async () => {
    const { page } = await open(`/handout/teens?lang=${lang}`);
    expect(await page.locator('.card:visible').count()).toBe(1);
    await page.emulateMedia({ media: 'print' });
    const cards = await page.$$eval('.card', (all) =>
      all.map((card) => {
        const box = card.getBoundingClientRect();
        const end = box.bottom - parseFloat(getComputedStyle(card).paddingBottom);
        const last = card.lastElementChild?.getBoundingClientRect().bottom ?? 0;
        return { top: Math.round(box.top), height: Math.round(box.height), room: Math.floor(end - last) };
      }),
    );
    expect(cards.map((c) => [c.top, c.height])).toEqual([
      [0, LETTER.height / 2],
      [LETTER.height / 2, LETTER.height / 2],
    ]);
    for (const card of cards) expect(card.room, 'the card runs into its bottom margin').toBeGreaterThanOrEqual(0);
    await page.context().close();
  });
});
