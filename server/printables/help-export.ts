/**
 * `npm run export-help`: the help page as static files an organization hosts anywhere, so
 * that the handout's QR code and the phones' "keep this page" link still open once people
 * are home. The pages are help-page.ts's, made once per language (`index.html` in English,
 * `es.html`...: help-address.ts), each whole in itself: inline style, no script, nothing
 * fetched from elsewhere, links between the languages relative, so they work on any host
 * and from `file://`. Here the arguments (pure) and the folder (never another's files).
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Content } from '../content/content.ts';
import { readArgs, textOf } from '../cli/args.ts';
import { DEFAULT_REGION, regionArg } from '../regions/name.ts';
import { helpFile, isHelpFile } from './help-address.ts';
import { EXPORT_MARK, renderHelp } from './help-page.ts';
import { pageLanguages } from './shell.ts';

export interface ExportArgs {
  /** The folder to write into. */
  out: string;
  /** The region pack whose lines the page lists. */
  region: string;
  help: boolean;
}

export const EXPORT_USAGE = `Usage: npm run export-help -- --out DIR [--region NAME]

Writes the help page (every line of the region pack, to call or text, in English and
Spanish, with a quick exit) as static files for your organization's web site, so the
handout's QR code and the phones' "keep this page" link still open after the workshop.
The files need no server of the kit, no script and nothing from elsewhere: upload them
anywhere, then start the kit with --help-url and the folder's address.

Options:
  --out DIR           the folder to write (required): a new or empty folder, or one
                      export-help wrote before (its pages are replaced)
  --region NAME       the region pack whose lines the page lists, as given to
                      npm start (default ${DEFAULT_REGION})
  --help              show this help`;

export type ExportArgsResult = { ok: true; args: ExportArgs } | { ok: false; message: string };

export function parseExportArgs(argv: readonly string[]): ExportArgsResult {
  const read = readArgs(argv, {
    out: { type: 'string' },
    region: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (!read.ok) return read;
  const { values } = read;
  const help = values['help'] === true;
  const out = textOf(values, 'out');
  if (!help && (out === undefined || out.trim() === '')) return { ok: false, message: '--out DIR is required: the folder to write the help page into, e.g. --out help-page' };
  const pack = regionArg(textOf(values, 'region'));
  if (!pack.ok) return pack;
  return { ok: true, args: { out: out ?? '', region: pack.region, help } };
}

/** One file of the export. */
export interface ExportPage {
  file: string;
  lang: string;
  html: string;
}

/** The help page in every language the content has, each as the file it is written to. */
export function exportPages(content: Content, now: Date): ExportPage[] {
  return pageLanguages(content).map((lang) => ({ file: helpFile(lang), lang, html: renderHelp({ content, lang, now }, 'export') }));
}

/** What a computer leaves in a folder by itself (Finder, Explorer): not a sign of someone's files. */
const SYSTEM_FILES = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

/** Whether `dir/name` is a page an earlier export wrote. */
const exported = (dir: string, name: string): boolean => {
  const path = join(dir, name);
  // A link is never ours, even to an export: writing through it would change another folder.
  return isHelpFile(name) && lstatSync(path).isFile() && readFileSync(path, 'utf8').includes(EXPORT_MARK);
};

/**
 * Writes `pages` into `dir`: a folder that does not exist yet, an empty one, or one an
 * earlier export wrote (its pages replaced, a language no longer made removed). Anything
 * else is someone's folder: nothing is written, and the message says which files are there.
 */
export function writeExport(dir: string, pages: readonly ExportPage[]): { ok: true } | { ok: false; message: string } {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) return { ok: false, message: `${dir} is a file, not a folder: give a folder for the help page, e.g. --out help-page` };
    const names = readdirSync(dir)
      .filter((n) => !SYSTEM_FILES.has(n))
      .sort();
    const theirs = names.filter((n) => !exported(dir, n));
    if (theirs.length > 0) {
      const listed = theirs.slice(0, 5).join(', ') + (theirs.length > 5 ? `, and ${theirs.length - 5} more` : '');
      return { ok: false, message: `${dir} already holds files that export-help did not write (${listed}): nothing was written. Give a new or empty folder, e.g. --out help-page` };
    }
    const made = new Set(pages.map((p) => p.file));
    for (const old of names) if (!made.has(old)) rmSync(join(dir, old));
  }
  mkdirSync(dir, { recursive: true });
  // Each page whole or not at all: written beside, then renamed over the old one.
  for (const p of pages) {
    const scratch = join(dir, `.${p.file}.${process.pid}.tmp`);
    writeFileSync(scratch, p.html, { flag: 'wx' });
    renameSync(scratch, join(dir, p.file));
  }
  return { ok: true };
}
