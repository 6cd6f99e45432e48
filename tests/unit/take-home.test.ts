/**
 * The take-home pages' words (slides/take-home.yaml) and the pages made from them: the words
 * load and are checked with the rest of the content (a missing Spanish key or a phone number
 * fails `npm run check:content`, naming the file and the line), and the pages print the lines
 * of resources.yaml, the words without their [n] marks, and the sources those marks name.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../server/content/content.ts';
import { loadRegionContent } from '../../server/regions/load.ts';
import { DEFAULT_REGION } from '../../server/regions/name.ts';
import { escapeHtml } from '../../server/content/escape-html.ts';
import { helpEntry } from '../../server/content/help.ts';
import { phoneLike } from '../../server/content/check-guide.ts';
import { citedSources, sourceName, uncited } from '../../server/printables/cited.ts';
import { renderParents } from '../../server/printables/parents-page.ts';
import { resourceById } from '../../server/printables/referral-flow.ts';
import { renderTeenCard } from '../../server/printables/teen-card-page.ts';
import { realContent, ROOT } from '../helpers/server.ts';

const LANGS = ['en', 'es'] as const;
const NOW = new Date('2026-12-01T18:00:00Z');
const FILE = join(ROOT, 'slides/take-home.yaml');

/** The page's text with tags dropped. */
const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('the take-home words (slides/take-home.yaml)', () => {
  it('load with the content, in every language, calling the same lines of resources.yaml', () => {
    const content = realContent();
    expect(Object.keys(content.takeHome).sort()).toEqual(['en', 'es']);
    const calls = (lang: string) => {
      const t = content.takeHome[lang];
      return [t?.parents.help.call, ...(t?.teens.help.items.map((i) => i.call) ?? [])];
    };
    for (const id of calls('en').flat()) expect(resourceById(content, id ?? ''), id).toBeDefined();
    expect(calls('es')).toEqual(calls('en'));
    // The card for a young person sends them to Take It Down, the CyberTipline and 988.
    expect(calls('en').flat()).toEqual(expect.arrayContaining(['take-it-down', 'cybertipline', '988']));
  });

  it('write no phone number: numbers live only in resources.yaml', () => {
    expect(phoneLike(readFileSync(FILE, 'utf8'))).toEqual([]);
  });
});

describe.each(LANGS)('the take-home pages (%s)', (lang) => {
  const content = realContent();
  const words = content.takeHome[lang];
  if (!words) throw new Error(`no take-home words for ${lang}`);
  const pages = [
    ['/handout/parents', renderParents({ content, lang, now: NOW }), words.parents, words.parents.help.call],
    ['/handout/teens', renderTeenCard({ content, lang, now: NOW }), words.teens, words.teens.help.items.flatMap((i) => i.call)],
  ] as const;

  it.each(pages)('%s is one whole document in its language, on letter paper, with no script', (_path, html) => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="[a-z]{2}">/);
    expect(html).toContain(`<html lang="${lang}">`);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('size:letter');
  });

  it.each(pages)('%s prints its words without [n] marks, and names their sources', (_path, html, part) => {
    const shown = text(html);
    expect(shown).not.toMatch(/\[\d+[a-z]?\]/);
    const names = citedSources(content, part);
    expect(names.length).toBeGreaterThan(2);
    for (const name of names) expect(html, name).toContain(escapeHtml(name));
    expect(html).toContain(escapeHtml(words.sources));
  });

  it.each(pages)('%s prints the lines it names as resources.yaml has them', (_path, html, _part, ids) => {
    for (const id of ids) {
      const r = resourceById(content, id);
      if (!r) throw new Error(`no resource ${id}`);
      const e = helpEntry(r, lang);
      expect(html).toContain(escapeHtml(e.name));
      for (const p of e.phones) expect(text(html)).toContain(p.number);
      if (e.web) expect(text(html)).toContain(e.web.replace(/^https?:\/\//, '').replace(/\/$/, ''));
    }
  });

  it('/handout/parents has every conversation starter, by age, and the family plan to tick', () => {
    const html = pages[0][1];
    for (const age of words.parents.ages) {
      expect(html).toContain(`<h3>${escapeHtml(age.label)}</h3>`);
      for (const s of age.starters) expect(html).toContain(escapeHtml(uncited(s)));
    }
    expect(html).toContain(escapeHtml(uncited(words.parents.safety_plan.say)));
    expect(html.match(/<ul class="checklist">.*?<\/ul>/s)?.[0].match(/<li>/g)).toHaveLength(words.parents.family_plan.items.length);
  });

  it('/handout/teens prints the card twice, the second copy on paper only and hidden from screen readers', () => {
    const html = pages[1][1];
    expect(html.match(/<article /g)).toHaveLength(2);
    expect(html).toContain('<article class="card copy" aria-hidden="true">');
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of words.teens.do.items) expect(html.split(escapeHtml(uncited(s))).length - 1).toBe(2);
    expect(html).not.toMatch(/<a [^>]*href="(tel|sms):/);
  });
});

