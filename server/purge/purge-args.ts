/**
 * `npm run purge`'s arguments: an age (`30d`, `12h`) or one join code. Pure, so every
 * message is unit-tested.
 */
import { readArgs, textOf } from '../cli/args.ts';

export type PurgeAction = { type: 'older-than'; ms: number; text: string } | { type: 'delete'; code: string };

export interface PurgeArgs {
  action: PurgeAction | undefined;
  dataDir: string;
  help: boolean;
}

export type PurgeArgsResult = { ok: true; args: PurgeArgs } | { ok: false; message: string };

export const PURGE_USAGE = `Usage: npm run purge -- --older-than AGE [--data-dir DIR]
       npm run purge -- --workshop CODE [--data-dir DIR]

--older-than AGE    keeps only the counts of every workshop created more than AGE ago
                    (30d: days, 12h: hours): its answers, questions, votes and joined
                    phones are deleted; its report still shows counts and learning gain
--workshop CODE     deletes one workshop entirely, counts included
--data-dir DIR      where the kit keeps answers (default ./data, as npm start)
--help              show this help

With REDIS_URL set (as for npm start), purges the workshops in Redis instead of
the data folder; it never purges the workshop running.
Stop the kit first: a running kit holds its workshop's answers in memory.`;

const HOUR = 3_600_000;

/** `30d` or `12h` in milliseconds, or undefined for anything else. */
export function parseAge(text: string): number | undefined {
  const m = /^(\d{1,5})([dh])$/.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n >= 1 ? n * (m[2] === 'd' ? 24 * HOUR : HOUR) : undefined;
}

export function parsePurgeArgs(argv: readonly string[]): PurgeArgsResult {
  const read = readArgs(argv, { 'older-than': { type: 'string' }, workshop: { type: 'string' }, 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (!read.ok) return read;
  const { values } = read;
  const text = (name: string): string | undefined => textOf(values, name);
  const help = values['help'] === true;
  const dataDir = text('data-dir') ?? './data';
  if (dataDir.trim() === '') return { ok: false, message: '--data-dir must not be empty' };
  const age = text('older-than');
  const code = text('workshop');
  if (help) return { ok: true, args: { action: undefined, dataDir, help } };
  if (age !== undefined && code !== undefined) return { ok: false, message: 'give either --older-than or --workshop, not both' };
  if (age !== undefined) {
    const ms = parseAge(age);
    if (ms === undefined) return { ok: false, message: `--older-than must be a whole number of days or hours, like 30d or 12h, not "${age}"` };
    return { ok: true, args: { action: { type: 'older-than', ms, text: age }, dataDir, help } };
  }
  if (code !== undefined) {
    if (!/^[A-Za-z0-9]{1,16}$/.test(code)) return { ok: false, message: `--workshop must be a join code like ABC234, not "${code}"` };
    return { ok: true, args: { action: { type: 'delete', code: code.toUpperCase() }, dataDir, help } };
  }
  return { ok: false, message: 'say what to purge: --older-than 30d (keep only counts) or --workshop CODE (delete one workshop); see --help' };
}
