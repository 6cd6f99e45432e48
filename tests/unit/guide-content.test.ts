import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../server/content/content.ts';
import { phoneLike } from '../../server/content/check-guide.ts';
import { realContent, ROOT } from '../helpers/server.ts';

const BROKEN = 'tests/fixtures/guide-broken';
const NUMBERS_LIVE = 'numbers live only in resources.yaml (in the guide, name the line in a referral step\'s call: list)';

describe('the guide and handout words (slides/guide.yaml)', () => {
  it('load with the content, in every language, calling only lines of resources.yaml', () => {
    const content = realContent();
    expect(Object.keys(content.guide).sort()).toEqual(['en', 'es']);
    const ids = new Set(Object.values(content.resources.groups).flatMap((g) => g.entries.map((r) => r.id)));
    for (const guide of Object.values(content.guide)) {
      for (const step of guide.guide.referral.steps) for (const id of step.call) expect(ids.has(id), id).toBe(true);
    }
    expect(content.guide['es']?.guide.referral.steps.map((s) => s.call)).toEqual(content.guide['en']?.guide.referral.steps.map((s) => s.call));
  });

  it('tell a phone number from the words and figures around it', () => {
    expect(phoneLike('If a child is in danger, call 911; if they talk about hurting themselves, 988.')).toEqual([]);
    expect(phoneLike('Since 2017 (SB 1322), AB 506, $1,000, 36 hours, 16 hours a month or 32 a year, 24-hour lines, 2019-2020')).toEqual([]);
    expect(phoneLike('Call (831) 375-4357 or 1-800-606-6618, or 375-4357.')).toEqual(['(831) 375-4357', '1-800-606-6618', '375-4357']);
    expect(phoneLike('1-800-CALL-FBI, 1-800-RUNAWAY, text 233733, dial 211 or 711')).toEqual(['1-800-CALL-FBI', '1-800-RUNAWAY', '233733', '211', '711']);
  });
});

describe('the content check on a broken guide', () => {
  const { content, errors } = loadContent(join(ROOT, BROKEN));
  const lines = errors.map((e) => `${e.file.replace(`${ROOT}/`, '')}:${e.line}: ${e.message}`);
  const at = (line: number, message: string): string => `${BROKEN}/guide.yaml:${line}: ${message}`;

  it('refuses it, and finds nothing wrong in the other files', () => {
    expect(content).toBeUndefined();
    expect(lines.filter((l) => !l.startsWith(`${BROKEN}/guide.yaml:`))).toEqual([]);
  });

  it.each([
    // A key missing or extra in either language.
    [at(6, 'en.guide: unknown field "outro"')],
    [at(94, 'es.handout: missing field "qr_caption"')],
    // A list item missing or extra in either language.
    [at(11, 'en.guide.prepare.items.1: has no match in es.guide.prepare.items (1 item there, 2 items here): every language needs the same items, in the same order')],
    [at(93, 'es.guide.debrief.items.1: has no match in en.guide.debrief.items (1 item there, 2 items here): every language needs the same items, in the same order')],
    // A line to call that resources.yaml does not have, and calls that differ between languages.
    [at(35, 'en.guide.referral.steps.0.call.1: calls "shelter", which is not the id of any resource in resources.yaml')],
    [at(85, 'es.guide.referral.steps.0.call.1: calls "shelter", which is not the id of any resource in resources.yaml')],
    [at(88, 'es.guide.referral.steps.1.call: calls [emergency, 988] but English calls [emergency]: every language calls the same lines, in the same order')],
    // Phone numbers, which live only in resources.yaml.
    [at(29, `en.guide.in_room.steps.0: "1-800-606-6618" looks like a phone number: ${NUMBERS_LIVE}`)],
    [at(52, `en.handout.help_note: "211" looks like a phone number: ${NUMBERS_LIVE}`)],
    [at(79, `es.guide.in_room.steps.0: "1-800-RUNAWAY", "233733" look like phone numbers: ${NUMBERS_LIVE}`)],
    // Citations: each language cites the same sources, and only sources that exist.
    [at(68, 'es.guide.reporting.intro: cites source [2], which is not in sources.yaml')],
    [at(68, 'es.guide.reporting.intro: cites [2] but English cites [1]')],
  ])('reports %s', (line) => {
    expect(lines).toContain(line);
  });

  it('reports nothing else: 911 and 988 are words anyone may write', () => {
    expect(lines).toHaveLength(12);
    expect(lines.some((l) => l.includes('"911"') || l.includes('"988"'))).toBe(false);
  });

  it('reports a content folder with no guide.yaml', () => {
    const broken = loadContent(join(ROOT, 'tests/fixtures/content-broken'));
    expect(broken.errors).toContainEqual({ file: join(ROOT, 'tests/fixtures/content-broken/guide.yaml'), line: 1, message: 'file is missing' });
  });

  it('fails npm run check:content, naming the file, line and key', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check-content.ts', BROKEN], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    const printed = r.stderr.trim().split('\n');
    expect(printed.at(-1)).toBe(`12 problems in ${BROKEN}/`);
    expect(printed).toContain(at(88, 'es.guide.referral.steps.1.call: calls [emergency, 988] but English calls [emergency]: every language calls the same lines, in the same order'));
  });
});
