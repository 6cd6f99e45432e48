/**
 * Region packs (server/regions/): the pack's words fill the content, a word left empty takes
 * its line with it, a pack without state law leaves the deck's California law out, and a pack
 * with a field missing or still blank fails check:content with the file, the line and the field.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kept } from '../../server/regions/needs.ts';
import { loadRegionContent } from '../../server/regions/load.ts';
import { loadRegion } from '../../server/regions/region.ts';
import { fillData, fillMarkdown } from '../../server/regions/words.ts';
import { ROOT } from '../helpers/server.ts';

const found: string[] = [];
const missing = (word: string, usedAt: string): void => void found.push(`${word} at ${usedAt}`);

describe('a pack’s words', () => {
  it('fill a slide, and a line left empty goes with its bullet or its notes label', () => {
    const words = { place: 'Monterey County', 'no-arrest': '', 'law-tip': '' };
    const text = ['# In {{place}}', '', '- Anyone may report.', '- {{no-arrest}}', '', 'Note:', 'Say: Who to call in {{place}}.', 'Tip: {{law-tip}}', 'Tip: keep going'].join('\n');
    const filled = fillMarkdown(text, words, missing, 'deck.md');
    expect(filled.text).toBe(['# In Monterey County', '', '- Anyone may report.', '', 'Note:', 'Say: Who to call in Monterey County.', 'Tip: keep going'].join('\n'));
    // Each line knows the file's line it came from, so problems name the file's own lines.
    expect(filled.from).toEqual([1, 2, 3, 5, 6, 7, 9]);
  });

  it('leave out a heading, a numbered item or a quote left empty, never the line that starts the notes', () => {
    const text = ['## {{gone}}', '1. {{gone}}', '> {{gone}}', 'Note: {{gone}}', 'Say: a {{gone}} sentence.'].join('\n');
    expect(fillMarkdown(text, { gone: '' }, missing, 'deck.md').text).toBe(['Note:', 'Say: a sentence.'].join('\n'));
  });

  it('report what is not a word of the pack ({{PLACE}}, {{ Place }}) instead of showing it', () => {
    found.length = 0;
    expect(fillMarkdown('In {{PLACE}} and {{ Place }}.', { place: 'x' }, missing, 'deck.md').text).toBe('In {{PLACE}} and {{ Place }}.');
    expect(found).toEqual(['PLACE at deck.md:1', 'Place at deck.md:1']);
  });

  it('name a word the pack lacks, with the file and line that use it, and leave it as written', () => {
    found.length = 0;
    expect(fillMarkdown('one\n- call {{report-line}}', {}, missing, 'slides/en/13-reporting.md').text).toBe('one\n- call {{report-line}}');
    expect(found).toEqual(['report-line at slides/en/13-reporting.md:2']);
  });

  it('fill YAML data in each block’s language, and drop a list item left empty', () => {
    const words: Record<string, Record<string, string>> = { en: { place: 'your community', law: '' }, es: { place: 'su comunidad', law: '' } };
    const data = { en: { items: ['Call in {{place}}.', '{{law}}', 'Anyone may report.'] }, es: { items: ['Llame en {{place}}.', '{{law}}', 'Cualquiera puede reportar.'] } };
    expect(fillData(data, (l) => words[l] ?? {}, () => missing, 'guide')).toEqual({
      en: { items: ['Call in your community.', 'Anyone may report.'] },
      es: { items: ['Llame en su comunidad.', 'Cualquiera puede reportar.'] },
    });
    const activity = { prompt: 'Who to call in {{place}}?', es: { prompt: '¿A quién llamar en {{place}}?' } };
    expect(fillData(activity, (l) => words[l] ?? {}, () => missing, 'activities')).toEqual({ prompt: 'Who to call in your community?', es: { prompt: '¿A quién llamar en su comunidad?' } });
  });
});

describe('state law', () => {
  it('keeps the deck’s state-law slides where the pack has state law, and its stand-ins where it has none', () => {
    expect([kept('state-law', 'california'), kept('no-state-law', 'california'), kept(undefined, 'california')]).toEqual([true, false, true]);
    expect([kept('state-law', 'none'), kept('no-state-law', 'none'), kept(undefined, 'none')]).toEqual([false, true, true]);
  });
});

describe('the packs shipped', () => {
  it.each(['monterey-ca', 'us'])('%s passes its check', (id) => {
    const { content, errors } = loadRegionContent(ROOT, id);
    expect(errors).toEqual([]);
    expect(content?.place?.id).toBe(id);
  });

  it('monterey-ca keeps every slide; us leaves out the slides of California’s law and says which', () => {
    expect(loadRegionContent(ROOT, 'monterey-ca').leftOut).toEqual([]);
    const us = loadRegionContent(ROOT, 'us');
    expect(us.leftOut.length).toBeGreaterThan(0);
    for (const slide of us.leftOut) expect(slide).toMatch(/^".+" \(.+\.md\)$/);
  });

  it('the template fails its check, naming every blank field in both languages', () => {
    const { content, errors } = loadRegionContent(ROOT, 'template');
    expect(content).toBeUndefined();
    const blanks = errors.filter((e) => e.message.includes('still ___'));
    expect(blanks.some((e) => e.message.startsWith('words.en.'))).toBe(true);
    expect(blanks.some((e) => e.message.startsWith('words.es.'))).toBe(true);
  });
});

describe('a trainer’s pack with a field missing', () => {
  // A copy of the us pack kept outside regions/, its Spanish words short of one.
  const packs = mkdtempSync(join(tmpdir(), 'csec-packs-'));
  cpSync(join(ROOT, 'regions/us'), join(packs, 'my-county'), { recursive: true });
  const file = join(packs, 'my-county/region.yaml');
  const text = readFileSync(file, 'utf8');
  const region = loadRegion(join(ROOT, 'regions'), 'us').region;
  const word = Object.keys(region?.words.es ?? {})[0] ?? '';
  const lines = text.split('\n');
  const esAt = lines.findIndex((l, i) => i > lines.indexOf('words:') && /^ {2}es:/.test(l));
  const gone = lines.findIndex((l, i) => i > esAt && l.startsWith(`    ${word}:`));
  writeFileSync(file, lines.filter((_, i) => i !== gone).join('\n'));
  afterAll(() => rmSync(packs, { recursive: true, force: true }));

  it('fails npm run check:content with a line naming the field and where it is used', () => {
    expect(word).not.toBe('');
    expect(gone).toBeGreaterThan(esAt);
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check-content.ts', '--region', 'my-county', '--regions', packs], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${esAt + 1}: words\\.es: missing field "${word}" \\(used in .+:\\d+\\)$`, 'm'));
    expect(run.stderr).toContain('in the my-county pack');
  });

  it('names a line still to be checked: a resource without its date', () => {
    const resources = join(packs, 'my-county/resources.yaml');
    const before = readFileSync(resources, 'utf8');
    writeFileSync(resources, before.replace(/\n\s+checked: [0-9-]+/, ''));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check-content.ts', '--region', 'my-county', '--regions', packs], { cwd: ROOT, encoding: 'utf8' });
    writeFileSync(resources, before);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/resources\.yaml:\d+: groups\.[a-z-]+\.entries\.\d+: missing field "checked"/);
  });
});

describe('a pack for another state', () => {
  // A copy of the us pack that names its state but brings none of that state's law slides.
  const packs = mkdtempSync(join(tmpdir(), 'csec-packs-'));
  cpSync(join(ROOT, 'regions/us'), join(packs, 'my-state'), { recursive: true });
  const file = join(packs, 'my-state/region.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^state-law: none$/m, 'state-law: oregon'));
  afterAll(() => rmSync(packs, { recursive: true, force: true }));

  it('is refused until it brings its own version of each slide and activity of California’s law', () => {
    const { content, errors } = loadRegionContent(ROOT, 'my-state', { regions: packs });
    expect(content).toBeUndefined();
    const messages = errors.map((e) => e.message);
    expect(messages.some((m) => /^slide ".+" states California's law, and the pack says state-law: oregon: write oregon's version in .+\/my-state\/en\/\d+-[a-z-]+\.md, or say state-law: none/.test(m))).toBe(true);
    expect(messages).toContain(`activity "check-arrest" states California's law, and the pack says state-law: oregon: write oregon's version in ${join(packs, 'my-state/activities.yaml')}, or say state-law: none to leave it out`);
  });
});

