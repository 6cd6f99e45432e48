import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../server/content/content.ts';
import { renderDeck } from '../../server/content/deck.ts';
import { planOfSlide, planProblems, planTotals } from '../../server/content/timing.ts';
import { planShows, type PlanId } from '../../server/protocol.ts';
import { ROOT } from '../helpers/server.ts';
import { loadRegionContent } from '../../server/regions/load.ts';
import { DEFAULT_REGION } from '../../server/regions/name.ts';

const BROKEN = 'tests/fixtures/content-broken';

describe('the workshop content', () => {
  const { content, errors } = loadRegionContent(ROOT, DEFAULT_REGION);

  it('passes its own check', () => {
    expect(errors).toEqual([]);
    expect(content).toBeDefined();
  });

  it('has at least 25 English slides, each with speaker notes that say how long', () => {
    const slides = content?.decks['en']?.flatMap((f) => f.slides) ?? [];
    expect(slides.length).toBeGreaterThanOrEqual(25);
    for (const slide of slides) expect(slide.notes, `${slide.file}:${slide.line}`).toMatch(/^Time:/im);
  });

  it('states the Facebook figure as the brief corrects it, never as "65% of CSEC youth"', () => {
    const text = content?.decks['en']?.map((f) => f.text).join('\n') ?? '';
    expect(text).toMatch(/65%[^\n]*recruited (through|on) social media/i);
    expect(text).not.toMatch(/65% (of )?CSEC youth/i);
  });

  it('keeps phone numbers out of the slides: they come from resources.yaml', () => {
    const text = content?.decks['en']?.flatMap((f) => f.slides.map((s) => s.body)).join('\n') ?? '';
    expect(text).not.toMatch(/\d{3}-\d{3}-\d{4}/);
    const rendered = content ? renderDeck(content, 'en').join('\n') : '';
    expect(rendered).toContain('1-800-606-6618');
    expect(rendered).toContain('1-888-373-7888');
  });

  it('has the planned activities, each on one slide, knowledge checks near the start and again near the end', () => {
    const activities = content?.activities ?? [];
    const kinds = (kind: string) => activities.filter((a) => a.kind === kind);
    expect(kinds('scenario').length).toBeGreaterThanOrEqual(10);
    expect(kinds('scale').length).toBeGreaterThanOrEqual(4);
    expect(kinds('words').length).toBeGreaterThanOrEqual(1);
    const before = activities.filter((a) => a.round === 'before').map((a) => a.id.replace(/\.before$/, ''));
    const after = activities.filter((a) => a.round === 'after').map((a) => a.id.replace(/\.after$/, ''));
    expect(before.filter((id) => id.startsWith('check-'))).toHaveLength(5);
    // The confidence scales are asked twice too, so a change can be measured.
    expect(activities.filter((a) => a.kind === 'scale').every((a) => a.round !== undefined)).toBe(true);
    expect(after).toEqual(before);

    const slides = content?.decks['en']?.flatMap((f) => f.slides) ?? [];
    const position = (id: string) => slides.findIndex((s) => s.attrs['data-activity'] === id) / slides.length;
    for (const a of activities) expect(position(a.id), a.id).toBeGreaterThanOrEqual(0);
    for (const id of before) {
      expect(position(`${id}.before`)).toBeLessThan(0.25);
      expect(position(`${id}.after`)).toBeGreaterThan(0.75);
    }
  });

  it('fits each plan in its slot with a tenth to spare and 10 minutes for questions, in both languages', () => {
    for (const lang of ['en', 'es']) {
      const slides = content?.decks[lang]?.flatMap((f) => f.slides) ?? [];
      const totals = planTotals(slides, content?.strings[lang]?.['notes.time']);
      for (const t of totals) {
        expect(planProblems(t), `${lang} ${t.plan}`).toEqual([]);
        expect(t.questions).toBeGreaterThanOrEqual(10);
        if (t.slot !== undefined) expect(t.minutes).toBeLessThanOrEqual(t.slot * 0.9);
      }
      // The same plan in both languages.
      expect(totals.map((t) => t.minutes)).toEqual(planTotals(content?.decks['en']?.flatMap((f) => f.slides) ?? []).map((t) => t.minutes));
    }
  });

  it('keeps the essentials in the 60-minute plan, the break and more scenarios in the 90, and everything in the full set', () => {
    const slides = content?.decks['en']?.flatMap((f) => f.slides) ?? [];
    const inPlan = (plan: PlanId) => slides.filter((s) => planShows(plan, planOfSlide(s)));
    const has = (plan: PlanId, test: (s: (typeof slides)[number]) => boolean) => inPlan(plan).some(test);
    for (const title of [/what is/i, /sign/i, /groom/i, /online/i, /sextortion/i, /tells you/i, /report/i]) expect(has('60', (s) => title.test(s.title)), String(title)).toBe(true);
    expect(has('60', (s) => s.attrs['data-resources'] !== undefined)).toBe(true);
    expect(has('60', (s) => s.attrs['data-break'] !== undefined)).toBe(false);
    expect(has('90', (s) => s.attrs['data-break'] !== undefined)).toBe(true);
    const scenarios = (plan: PlanId) => inPlan(plan).filter((s) => s.attrs['data-activity']?.startsWith('scenario-')).length;
    expect(scenarios('90')).toBeGreaterThan(scenarios('60'));
    expect(scenarios('full')).toBeGreaterThan(scenarios('90'));
    expect(inPlan('full')).toHaveLength(slides.length);
  });

  it('lists 988 on the resource slides and no immigration enforcement tip line', () => {
    if (!content) throw new Error('no content');
    const md = renderDeck(content, 'en').join('\n');
    const resources = [...md.matchAll(/<ul class="resources">.*?<\/ul>/g)].map((m) => m[0]).join('\n');
    expect(resources).toContain('988 Suicide &#38; Crisis Lifeline');
    expect(resources).toContain('Call 988');
    expect(resources).toContain('1-800-786-2929');
    expect(resources).toContain('takeitdown.ncmec.org');
    expect(resources).toContain('not police or immigration. If a child may be being abused, it passes that on to CPS or police');
    for (const banned of ['HSI', 'DHS', 'ICE', '1-866-347-2423', '866-DHS-2-ICE', 'verify before presenting']) expect(resources).not.toContain(banned);
    // The Rape Crisis Center's second line is a number, not a note in its hours.
    expect(resources).toContain('Call (831) 424-4357 (Salinas)');
  });

  it('tells parents facing sextortion about 988 and never to keep the image', () => {
    const slide = content?.decks['en']?.flatMap((f) => f.slides).find((s) => s.title === 'Sextortion');
    const scenario = content?.activities.find((a) => a.id === 'scenario-sextortion');
    if (!slide || !scenario || !('explanation' in scenario)) throw new Error('no sextortion slide or scenario');
    for (const text of [slide.body, scenario.explanation ?? '']) {
      expect(text).toMatch(/\b988\b/);
      expect(text).not.toMatch(/keep (the )?evidence/i);
      expect(text).toMatch(/never save or forward the image/i);
    }
    expect(slide.body).toMatch(/suicide/i);
    expect(slide.body).toMatch(/Take It Down/);
  });

  it('promises nothing the room cannot keep', () => {
    const text = content?.decks['en']?.flatMap((f) => f.slides.map((s) => s.body)).join('\n') ?? '';
    expect(text).not.toMatch(/stays here/i);
    expect(text).not.toMatch(/facilitators are mandated reporters/i);
    expect(text).not.toMatch(/cards? (are )?available in English and Spanish|bilingual (resource )?cards?/i);
    expect(text).not.toMatch(/21% to 31%|21%.*31%/);
  });

  it('never asks about anyone\'s own experience', () => {
    const prompts = (content?.activities ?? []).map((a) => a.prompt.toLowerCase());
    for (const p of prompts) expect(p).not.toMatch(/\b(have you (ever )?been|happened to you|your (own )?(experience|family|child))\b/);
  });

  it('escapes data rendered into slides', () => {
    if (!content) throw new Error('no content');
    const tampered = structuredClone(content);
    const entry = tampered.resources.groups['local']?.entries[0];
    if (!entry) throw new Error('no local resource');
    entry.name = '<img src=x onerror=alert(1)>';
    const rendered = renderDeck(tampered, 'en').join('\n');
    expect(rendered).not.toContain('<img src=x');
    expect(rendered).toContain('&#60;img src=x onerror=alert(1)&#62;');
  });
});

