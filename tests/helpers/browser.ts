/** Debian's Chromium driven by playwright-core, with the flags this closed network needs. */
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/**
 * Visits every slide of the deck open in `page` and returns those taller than the deck's
 * 720-pixel canvas (cut off on the projector), as "title: height". `onSlide` runs on each.
 */
export async function slidesTooTall(page: Page, titles: string[], onSlide?: (title: string) => Promise<void>): Promise<string[]> {
  const tooTall: string[] = [];
  for (let i = 0; i < titles.length; i++) {
    await page.evaluate((n) => (location.hash = `#/${n}`), i);
    await page.waitForFunction((n) => document.querySelectorAll('.reveal .slides > section')[n]?.classList.contains('present'), i);
    const height = await page.$eval('section.present', (s) => s.scrollHeight);
    if (height > 720) tooTall.push(`${titles[i]}: ${height}px`);
    await onSlide?.(titles[i] ?? '');
  }
  return tooTall;
}
