/**
 * The kit's settings, from command-line flags first and environment variables second.
 * Pure: it reads only what it is given, so every error message is unit-tested.
 */
import { readArgs } from './cli/args.ts';
import { LANGUAGES } from './protocol.ts';

export interface Config {
  port: number;
  /** The facilitator's key; when absent the workshop's own random key is used. */
  hostKey: string | undefined;
  dataDir: string;
  /** Where attendees reach the kit (a tunnel or reverse proxy); used in links and the QR. */
  publicUrl: URL | undefined;
  /** Start a fresh workshop instead of resuming the last one. */
  newWorkshop: boolean;
  /** The deck's language (phones pick their own). */
  lang: string;
  /**
   * Fewest answers before counts are shown (free text: at least 10), for a new workshop;
   * undefined when not given. A resumed workshop keeps the one it was created with.
   */
  threshold: number | undefined;
  /** Several kit processes: where they share the workshops (REDIS_URL); absent on a laptop. */
  redisUrl: URL | undefined;
  /** Opens the reports from other machines (REPORT_KEY); without it, reports open on the laptop only. */
  reportKey: string | undefined;
  /** Behind a reverse proxy: limits count the address it forwards (TRUST_PROXY=1). */
  trustProxy: boolean;
  help: boolean;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string };

export const USAGE = `Usage: npm start -- [options]

Runs the workshop kit: the deck at /present and the attendee page at /.

Options (each can also be set by the environment variable in brackets):
  --port N            port to listen on, 0-65535 (PORT; default 3000)
  --host-key KEY      the facilitator's key, at least 20 letters, digits, - or _
                      (HOST_KEY; default: a random key kept in the data folder)
  --data-dir DIR      where answers and keys are kept (DATA_DIR; default ./data)
  --public-url URL    the address attendees use, e.g. https://kit.example.org
                      (PUBLIC_URL; default: this computer's network address)
  --threshold N       fewest answers before results are shown, 1-100
                      (THRESHOLD; default 10; free text never fewer than 10);
                      kept with the workshop: a resumed workshop keeps its own
  --lang LANG         the deck's language: en or es (DECK_LANG; default en);
                      each phone still picks its own
  --new               start a fresh workshop instead of resuming the last one
  --redis-url URL     several kit processes share the workshops in this Redis,
                      e.g. redis://127.0.0.1:6379 (REDIS_URL; default: none, the
                      data folder). Not needed on a laptop: see docs/deploy.md
  --report-key KEY    opens the reports from other machines, 20 to 128 letters,
                      digits, - or _ (REPORT_KEY; default: none, the reports open
                      only on this computer)
  --trust-proxy       behind a reverse proxy (nginx): count phones by the address
                      it forwards (TRUST_PROXY=1; default: the connection's own)
  --help              show this help`;

/** A custom key must be hard to guess: 20 characters of 64 kinds, over 10^35 keys. */
const HOST_KEY = /^[A-Za-z0-9_-]{20,128}$/;

/** Reads the settings from `argv` (without node and script) and `env`. */
export function parseConfig(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const read = readArgs(argv, {
    port: { type: 'string' },
    'host-key': { type: 'string' },
    'data-dir': { type: 'string' },
    'public-url': { type: 'string' },
    threshold: { type: 'string' },
    lang: { type: 'string' },
    'redis-url': { type: 'string' },
    'report-key': { type: 'string' },
    new: { type: 'boolean' },
    'trust-proxy': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (!read.ok) return read;
  const { values } = read;
  const pick = (flag: string, name: string): string | undefined => {
    const v = values[flag];
    return typeof v === 'string' ? v : env[name] === '' ? undefined : env[name];
  };

  const portText = pick('port', 'PORT') ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    return { ok: false, message: `--port must be a whole number from 0 to 65535, not "${portText}"` };
  }
  const hostKey = pick('host-key', 'HOST_KEY');
  if (hostKey !== undefined && !HOST_KEY.test(hostKey)) {
    return { ok: false, message: '--host-key must be 20 to 128 letters, digits, "-" or "_" (a key that is hard to guess)' };
  }
  const thresholdText = pick('threshold', 'THRESHOLD');
  const threshold = thresholdText === undefined ? undefined : Number(thresholdText);
  if (thresholdText !== undefined && (!/^\d+$/.test(thresholdText) || threshold === undefined || threshold < 1 || threshold > 100)) {
    return { ok: false, message: `--threshold must be a whole number from 1 to 100, not "${thresholdText}"` };
  }
  const lang = pick('lang', 'DECK_LANG') ?? 'en';
  if (!(LANGUAGES as readonly string[]).includes(lang)) {
    return { ok: false, message: `--lang must be one of ${LANGUAGES.join(', ')}, not "${lang}"` };
  }
  const dataDir = pick('data-dir', 'DATA_DIR') ?? './data';
  if (dataDir.trim() === '') return { ok: false, message: '--data-dir must not be empty' };

  const publicText = pick('public-url', 'PUBLIC_URL');
  let publicUrl: URL | undefined;
  if (publicText !== undefined) {
    publicUrl = URL.canParse(publicText) ? new URL(publicText) : undefined;
    if (!publicUrl || !/^https?:$/.test(publicUrl.protocol) || publicUrl.search || publicUrl.hash || publicUrl.username) {
      return { ok: false, message: `--public-url must be a plain http:// or https:// address, not "${publicText}"` };
    }
  }
  const reportKey = pick('report-key', 'REPORT_KEY');
  if (reportKey !== undefined && !/^[A-Za-z0-9_-]{20,128}$/.test(reportKey)) {
    return { ok: false, message: '--report-key must be 20 to 128 letters, digits, "-" or "_"' };
  }
  // The report key opens every workshop's report from other machines: never over plain HTTP.
  if (reportKey !== undefined && publicUrl?.protocol !== 'https:') {
    return { ok: false, message: '--report-key needs an https:// --public-url: the key and the reports must not cross a network in clear' };
  }
  const redisText = pick('redis-url', 'REDIS_URL');
  const redisUrl = redisText !== undefined && URL.canParse(redisText) ? new URL(redisText) : undefined;
  if (redisText !== undefined && (!redisUrl || !/^rediss?:$/.test(redisUrl.protocol))) {
    return { ok: false, message: '--redis-url must be a redis:// or rediss:// address' };
  }
  return {
    ok: true,
    config: { port, hostKey, dataDir, publicUrl, newWorkshop: values['new'] === true, threshold, lang, redisUrl, reportKey, trustProxy: values['trust-proxy'] === true || env['TRUST_PROXY'] === '1', help: values['help'] === true },
  };
}
