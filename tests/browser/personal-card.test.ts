/**
 * The "looks personal" card on a phone (NH2 of the content review), in English and Spanish:
 * before a question like "my niece is being sold" goes, the phone lists who to talk to first
 * (911, the county's CPS line, the rape crisis center and 988, from resources.yaml), then says
 * that a question is not a report and gets no reply, names the advocate in the room, and only
 * then offers to edit or send anyway. After sending, the same message stays on screen.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helpList } from '../../server/content/help.ts';
import { axe } from '../helpers/axe.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { realContent, ROOT, startServer, type Running } from '../helpers/server.ts';

const SHOTS = join(ROOT, 'dist/screenshots');
/** The lines the card lists first, by their id in resources.yaml, in order. */
const FIRST = ['emergency', 'cps', 'rape-crisis', '988'];
const CASES = [
  { lang: 'en', locale: 'en-US', question: 'My niece is being sold by her boyfriend, what do I do?' },
  { lang: 'es', locale: 'es-MX', question: 'Mi sobrina está siendo vendida por su novio, ¿qué hago?' },
] as const;

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

/** A phone at 360x740 in `locale`, past the content note, with the question form open. */
async function phone(locale: string): Promise<Page> {
  // bypassCSP only so that the accessibility checker can be injected; the kit's own code runs as always.
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale, bypassCSP: true });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`http://kit.test:${running.port}/`);
  await page.click('.content-note button');
  await page.click('section.qa button.send');
  await page.waitForSelector('#qa-text');
  return page;
}

/** What a part of the screen shows, in order: each line's name and its tel: links, the paragraphs and the buttons. */
function shown(page: Page, selector: string): Promise<string[]> {
  return page.$eval(selector, (box) =>
    [...box.querySelectorAll('.talk-name, a[href^="tel:"], p:not(.talk-name), button')].map((node) =>
      node.matches('a') ? (node.getAttribute('href') ?? '') : node.matches('button') ? `button ${node.textContent ?? ''}` : (node.textContent ?? ''),
    ),
  );
}

describe.each(CASES)('a question that looks personal ($lang)', ({ lang, locale, question }) => {
  const strings = realContent().strings[lang] ?? {};
  const say = (key: string): string => strings[key] ?? `missing ${key}`;
  const lines = helpList(realContent().resources, lang)
    .flatMap((g) => g.entries)
    .filter((e) => e.id !== undefined && FIRST.includes(e.id))
    .sort((a, b) => FIRST.indexOf(a.id ?? '') - FIRST.indexOf(b.id ?? ''));
  /** Each line's name, then a link to call each of its numbers. */
  const people = lines.flatMap((e) => [e.name, ...e.phones.map((p) => p.href)]);

  it('lists who to talk to first, says it is not a report and names the advocate, then offers edit or send anyway', async () => {
    expect(lines.map((e) => e.id)).toEqual(FIRST);
    const page = await phone(locale);
    await page.fill('#qa-text', question);
    await page.click('section.qa form button.send');
    await page.waitForSelector('.qa-personal');

    // The heading takes the focus, so a screen reader starts there.
    expect(await page.evaluate(() => document.activeElement?.matches('.qa-personal h3'))).toBe(true);
    expect(await page.textContent('.qa-personal h3')).toBe(say('join.qa.personal.title'));
    const card = await shown(page, '.qa-personal');
    const at = (line: string): number => card.indexOf(line);
    // 911, CPS, the rape crisis center and 988, with their numbers to tap, and no other line.
    expect(card.filter((x) => x.startsWith('tel:') || lines.some((e) => e.name === x))).toEqual(people);
    expect(people).toContain('tel:911');
    expect(people).toContain('tel:988');
    // Then "not a report", then the advocate, and only then the buttons.
    const lastPerson = Math.max(...people.map(at));
    expect(at(say('join.qa.personal.notReport'))).toBeGreaterThan(lastPerson);
    expect(at(say('join.qa.personal.advocate'))).toBeGreaterThan(at(say('join.qa.personal.notReport')));
    expect(at(`button ${say('join.qa.personal.edit')}`)).toBeGreaterThan(at(say('join.qa.personal.advocate')));
    expect(at(`button ${say('join.qa.personal.send')}`)).toBeGreaterThan(at(`button ${say('join.qa.personal.edit')}`));
    // Numbers are big enough to tap.
    const box = await page.locator('.qa-personal a[href="tel:911"]').boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, `phone-personal-card-${lang}.png`), fullPage: true });

    // Send anyway: the same message stays, with the numbers, instead of only "it went".
    await page.click('.qa-personal button.secondary');
    await page.waitForSelector('.qa-sent');
    expect(await page.evaluate(() => document.activeElement?.matches('.qa-sent .feedback'))).toBe(true);
    const sent = await shown(page, '.qa-sent');
    expect(sent[0]).toBe(say('join.qa.sent'));
    expect(sent).toContain(say('join.qa.personal.notReport'));
    expect(sent).toContain(say('join.qa.personal.advocate'));
    expect(sent.filter((x) => x.startsWith('tel:'))).toEqual(people.filter((x) => x.startsWith('tel:')));
    expect(sent.at(-1)).toBe(`button ${say('join.qa.ask')}`);
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, `phone-personal-sent-${lang}.png`), fullPage: true });

    // It stays when the room's board changes: the facilitator approves another question.
    const qa = running.app.rooms.workshops()[0]?.qa;
    expect((await qa?.ask(`What do traffickers look for online? (${lang})`))?.ok).toBe(true);
    const waiting = qa?.queue().questions.find((q) => q.status === 'waiting' && q.text.endsWith(`(${lang})`));
    await qa?.moderate(waiting?.id ?? 'none', 'approve');
    await page.waitForSelector(`section.qa .qa-item:has-text("(${lang})")`);
    expect(await page.isVisible('.qa-sent')).toBe(true);
    expect(await page.textContent('.qa-sent')).toContain(say('join.qa.personal.notReport'));
    expect(problems).toEqual([]);
  });

  it('sends a question that does not look personal with only the thank-you', async () => {
    const page = await phone(locale);
    await page.fill('#qa-text', lang === 'en' ? 'How do I talk with my teen about this?' : '¿Cómo hablo de esto con un adolescente?');
    await page.click('section.qa form button.send');
    await page.waitForSelector('section.qa .feedback.received');
    expect(await page.locator('.qa-personal, .qa-sent').count()).toBe(0);
  });
});
