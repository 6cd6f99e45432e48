/**
 * The kit's settings, from command-line flags first and environment variables second.
 * Pure: it reads only what it is given, so every error message is unit-tested.
 */
import { readArgs } from './cli/args.ts';
import { LANGUAGES } from './protocol.ts';
import { DEFAULT_REGION, REGION_NAME } from './regions/name.ts';

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
  /** On Redis: how long a phone's or the facilitator's write waits for Redis when it is away, before STORAGE (REDIS_WAIT_S). */
  redisWaitSeconds: number;
  /** Opens the reports from other machines (REPORT_KEY); without it, reports open on the laptop only. */
  reportKey: string | undefined;
  /** Behind a reverse proxy: limits count the address it forwards (TRUST_PROXY=1). */
  trustProxy: boolean;
  /** The region pack (regions/NAME): the place's lines, law and names (REGION). */
  region: string;
  /** Where the help page is hosted for after the workshop (HELP_URL; default: the pack's own). */
  helpUrl: URL | undefined;
  /** A rehearsal (--rehearse [N]): how many simulated phones; undefined for a real workshop. */
  rehearse: number | undefined;
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
  --region NAME       the region pack in regions/: its help lines, law and place
                      names (REGION; default monterey-ca; also us, or your own:
                      see regions/README.md)
  --help-url URL      where your organization hosts the help page made by
                      npm run export-help (HELP_URL; default: the pack's help-url);
                      the handout's QR code and the phones' "keep this page" link
  --redis-url URL     several kit processes share the workshops in this Redis,
                      e.g. redis://127.0.0.1:6379 (REDIS_URL; default: none, the
                      data folder). Not needed on a laptop: see docs/deploy.md
  --redis-wait S      with --redis-url: while Redis is away, how long an answer,
                      a question or a command waits for it before the kit says
                      it was not stored, 1-300 seconds (REDIS_WAIT_S; default 30)
  --report-key KEY    opens the reports from other machines, 20 to 128 letters,
                      digits, - or _ (REPORT_KEY; default: none, the reports open
                      only on this computer)
  --trust-proxy       behind a reverse proxy (nginx): count phones by the address
                      it forwards (TRUST_PROXY=1; default: the connection's own)
  --rehearse [N]      practise before the night: the kit with N simulated phones
                      that join, answer, ask and vote (1-200; default 25). The
                      deck, the console and the report say REHEARSAL; it is kept
                      in a temporary folder, never the data folder, and deleted
                      when the kit stops. No environment variable; not with
                      --redis-url
  --help              show this help`;

/** How many simulated phones a rehearsal has: a town hall by default, a large hall at most. */
export const REHEARSAL_PHONES = { default: 25, min: 1, max: 200 } as const;

/**
 * How long a write waits for Redis while it is away (--redis-wait): longer than a restart of
 * Redis takes, short enough that a phone hears STORAGE and resends while the person is still
 * there. Phones resend by themselves meanwhile (their request ends after 8 s), counted once.
 */
export const REDIS_WAIT_SECONDS = { default: 30, min: 1, max: 300 } as const;

/** A custom key must be hard to guess: 20 characters of 64 kinds, over 10^35 keys. */
const HOST_KEY = /^[A-Za-z0-9_-]{20,128}$/;

/** Reads the settings from `argv` (without node and script) and `env`. */
export function parseConfig(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): ConfigResult {
  // `--rehearse` takes a number or none: parseArgs knows no optional value, so it is given one.
  const read = readArgs(optionalValue(argv, '--rehearse'), {
    port: { type: 'string' },
    'host-key': { type: 'string' },
    'data-dir': { type: 'string' },
    'public-url': { type: 'string' },
    threshold: { type: 'string' },
    lang: { type: 'string' },
    'redis-url': { type: 'string' },
    'redis-wait': { type: 'string' },
    'report-key': { type: 'string' },
    region: { type: 'string' },
    'help-url': { type: 'string' },
    new: { type: 'boolean' },
    'trust-proxy': { type: 'boolean' },
    rehearse: { type: 'string' },
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
  const waitText = pick('redis-wait', 'REDIS_WAIT_S') ?? String(REDIS_WAIT_SECONDS.default);
  const redisWaitSeconds = Number(waitText);
  if (!/^\d+$/.test(waitText) || redisWaitSeconds < REDIS_WAIT_SECONDS.min || redisWaitSeconds > REDIS_WAIT_SECONDS.max) {
    return { ok: false, message: `--redis-wait must be a whole number of seconds from ${REDIS_WAIT_SECONDS.min} to ${REDIS_WAIT_SECONDS.max}, not "${waitText}"` };
  }
  const rehearse = rehearsal(values['rehearse'], redisUrl);
  if (typeof rehearse === 'string') return { ok: false, message: rehearse };
  const region = pick('region', 'REGION') ?? DEFAULT_REGION;
  if (!REGION_NAME.test(region)) {
    return { ok: false, message: `--region must be the name of a folder in regions/, in lowercase letters, digits and dashes, like monterey-ca or us, not "${region}"` };
  }
  const helpText = pick('help-url', 'HELP_URL');
  const helpUrl = helpText !== undefined && URL.canParse(helpText) ? new URL(helpText) : undefined;
  if (helpText !== undefined && (!helpUrl || !/^https?:$/.test(helpUrl.protocol) || helpUrl.username)) {
    return { ok: false, message: `--help-url must be an http:// or https:// address, not "${helpText}"` };
  }
  return {
    ok: true,
    config: {
      port,
      hostKey,
      dataDir,
      publicUrl,
      newWorkshop: values['new'] === true,
      threshold,
      lang,
      redisUrl,
      redisWaitSeconds,
      reportKey,
      trustProxy: values['trust-proxy'] === true || env['TRUST_PROXY'] === '1',
      region,
      helpUrl,
      rehearse,
      help: values['help'] === true,
    },
  };
}

/**
 * `--rehearse`'s phones (undefined: not asked for), or what is wrong. Flag only, never the
 * environment: a rehearsal is asked for each time, so a leftover variable never turns a real
 * workshop into one. On this computer only: it never touches a shared Redis.
 */
function rehearsal(given: string | boolean | undefined, redisUrl: URL | undefined): number | undefined | string {
  if (typeof given !== 'string') return undefined;
  const phones = given === '' ? REHEARSAL_PHONES.default : Number(given);
  if (!/^\d*$/.test(given) || phones < REHEARSAL_PHONES.min || phones > REHEARSAL_PHONES.max) {
    return `--rehearse takes a number of simulated phones from ${REHEARSAL_PHONES.min} to ${REHEARSAL_PHONES.max}, not "${given}"`;
  }
  if (redisUrl) return '--rehearse runs on this computer alone, with a temporary folder: it cannot be used with --redis-url (or REDIS_URL)';
  return phones;
}

/** `flag` given a value when it has one after it (`--flag 40` to `--flag=40`), and an empty one when not (`--flag=`). */
function optionalValue(argv: readonly string[], flag: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg !== flag) {
      out.push(arg);
      continue;
    }
    const next = argv[i + 1];
    const takes = next !== undefined && !next.startsWith('-');
    out.push(`${flag}=${takes ? next : ''}`);
    if (takes) i += 1;
  }
  return out;
}
