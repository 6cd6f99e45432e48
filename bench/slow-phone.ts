/**
 * One phone on a weak venue network: Debian's Chromium with its network throttled to
 * 400 kbit/s each way and 400 ms of latency, opening the attendee page while a question is
 * open. Measures the time from the tap on the link until the question is on the screen. A
 * figure for the bench, never a timed test.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../tests/helpers/browser.ts';

export interface SlowPhone {
  first_question_ms: number;
  transferred_kb: number;
}

/** Opens `url` as a throttled phone and waits for the current question; NaN without Chromium. */
export async function slowPhone(url: string): Promise<SlowPhone> {
  if (!existsSync('/usr/bin/chromium')) return { first_question_ms: NaN, transferred_kb: NaN };
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    // A returning phone: the first-join note has been read, so the question is what it waits for.
    await context.addInitScript(() => window.localStorage.setItem('noteSeen', '1'));
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 });
    let bytes = 0;
    cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => void (bytes += e.encodedDataLength));
    const started = Date.now();
    await page.goto(url);
    await page.waitForSelector('.controls button, .controls input', { timeout: 60_000 });
    return { first_question_ms: Date.now() - started, transferred_kb: Math.round(bytes / 102.4) / 10 };
  } finally {
    await browser.close();
  }
}
