/**
 * A rehearsal's screens in Chromium: the kit as its own process (`npm start -- --rehearse`),
 * the projector and the console as the facilitator opens them on the laptop. Both say
 * REHEARSAL where it cannot be missed; the simulated phones fill a scenario past the threshold
 * and its results show; questions reach the console, the personal one marked.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { freePort, startKitProcess, type KitProcess } from '../helpers/kit-process.ts';
import { ROOT } from '../helpers/server.ts';

const SHOTS = join(ROOT, 'dist/screenshots');
const HOST_KEY = 'rehearsal-browser-host-key';
const SCENARIO = 'scenario-new-friend';
let kit: KitProcess;
let browser: Browser;
let scratch: string;
const problems: string[] = [];

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'csec-rehearsal-browser-'));
  kit = await startKitProcess(await freePort(), ['--rehearse', '30', '--data-dir', join(scratch, 'data'), '--host-key', HOST_KEY], { TMPDIR: scratch });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await kit?.interrupt();
  rmSync(scratch, { recursive: true, force: true });
});

async function open(path: string, size: { width: number; height: number }, mobile = false): Promise<Page> {
  const context = await browser.newContext({ viewport: size, isMobile: mobile, hasTouch: mobile });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('dialog', (d) => void d.accept());
  await page.goto(`${kit.url}${path}`);
  return page;
}

/** The label is on screen, whole, and nothing covers its middle. */
async function labelShown(page: Page): Promise<string> {
  const label = await page.waitForSelector('.rehearsal-label', { state: 'visible' });
  const seen = await label.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return { inView: box.top >= 0 && box.left >= 0 && box.right <= innerWidth && box.bottom <= innerHeight, uncovered: top !== null && el.contains(top) };
  });
  expect(seen).toEqual({ inView: true, uncovered: true });
  return (await label.textContent()) ?? '';
}

describe('a rehearsal on the real screens', () => {
  it('says REHEARSAL on the projector and the console, while the simulated room answers and asks', { timeout: 150_000 }, async () => {
    const deck = await open(`/present?full&key=${HOST_KEY}`, { width: 1280, height: 720 });
    await deck.waitForSelector('.reveal.ready');
    expect(await labelShown(deck)).toBe('REHEARSAL Simulated phones, for practice. Nothing is kept.');
    // A band above the slides, never over them.
    const [band, slides] = await deck.evaluate(() => [document.querySelector('.rehearsal-label')?.getBoundingClientRect().bottom, document.querySelector('.reveal')?.getBoundingClientRect().top]);
    expect(slides).toBeGreaterThanOrEqual(band ?? Infinity);

    const remote = await open(`/host?key=${HOST_KEY}`, { width: 390, height: 844 }, true);
    expect(await labelShown(remote)).toBe('REHEARSAL Simulated phones, for practice. Nothing is kept when the kit stops.');

    // The deck stops on a scenario: the simulated phones answer it, past the threshold, and R shows the results.
    const index = await deck.evaluate((id) => [...document.querySelectorAll('.reveal .slides > section')].findIndex((s) => s.getAttribute('data-activity') === id), SCENARIO);
    expect(index).toBeGreaterThan(0);
    await deck.evaluate((i) => (location.hash = `#/${i}`), index);
    await deck.waitForSelector(`section.present[data-activity="${SCENARIO}"]`);
    await deck.waitForFunction((id) => Number(document.querySelector(`section[data-activity="${id}"] .live-count`)?.textContent?.split(' ')[0]) >= 10, SCENARIO, { timeout: 120_000 });
    await deck.keyboard.press('r');
    await deck.waitForFunction((id) => document.querySelectorAll(`section[data-activity="${id}"] .option-count`).length > 0, SCENARIO);
    await labelShown(deck);
    await deck.screenshot({ path: join(SHOTS, 'rehearsal-projector.png') });

    // The console follows the deck; the questions come, one marked as looking personal.
    await remote.waitForSelector('.queue-item.flagged', { timeout: 120_000 });
    await remote.evaluate(() => window.scrollTo(0, 0));
    await labelShown(remote);
    await remote.screenshot({ path: join(SHOTS, 'rehearsal-console.png') });
    await remote.evaluate(() => document.querySelector('.queue')?.scrollIntoView());
    await labelShown(remote);
    await remote.screenshot({ path: join(SHOTS, 'rehearsal-console-queue.png') });
    expect(problems).toEqual([]);
  });
});
