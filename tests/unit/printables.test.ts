import { describe, expect, it } from 'vitest';
import type { Content } from '../../server/content/content.ts';
import { escapeHtml } from '../../server/content/escape-html.ts';
import { helpEntry, helpList } from '../../server/content/help.ts';
import { activityText } from '../../server/content/localize.ts';
import { deckOutline } from '../../server/content/outline.ts';
import { planTotals } from '../../server/content/timing.ts';
import { renderGuide } from '../../server/printables/guide-page.ts';
import { renderHandout } from '../../server/printables/handout-page.ts';
import { renderHelp } from '../../server/printables/help-page.ts';
import { notesHtml } from '../../server/printables/notes.ts';
import { resourceById } from '../../server/printables/referral-flow.ts';
import { realContent } from '../helpers/server.ts';

const LANGS = ['en', 'es'] as const;
const NOW = new Date('2026-12-01T18:00:00Z');
const HELP_URL = 'http://192.168.1.20:3000/help';

const content = realContent();
const allResources = (c: Content) => Object.values(c.resources.groups).flatMap((g) => g.entries);
const guide = (lang: string, c = content) => renderGuide({ content: c, lang, now: NOW });
const handout = (lang: string, c = content) => renderHandout({ content: c, lang, now: NOW }, `${HELP_URL}?lang=${lang}`);
const help = (lang: string, c = content) => renderHelp({ content: c, lang, now: NOW });

/** The page's text with tags dropped, for finding words split by markup (a number kept on one line). */
const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe.each(LANGS)('the facilitator guide (%s)', (lang) => {
  const html = guide(lang);
  const words = content.guide[lang];
  if (!words) throw new Error(`no guide words for ${lang}`);

  it('is one whole document in its language, with no script', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="[a-z]{2}">/);
    expect(html).toContain(`<html lang="${lang}">`);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('@media print');
    expect(html).toContain('size:letter');
  });

  it('has every slide of the deck, by title, and marks the optional ones', () => {
    const outline = deckOutline(content, lang);
    const slides = outline.flatMap((s) => s.slides);
    expect(slides.length).toBeGreaterThan(25);
    for (const slide of slides) expect(html, slide.title).toContain(`<h4>${escapeHtml(slide.title)}</h4>`);
    const optional = slides.filter((s) => s.plan !== '60').length;
    expect(optional).toBeGreaterThan(0);
    expect(html.match(/<article class="slide optional">/g)).toHaveLength(optional);
    expect(html.match(/<span class="badge">/g)).toHaveLength(optional);
  });

  it("shows each plan's agenda, with the totals the content check counts", () => {
    const totals = planTotals(content.decks[lang]?.flatMap((f) => f.slides) ?? [], content.strings[lang]?.['notes.time']);
    const half = (n: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(Math.round(n * 2) / 2);
    const agenda = html.match(/<table class="agenda">.*?<\/table>/s)?.[0] ?? '';
    const totalRow = text(agenda.match(/<tr><th scope="row">[^<]*<\/th>(<td><strong>.*?)<\/tr><\/tbody>/)?.[1] ?? '');
    for (const t of totals) expect(totalRow).toContain(half(t.minutes));
    expect(totals.map((t) => t.minutes)).toEqual([...totals.map((t) => t.minutes)].sort((a, b) => a - b));
  });

  it("has every activity's prompt, and its best answer marked, with why", () => {
    for (const a of content.activities) {
      const words = activityText(a, lang);
      expect(html, a.id).toContain(escapeHtml(words.prompt));
      if ('answer' in a && a.answer !== undefined) {
        const best = words.options?.[a.answer] ?? '';
        expect(html, a.id).toContain(`<li class="best"><strong>${escapeHtml(best)}</strong>`);
      }
      if (words.explanation) expect(html, a.id).toContain(escapeHtml(words.explanation));
    }
  });

  it('has the checklist, every hard question and answer, and the other parts of the guide', () => {
    expect(html).toContain('<ul class="checklist">');
    for (const item of words.guide.prepare.items) expect(html).toContain(`<li>${escapeHtml(item)}</li>`);
    for (const q of words.guide.hard_questions.items) {
      expect(html).toContain(escapeHtml(q.question));
      expect(html).toContain(escapeHtml(q.answer));
    }
    for (const part of [words.guide.disclosure.steps, words.guide.reporting.items, words.guide.in_room.steps, words.guide.debrief.items]) {
      for (const item of part) expect(html).toContain(`<li>${escapeHtml(item)}</li>`);
    }
  });

  it("prints the name and every number of each line the referral flow calls, from resources.yaml", () => {
    const flow = text(html.match(/<ol class="flow">[\s\S]*?<\/ol>\n?<\/section>/)?.[0] ?? '');
    expect(flow).not.toBe('');
    const calls = words.guide.referral.steps.flatMap((s) => s.call);
    expect(calls.length).toBeGreaterThan(5);
    for (const id of calls) {
      const resource = resourceById(content, id);
      if (!resource) throw new Error(`no resource "${id}"`);
      const entry = helpEntry(resource, lang);
      expect(flow).toContain(text(escapeHtml(entry.name)));
      for (const p of entry.phones) expect(flow, id).toContain(p.number);
      if (entry.text) expect(flow, id).toContain(entry.text.number);
    }
    expect(flow).toContain('1-800-606-6618');
  });

  it('ends with the sources the [n] citations point to, and when it was printed and checked', () => {
    for (const s of content.sources) expect(html).toContain(`<li id="source-${escapeHtml(s.id)}"><strong>[${escapeHtml(s.id)}]</strong>`);
    const footer = html.match(/<footer>.*<\/footer>/s)?.[0] ?? '';
    const date = (d: Date) => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(d);
    expect(footer).toContain(date(NOW));
    const latest = allResources(content).map((r) => r.checked).sort().at(-1) ?? '';
    expect(footer).toContain(date(new Date(`${latest}T12:00:00Z`)));
  });
});

