/**
 * Help that lasts (issue 19): `npm run export-help` writes the help page as static files an
 * organization hosts anywhere. Each language's page lists every line of the pack with its
 * numbers, links to the other language beside it, has a quick exit, runs no script and
 * refers to nothing elsewhere but the lines' own sites and the quick exit. The folder of
 * someone else is never written into.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { helpList } from '../../server/content/help.ts';
import { realContent, ROOT } from '../helpers/server.ts';

const SCRIPT = join(ROOT, 'scripts/export-help.ts');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'csec-help-'));
  dirs.push(dir);
  return dir;
}

const exportHelp = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

const content = realContent();
const FILES = { en: 'index.html', es: 'es.html' } as const;
/** Text as read, tags dropped and the escapes the pages use undone. */
const plain = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
const unescape = (s: string) => s.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));

describe('npm run export-help', () => {
  it('is an npm script', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['export-help']).toBe('tsx scripts/export-help.ts');
  });

  it('writes the help page in both languages, whole in itself, and says what to do next', () => {
    const out = join(tempDir(), 'help-page');
    const run = exportHelp('--out', out);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['es.html', 'index.html']);
    expect(run.stdout).toContain(`to ${out}:`);
    expect(run.stdout).toMatch(/index\.html +English/);
    expect(run.stdout).toMatch(/es\.html +Español/);
    expect(run.stdout).toContain('npm start -- --help-url https://');

    for (const [lang, file] of Object.entries(FILES)) {
      const html = readFileSync(join(out, file), 'utf8');
      const words = content.strings[lang] ?? {};
      expect(html).toContain(`<html lang="${lang}">`);
      // No script of any kind, and a policy of its own: a static host sends none of the kit's headers.
      expect(html).not.toMatch(/<script|\son[a-z]+=|javascript:/i);
      expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`);
      expect(html).toContain('<meta name="referrer" content="no-referrer">');
      expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
      // Nothing to fetch: no stylesheet, image, font or icon file.
      expect(html).not.toMatch(/<link(?! rel="icon" href="data:,">)|<img|@import|url\(|@font-face/i);

      // Every line of the pack, with its numbers and the links that call and text them.
      const entries = helpList(content.resources, lang).flatMap((g) => g.entries);
      expect(entries.length).toBe(Object.values(content.resources.groups).reduce((n, g) => n + g.entries.length, 0));
      const text = plain(html);
      const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => unescape(m[1] ?? ''));
      for (const entry of entries) {
        expect(text).toContain(entry.name);
        for (const p of entry.phones) {
          expect(text, entry.name).toContain(p.number);
          expect(hrefs, entry.name).toContain(p.href);
        }
        if (entry.text) {
          expect(text, entry.name).toContain(entry.text.number);
          expect(hrefs, entry.name).toContain(entry.text.href);
        }
      }

      // The quick exit, and the other language beside it, relatively (any host, file:// too).
      const exit = words['join.exit.url'] ?? 'none';
      expect(html).toMatch(new RegExp(`<a class="exit" href="${exit.replace(/[.?]/g, '\\$&')}" rel="noreferrer">${words['join.exit']}</a>`));
      const other = lang === 'en' ? 'es' : 'en';
      expect(html).toContain(`<a href="${FILES[other]}" lang="${other}" hreflang="${other}">`);

      // Nothing elsewhere but the lines' own sites and the quick exit: no CDN, no font, no tracker.
      const allowed = new Set([exit, ...entries.flatMap((e) => (e.web ? [e.web] : []))]);
      const elsewhere = [...unescape(html).matchAll(/(?:https?:)?\/\/[^\s"'<>)]+/g)].map((m) => m[0]);
      expect(elsewhere.length).toBeGreaterThan(1);
      for (const url of elsewhere) expect(allowed, url).toContain(url);
    }
  });

  it('refuses to run without --out, in one line', () => {
    const run = exportHelp();
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('error: --out DIR is required: the folder to write the help page into, e.g. --out help-page');
    expect(run.stdout).toBe('');
  });

  it('never writes into a folder of someone else’s files, and replaces its own earlier export', () => {
    const theirs = tempDir();
    writeFileSync(join(theirs, 'photo.jpg'), 'a photo');
    mkdirSync(join(theirs, 'notes'));
    const refused = exportHelp('--out', theirs);
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim()).toBe(`error: ${theirs} already holds files that export-help did not write (notes, photo.jpg): nothing was written. Give a new or empty folder, e.g. --out help-page`);
    expect(readdirSync(theirs).sort()).toEqual(['notes', 'photo.jpg']);
    expect(readFileSync(join(theirs, 'photo.jpg'), 'utf8')).toBe('a photo');

    // An index.html of someone's own is theirs too, even though the export would write one.
    const site = tempDir();
    writeFileSync(join(site, 'index.html'), '<h1>Our home page</h1>');
    expect(exportHelp('--out', site).status).toBe(1);
    expect(readFileSync(join(site, 'index.html'), 'utf8')).toBe('<h1>Our home page</h1>');

    // An empty folder, and then the same folder again (the numbers changed, say), are fine.
    const empty = tempDir();
    expect(exportHelp('--out', empty).status).toBe(0);
    writeFileSync(join(empty, '.DS_Store'), '');
    const again = exportHelp('--out', empty);
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    expect(readdirSync(empty).sort()).toEqual(['.DS_Store', 'es.html', 'index.html']);

    const file = join(tempDir(), 'help.html');
    writeFileSync(file, 'x');
    expect(exportHelp('--out', file).stderr.trim()).toBe(`error: ${file} is a file, not a folder: give a folder for the help page, e.g. --out help-page`);
    expect(existsSync(join(file, 'index.html'))).toBe(false);
  });
});