describe('the take-home pages with hostile words', () => {
  it('escape whatever the content file holds', () => {
    const tampered = structuredClone(realContent());
    const en = tampered.takeHome['en'];
    if (!en) throw new Error('no English take-home words');
    en.parents.title = '<img src=x onerror=alert(1)>';
    en.teens.title = '<img src=x onerror=alert(1)>';
    for (const html of [renderParents({ content: tampered, lang: 'en', now: NOW }), renderTeenCard({ content: tampered, lang: 'en', now: NOW })]) {
      expect(html).not.toContain('<img src=x');
      expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    }
  });

  it('name a source by its title and its website', () => {
    expect(sourceName({ id: '32', title: "National Children's Advocacy Center, steps to take", url: 'https://www.nationalcac.org/steps/' })).toBe("National Children's Advocacy Center (nationalcac.org)");
    expect(uncited('Don\'t pay. [32][56] Tell someone [40].')).toBe("Don't pay. Tell someone.");
  });
});

describe('the content check on a broken take-home.yaml', () => {
  // A copy of the real content, with mistakes written into its take-home.yaml.
  const dir = mkdtempSync(join(tmpdir(), 'csec-take-home-'));
  cpSync(join(ROOT, 'slides'), dir, { recursive: true });
  const original = readFileSync(FILE, 'utf8');
  const es = original.indexOf('\nes:\n');
  const edit = (text: string, from: number, find: RegExp, replace: string): string => {
    const at = text.slice(from).search(find);
    if (at < 0) throw new Error(`take-home.yaml has no ${String(find)} to break`);
    return text.slice(0, from + at) + text.slice(from + at).replace(find, replace);
  };
  let broken = edit(original, es, /\n {4}lead: .*/, ''); // the Spanish card's lead, gone
  broken = edit(broken, 0, /note: .*/, 'note: Call CPS at 1-800-606-6618, or text 233733.');
  broken = edit(broken, es, /call: \[emergency,/, 'call: [shelter,');
  broken = edit(broken, 0, /- Don't pay, .*/, "- Don't pay. [999]");
  writeFileSync(join(dir, 'take-home.yaml'), broken);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The 1-based line of `needle` in the broken file, after the line holding `after` (if given). */
  const lineOf = (needle: string, after?: string): number => {
    const lines = broken.split('\n');
    const from = after === undefined ? 0 : lines.findIndex((l) => l.startsWith(after));
    return lines.findIndex((l, i) => i >= from && l.includes(needle)) + 1;
  };
  const file = join(dir, 'take-home.yaml');
  const expected = [
    `${file}:${lineOf('  teens:', 'es:')}: es.teens: missing field "lead"`,
    `${file}:${lineOf('note: Call CPS')}: en.parents.help.note: "1-800-606-6618", "233733" look like phone numbers: numbers live only in resources.yaml (on a take-home page, name the line in a call: list)`,
    `${file}:${lineOf('call: [shelter,')}: es.parents.help.call.0: calls "shelter", which is not the id of any resource in resources.yaml`,
    `${file}:${lineOf('call: [shelter,')}: es.parents.help.call: calls [shelter, cps, national-hotline, cybertipline, take-it-down, 988, rape-crisis] but English calls [emergency, cps, national-hotline, cybertipline, take-it-down, 988, rape-crisis]: every language calls the same lines, in the same order`,
    `${file}:${lineOf("- Don't pay. [999]")}: en.teens.do.items.0: cites source [999], which is not in sources.yaml`,
  ];

  it('refuses the content and names the file, the line and what is wrong', () => {
    const { content, errors } = loadRegionContent(ROOT, DEFAULT_REGION, { slides: dir });
    expect(content).toBeUndefined();
    const lines = errors.filter((e) => e.file === file).map((e) => `${e.file}:${e.line}: ${e.message}`);
    for (const line of expected) expect(lines).toContain(line);
  });

  it('fails npm run check:content, printing each problem as file:line', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check-content.ts', '--slides', dir], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    const printed = r.stderr.trim().split('\n');
    for (const line of expected) expect(printed).toContain(line);
  });

  it('reports a content folder with no take-home.yaml', () => {
    const { errors } = loadContent(join(ROOT, 'tests/fixtures/content-broken'));
    expect(errors).toContainEqual({ file: join(ROOT, 'tests/fixtures/content-broken/take-home.yaml'), line: 1, message: 'file is missing' });
  });
});
