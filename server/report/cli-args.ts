/**
 * `npm run report`'s arguments. Pure: it reads only what it is given, so every message is
 * unit-tested.
 */
import { readArgs, textOf } from '../cli/args.ts';
import { DEFAULT_THRESHOLDS } from '../core/workshop.ts';
import { LANGUAGES } from '../protocol.ts';
import { DEFAULT_REGION, regionArg } from '../regions/name.ts';

export interface ReportArgs {
  /** The HTML file to write. */
  out: string;
  /** A join code; undefined: the most recent workshop. */
  workshop: string | undefined;
  dataDir: string;
  lang: string;
  /**
   * Fewest answers before results are shown (free text: at least 10, as in the room);
   * undefined: the one kept with the workshop. Never below the workshop's own: a higher
   * one holds back more, a lower one is raised to it (core/threshold-floor.ts).
   */
  threshold: number | undefined;
  /** The region pack the workshop was presented with (its words and lines). */
  region: string;
  help: boolean;
}

export type ReportArgsResult = { ok: true; args: ReportArgs } | { ok: false; message: string };

export const REPORT_USAGE = `Usage: npm run report -- --out FILE [options]

Writes one workshop's report as a single HTML file that opens offline and prints,
from the data folder, with no server running.

Options:
  --out FILE          the HTML file to write (required)
  --workshop CODE     the workshop's join code (default: the most recent workshop)
  --data-dir DIR      where the kit keeps answers (default ./data, as npm start)
  --lang LANG         the report's language: ${LANGUAGES.join(' or ')} (default en)
  --threshold N       hold back more: fewest answers before results are shown, 1-100.
                      Never below the workshop's own threshold, kept when it was
                      created (${DEFAULT_THRESHOLDS.default} for older ones): a lower N is raised to it
  --region NAME       the region pack the workshop was presented with, as given
                      to npm start (default ${DEFAULT_REGION})
  --help              show this help`;

export function parseReportArgs(argv: readonly string[]): ReportArgsResult {
  const read = readArgs(argv, {
    out: { type: 'string' },
    workshop: { type: 'string' },
    'data-dir': { type: 'string' },
    lang: { type: 'string' },
    threshold: { type: 'string' },
    region: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (!read.ok) return read;
  const { values } = read;
  const text = (name: string): string | undefined => textOf(values, name);
  const help = values['help'] === true;
  const out = text('out');
  if (!help && (out === undefined || out.trim() === '')) return { ok: false, message: '--out FILE is required: where to write the report, e.g. --out report.html' };
  const workshop = text('workshop');
  if (workshop !== undefined && !/^[A-Za-z0-9]{1,16}$/.test(workshop)) return { ok: false, message: `--workshop must be a join code like ABC234, not "${workshop}"` };
  const lang = text('lang') ?? 'en';
  if (!(LANGUAGES as readonly string[]).includes(lang)) return { ok: false, message: `--lang must be one of ${LANGUAGES.join(', ')}, not "${lang}"` };
  const thresholdText = text('threshold');
  const threshold = thresholdText === undefined ? undefined : Number(thresholdText);
  if (thresholdText !== undefined && (!/^\d+$/.test(thresholdText) || threshold === undefined || threshold < 1 || threshold > 100)) return { ok: false, message: `--threshold must be a whole number from 1 to 100, not "${thresholdText}"` };
  const dataDir = text('data-dir') ?? './data';
  if (dataDir.trim() === '') return { ok: false, message: '--data-dir must not be empty' };
  const pack = regionArg(text('region'));
  if (!pack.ok) return pack;
  return { ok: true, args: { out: out ?? '', workshop: workshop?.toUpperCase(), dataDir, lang, threshold, region: pack.region, help } };
}
