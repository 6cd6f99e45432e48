/**
 * The us pack, started as a facilitator starts it (`npm start -- --region us`): the kit says
 * which California slides it left out, and what people see and take home (the deck, the
 * phones' help, the help page, the handout and take-home pages, the guide) names no county
 * and no California statute, while the monterey-ca pack still does.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startKitProcess, type KitProcess } from '../helpers/kit-process.ts';
import { ROOT } from '../helpers/server.ts';

/** A county, a California place or agency, or a California statute. */
const PLACE_OR_STATE_LAW = /Monterey|Salinas|Santa Cruz|San Benito|Tri-County|California|CANRA|Penal Code|\bPC 1116|SB 1322|AB 506|AB 653|SB 54\b|1116[45]|11172|mandatedreporterca|CDSS|CalOES|Welfare and Institutions|YWCA|CBDIO/gi;

/** Everything a page shows: its HTML and the scripts it loads from the kit. */
async function pageWithScripts(url: string, path: string): Promise<string> {
  const response = await fetch(`${url}${path}`);
  expect(response.status, path).toBe(200);
  const html = await response.text();
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1] ?? '');
  const bodies = await Promise.all(scripts.map(async (src) => (await fetch(new URL(src, `${url}${path}`))).text()));
  return [html, ...bodies].join('\n');
}

const PAGES = ['/present', '/', '/help?lang=en', '/help?lang=es', '/handout?lang=en', '/handout?lang=es', '/handout/parents?lang=en', '/handout/parents?lang=es', '/handout/teens?lang=en', '/handout/teens?lang=es', '/guide?lang=en', '/guide?lang=es'];

describe.each([
  // Every page people see or take home names no county and no state law...
  ['us', PAGES, false],
  // ...while the deck and the guide of the county's own pack do: what the test looks for is there to find.
  ['monterey-ca', ['/present', '/guide?lang=en', '/guide?lang=es'], true],
] as const)('the %s pack, started', (region, pages, named) => {
  let kit: KitProcess;
  let data: string;
  beforeAll(async () => {
    data = mkdtempSync(join(tmpdir(), 'csec-region-'));
    kit = await startKitProcess(await freePort(), ['--region', region, '--data-dir', data]);
  }, 120_000);
  afterAll(async () => {
    await kit?.interrupt();
    rmSync(data, { recursive: true, force: true });
  });

  it('names its place, and says which California slides it left out', () => {
    if (region === 'us') {
      expect(kit.output()).toContain('Region: United States (the us pack');
      expect(kit.output()).toMatch(/the us pack has no state law, so \d+ slides that state California's law are left out: "/);
    } else {
      expect(kit.output()).toContain('Region: Monterey County, California (the monterey-ca pack');
      expect(kit.output()).not.toContain('left out');
    }
  });

  it.each(pages)(`serves %s, ${named ? 'naming' : 'naming no'} county or California statute`, async (path) => {
    const text = await pageWithScripts(kit.url, path);
    const hits = [...new Set(text.match(PLACE_OR_STATE_LAW) ?? [])];
    if (named) expect(hits.length, path).toBeGreaterThan(0);
    else expect(hits, path).toEqual([]);
  });
});

describe('a pack that is not there, or not filled in', () => {
  it.each([
    ['nope', 'there is no region pack "nope": copy regions/template to'],
    ['template', 'name.en: still ___'],
  ])('--region %s stops the kit with what is wrong, before building anything', (region, says) => {
    const data = mkdtempSync(join(tmpdir(), 'csec-region-'));
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts/start.mjs'), '--region', region, '--port', '0', '--data-dir', data], { cwd: ROOT, encoding: 'utf8' });
    rmSync(data, { recursive: true, force: true });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(says);
    expect(run.stderr).toContain(`error: the workshop content (region pack ${region}) has problems`);
    expect(`${run.stdout}${run.stderr}`).not.toContain('Building the deck');
  });
});