describe.each(LANGS)('the handout (%s)', (lang) => {
  const keep = escapeHtml(content.strings[lang]?.['handout.keep'] ?? 'none');
  const caption = escapeHtml(content.guide[lang]?.handout.qr_caption ?? 'none');

  it('lists every resource of resources.yaml with its numbers, and a QR code of the help page at a lasting address', async () => {
    const html = await handout(lang);
    expect(html).toContain(`<html lang="${lang}">`);
    expect(html).not.toMatch(/<script/i);
    const plain = text(html);
    for (const entry of helpList(content.resources, lang).flatMap((g) => g.entries)) {
      expect(plain).toContain(text(escapeHtml(entry.name)));
      for (const p of entry.phones) expect(plain, entry.name).toContain(p.number);
      if (entry.text) expect(plain, entry.name).toContain(entry.text.number);
    }
    expect(html).toMatch(/<svg role="img" aria-label="[^"]+" xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(plain).toContain(`${HELP_URL}?lang=${lang}`);
    expect(plain).toContain(caption);
    expect(plain).not.toContain(keep);
  });

  it('with no lasting address, prints the numbers alone: no QR code, no link, and "keep this sheet"', async () => {
    const html = await renderHandout({ content, lang, now: NOW }, undefined);
    const plain = text(html);
    expect(html).not.toMatch(/<svg|class="qr"|class="url"/);
    expect(plain).not.toMatch(/https?:\/\/|\/help/);
    expect(plain).not.toContain(caption);
    expect(plain).toContain(keep);
    for (const entry of helpList(content.resources, lang).flatMap((g) => g.entries)) for (const p of entry.phones) expect(plain, entry.name).toContain(p.number);
    expect(plain).toContain(text(escapeHtml(content.strings[lang]?.['handout.checked']?.split('{')[0] ?? 'none')));
  });
});

