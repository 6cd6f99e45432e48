/**
 * The printable pages in Chromium: the guide, the handout and the help page in both
 * languages, served by printableRoutes behind the kit's own security headers. No serious
 * accessibility problem, a Letter PDF for the guide and the handout (the handout on exactly
 * one sheet, with its QR code when the kit has a lasting address and without), and the help
 * page usable on a phone. Paths under /lasting are served as by a kit started with
 * --public-url; the others as by a kit on a laptop, with no address that lasts.
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
const PAGES = ['/guide', '/handout', '/help'] as const;

let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const pages = printableRoutes({ content: realContent(), lang: 'en', helpPage: () => undefined });
  const lasting = printableRoutes({ content: realContent(), lang: 'en', helpPage: (lang) => helpUrlIn(`${base}/help`, lang) });
  const headers = securityHeaders([]);
  server = createServer((req, res) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const served = path.startsWith('/lasting/') ? lasting(req, res, path.slice('/lasting'.length)) : pages(req, res, path);
    if (!served) res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((ok) => server?.close(ok));
});

/** Opens a page; `bypassCSP` only so that the accessibility checker can be injected. */
async function open(path: string, options: { width?: number; height?: number; bypassCSP?: boolean; isMobile?: boolean } = {}): Promise<{ page: Page; problems: string[] }> {
  const { width = 1000, height = 1200, bypassCSP = true, isMobile = false } = options;
  const context = await browser.newContext({ viewport: { width, height }, bypassCSP, isMobile, hasTouch: isMobile });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  const response = await page.goto(`${base}${path}`);
  expect(response?.status(), path).toBe(200);
  return { page, problems };
}

describe('the printable pages over HTTP', () => {
  it('answer GET with a whole HTML page, never cached, in the language asked for', async () => {
    for (const path of PAGES) {
      const res = await fetch(`${base}${path}?lang=es`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      const html = await res.text();
      expect(html).toMatch(/^<!doctype html>\n<html lang="es">/);
      expect(html).not.toMatch(/<script/i);
    }
    // No ?lang=, or a language the kit does not have: the handler's own language.
    expect(await (await fetch(`${base}/help`)).text()).toMatch(/<html lang="en">/);
    expect(await (await fetch(`${base}/help?lang=xx`)).text()).toMatch(/<html lang="en">/);
    expect((await fetch(`${base}/help`, { method: 'HEAD' })).status).toBe(200);
  });

  it('leave every other path to the next handler', async () => {
    for (const path of ['/guide/', '/guides', '/help.html', '/constructor', '/']) expect((await fetch(`${base}${path}`)).status, path).toBe(404);
  });

  it('open under the kit’s Content-Security-Policy with nothing refused', async () => {
    for (const path of PAGES) {
      const { page, problems } = await open(path, { bypassCSP: false });
      expect(problems, path).toEqual([]);
      await page.context().close();
    }
  });
});

describe.each(LANGS)('the printable pages in Chromium (%s)', (lang) => {
  it.each(PAGES)('%s has no serious or critical accessibility problem', async (path) => {
    const { page, problems } = await open(`${path}?lang=${lang}`);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    expect(await axe(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('prints the guide as a Letter PDF', async () => {
    const { page } = await open(`/guide?lang=${lang}`);
    const pdf = await page.pdf({ format: 'Letter' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPages(pdf)).toBeGreaterThan(5);
    await page.context().close();
  });

  it('prints the handout on exactly one Letter page, with the QR code of a lasting address', async () => {
    const { page } = await open(`/lasting/handout?lang=${lang}`, { width: 816, height: 1056 });
    await page.screenshot({ path: join(SHOTS, `handout-${lang}.png`), fullPage: true });
    const pdf = await page.pdf({ format: 'Letter' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPages(pdf)).toBe(1);
    // Its QR code opens the help page in the same language.
    expect(await page.textContent('.qr .url')).toBe(`${base}/help?lang=${lang}`);
    expect(await axe(page)).toEqual([]);
    await page.context().close();
  });

  it('prints the handout on one page with the numbers alone when there is no lasting address', async () => {
    const { page } = await open(`/handout?lang=${lang}`, { width: 816, height: 1056 });
    await page.screenshot({ path: join(SHOTS, `handout-no-qr-${lang}.png`), fullPage: true });
    expect(pdfPages(await page.pdf({ format: 'Letter' }))).toBe(1);
    expect(await page.locator('svg, .qr, .url').count()).toBe(0);
    expect(await page.textContent('.keep')).toContain(realContent().strings[lang]?.['handout.keep'] ?? 'none');
    await page.context().close();
  });

  it('shows the help page on a phone, with numbers to tap', async () => {
    const { page } = await open(`/help?lang=${lang}`, { width: 390, height: 844, isMobile: true });
    await page.screenshot({ path: join(SHOTS, `help-${lang}.png`) });
    const tel = page.locator('a[href^="tel:"]');
    const phones = Object.values(realContent().resources.groups)
      .flatMap((g) => g.entries)
      .reduce((n, r) => n + (r.phone === undefined ? 0 : Array.isArray(r.phone) ? r.phone.length : 1), 0);
    expect(await tel.count()).toBe(phones);
    await expect.poll(() => tel.first().isVisible()).toBe(true);
    expect(await tel.first().getAttribute('href')).toBe('tel:911');
    const box = await tel.first().boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    expect(await page.locator('a[href^="sms:"]').count()).toBeGreaterThan(0);
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.context().close();
  });
});
