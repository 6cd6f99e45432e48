import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityHeaders, speakerViewScriptHash } from '../../server/http/csp.ts';
import { createRoutes } from '../../server/http/routes.ts';
import { reportRoutes } from '../../server/report/routes.ts';
import { axe } from '../helpers/axe.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { seedWorkshops, THRESHOLDS, type Seeded } from '../helpers/report-seed.ts';
import { realContent, ROOT } from '../helpers/server.ts';

const SHOTS = join(ROOT, 'dist/screenshots');
let seeded: Seeded;
let server: Server;
let url: string;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  seeded = await seedWorkshops();
  const defaultId = seeded.recent.id;
  // The report as the kit serves it: the kit's routes and security headers, the report among its pages.
  const pages = [
    reportRoutes({
      withStore: async (use) => use(seeded.running.store),
      content: realContent(),
      thresholds: THRESHOLDS,
      hostKeyOf: (r) => (r.id === defaultId ? seeded.running.app.hostKey : r.hostKey),
      defaultWorkshopId: defaultId,
      lang: 'en',
    }),
  ];
  server = createServer(createRoutes({ clientDir: join(ROOT, 'dist/client'), headers: securityHeaders([speakerViewScriptHash()]), pages }));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await new Promise<void>((ok) => (server ? server.close(() => ok()) : ok()));
  await seeded?.running.close();
});

/** A fresh browser (its own cookies); `bypassCSP` only where axe must be injected. */
async function open(bypassCSP = false) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP });
  contexts.push(context);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  return { page, problems };
}

describe('the report in Chromium', () => {
  it('opens with the printed link, drops the key from the address, lists the workshops and prints to PDF', async () => {
    const key = seeded.running.app.hostKey;
    const { page, problems } = await open();
    await page.goto(`${url}/report?key=${key}`);
    expect(page.url()).toBe(`${url}/report`);
    const codes = await page.$$eval('tbody th a', (links) => links.map((a) => a.textContent));
    expect(codes).toEqual([seeded.recent.code, seeded.old.code]);

    await page.click(`a[href^="/report/${seeded.recent.code}?"]`);
    await page.waitForSelector('h1');
    expect(page.url()).toBe(`${url}/report/${seeded.recent.code}?lang=en`);
    expect(page.url()).not.toContain(key);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain(key);
    expect(await page.textContent('h1')).toBe('Workshop report');
    // The chart: a bar per option with its count and percent as text beside it.
    const force = await page.$$eval('#a-check-force-after ~ table tbody tr', (rows) =>
      rows.map((r) => [...(r as HTMLTableRowElement).cells].map((c) => c.innerText.trim()).join(' | ')),
    );
    expect(force).toEqual(['Yes | 1 (25%)', 'No (best answer) | 3 (75%)', 'Not sure | 0 (0%)']);
    await page.screenshot({ path: join(SHOTS, 'report.png'), fullPage: true });

    const pdf = await page.pdf({ format: 'Letter', preferCSSPageSize: true });
    expect(pdf.length).toBeGreaterThan(10_000);
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    // Nothing ran or was blocked under the kit's Content-Security-Policy.
    expect(problems).toEqual([]);

    // The Spanish report, by its link.
    await page.click('a[hreflang="es"]');
    await page.waitForSelector('html[lang="es"]');
    expect(await page.textContent('h1')).toBe('Informe del taller');
  });

  it('has no serious or critical accessibility problem, in either language', async () => {
    const { page } = await open(true);
    await page.goto(`${url}/report?key=${seeded.running.app.hostKey}`);
    expect(await axe(page)).toEqual([]);
    for (const lang of ['en', 'es']) {
      await page.goto(`${url}/report/${seeded.recent.code}?lang=${lang}`);
      expect(await axe(page)).toEqual([]);
    }
    await page.goto(`${url}/report/${seeded.recent.code}`);
    await page.context().clearCookies();
    await page.reload();
    expect(await page.textContent('h1')).toBe('Report locked');
    expect(await axe(page)).toEqual([]);
  });
});