describe('the content check on broken files', () => {
  const { content, errors } = loadContent(join(ROOT, BROKEN));
  const lines = errors.map((e) => `${e.file.replace(`${ROOT}/`, '')}:${e.line}: ${e.message}`);

  it('refuses them', () => {
    expect(content).toBeUndefined();
  });

  it.each([
    [`${BROKEN}/resources.yaml:7: groups.local.entries.0.phone: is not a phone number like 1-800-606-6618, (831) 375-4357 or 911, with an optional "(what it is for)" after it`],
    [`${BROKEN}/resources.yaml:12: groups.local.entries.1.checked: must be the date you last checked this line yourself, like 2026-11-28`],
    [`${BROKEN}/resources.yaml:15: groups.local.entries.2: missing field "checked"`],
    [`${BROKEN}/sources.yaml:9: source [3] is not cited by any slide, activity or resource: cite it or remove it`],
    [`${BROKEN}/activities.yaml:27: activity "check-four": its explanation is shown on every phone but rests on source [2], which sources.yaml marks unverified`],
    [`${BROKEN}/en/01-deck.md:42: slide "A long talk" shows source [2] to the room, but sources.yaml marks it unverified: cite it only in the speaker notes`],
    [`${BROKEN}/en:1: the 60-minute plan adds up to 83 minutes; with 10% left for a real room it must plan at most 54: shorten a slide's time line or move a slide to a larger plan (data-plan="90" or data-optional)`],
    [`${BROKEN}/en:1: the 90 plan gives questions 0 minutes (the data-qa slide's time line); it needs at least 10`],
    [`${BROKEN}/en/01-deck.md:60: slide "Vague": the Time: line must say how long, like "Time: about 1.5 minutes" or "Time: about 30 seconds"`],
    // The Spanish deck: a slide missing, and its activities out of order with English.
    [`${BROKEN}/es/01-deck.md:1: has 2 slides but the English 01-deck.md has 8: the decks must have the same slides`],
    [`${BROKEN}/es:1: the activity slides are not the same activities in the same order as English: activity 1 is "check-one.before" in "es" but "check-three.before" in English`],
    [`${BROKEN}/resources.yaml:14: groups.local.entries.1: unknown field "fax"`],
    [`${BROKEN}/activities.yaml:8: activities.1: missing field "story"`],
    [`${BROKEN}/strings/es.yaml:1: missing translation key "join.waiting.title"`],
    [`${BROKEN}/strings/es.yaml:2: "join.count" must use the same {placeholders} as English: count`],
    [`${BROKEN}/en/01-deck.md:9: slide "No notes here" has no speaker notes: add a "Note:" line and the notes after it`],
    [`${BROKEN}/en/01-deck.md:16: slide "Call someone" refers to resource group "national", which is not in resources.yaml`],
    [`${BROKEN}/en/01-deck.md:25: slide "A fact" cites source [7], which is not in sources.yaml`],
    [`${BROKEN}/en/01-deck.md:27: slide "A fact": speaker notes need a "Time:" line (about how long the slide takes)`],
  ])('reports %s', (line) => {
    expect(lines).toContain(line);
  });

  it('reports a slide that refers to an activity that does not exist', () => {
    expect(lines).toContain(`${BROKEN}/en/01-deck.md:33: slide "Activity: pick" refers to activity "check-three.before", which is not in activities.yaml`);
  });

  it('reports a slide attribute that is misspelt', () => {
    expect(lines).toContain(`${BROKEN}/en/01-deck.md:33: slide "Activity: pick": unknown slide attribute "data-activty"`);
  });

  it('exits non-zero from the command line and prints file:line for each problem', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check-content.ts', BROKEN], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    const printed = r.stderr.trim().split('\n');
    expect(printed.at(-1)).toBe(`${errors.length} problems in ${BROKEN}/`);
    for (const line of printed.slice(0, -1)) expect(line).toMatch(/^tests\/fixtures\/content-broken\/[\w/.-]+:\d+: .+/);
  });
});