describe.each(LANGS)('the help page (%s)', (lang) => {
  const html = help(lang);

  it('lists every resource with links that call and text it, and links to the other language', () => {
    const entries = helpList(content.resources, lang).flatMap((g) => g.entries);
    expect(entries).toHaveLength(allResources(content).length);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]?.replace(/&#38;/g, '&'));
    for (const entry of entries) {
      expect(html).toContain(`<h3>${escapeHtml(entry.name)}</h3>`);
      for (const p of entry.phones) {
        expect(p.href).toMatch(/^tel:(\+1\d{10}|\d{3})$/);
        expect(hrefs).toContain(p.href);
      }
      if (entry.text) expect(hrefs).toContain(entry.text.href);
      if (entry.web) expect(hrefs).toContain(entry.web);
    }
    expect(hrefs).toContain('tel:911');
    expect(hrefs).toContain('sms:233733?body=HELP');
    const other = lang === 'en' ? 'es' : 'en';
    expect(html).toContain(`<a href="/help?lang=${other}" lang="${other}" hreflang="${other}">`);
  });

  it('is light: no script, no image, under 15 KB', () => {
    expect(html).not.toMatch(/<script|<img|<link(?! rel="icon" href="data:,">)|@import|url\(/i);
    expect(Buffer.byteLength(html)).toBeLessThan(15 * 1024);
  });
});

describe('text from content, escaped on every page', () => {
  const tampered = structuredClone(content);
  const resource = tampered.resources.groups['local']?.entries[1];
  const note = tampered.decks['en']?.[0]?.slides[0];
  const words = tampered.guide['en'];
  if (!resource || !note || !words) throw new Error('no content to tamper with');
  resource.name = 'CPS <b>hotline</b>';
  resource.id = 'cps';
  note.notes = `${note.notes}\nSay: <b>bold</b> & <img src=x onerror=alert(1)>`;
  words.guide.hard_questions.items[0] = { question: 'Is <i>this</i> safe?', answer: 'Yes "quoted" <script>alert(1)</script>' };
  words.handout.signs[0] = '<u>Missing</u> school';

  it('escapes a resource, a speaker note and the guide words', async () => {
    const pages = [guide('en', tampered), await handout('en', tampered), help('en', tampered)];
    for (const html of pages) {
      expect(html).not.toContain('<b>hotline</b>');
      expect(html).toContain('CPS &#60;b&#62;hotline&#60;/b&#62;');
    }
    const [g, h] = pages;
    expect(g).toContain('&#60;b&#62;bold&#60;/b&#62; &#38; &#60;img src=x onerror=alert(1)&#62;');
    expect(g).not.toContain('<img');
    expect(g).toContain('Is &#60;i&#62;this&#60;/i&#62; safe?');
    expect(g).toContain('Yes &#34;quoted&#34; &#60;script&#62;alert(1)&#60;/script&#62;');
    expect(g).not.toMatch(/<script/i);
    expect(h).toContain('&#60;u&#62;Missing&#60;/u&#62; school');
  });
});

describe('speaker notes for print', () => {
  const labels = ['Time', 'Say', 'Tip', 'Verify before presenting'];

  it('gives each labelled line its own paragraph, keeps lists, bold and italic, and escapes the rest', () => {
    const notes = 'Time: about 1 minute.\nSay: Stay **calm** and *listen*.\nTip: ask:\n- one <thing>\n- two\n\nA last word & more.';
    expect(notesHtml(notes, labels)).toBe(
      [
        '<p><strong>Time:</strong> about 1 minute.</p>',
        '<p><strong>Say:</strong> Stay <strong>calm</strong> and <em>listen</em>.</p>',
        '<p><strong>Tip:</strong> ask:</p>',
        '<ul><li>one &#60;thing&#62;</li><li>two</li></ul>',
        '<p>A last word &#38; more.</p>',
      ].join('\n'),
    );
  });
});
