/**
 * `npm start`: reads the settings, builds the client when needed, opens the workshop,
 * listens on all interfaces and prints the presenter link, the attendee link and a QR, and
 * the console's pairing code. Links with a key are printed to a terminal only (pairing/terminal.ts).
 */
import { resolve } from 'node:path';
import { kitRoot } from './paths.ts';
import QRCode from 'qrcode';
import { createApp } from './app.ts';
import { planTotals } from './content/timing.ts';
import { ensureClientBuilt } from './build/ensure-built.ts';
import { parseConfig, USAGE } from './config.ts';
import { buildLinks, type Links } from './links.ts';
import { isTerminal, linksFile, pairingLines, writePrivate } from './pairing/terminal.ts';
import { createInterface, type Interface } from 'node:readline';
import { openShared } from './redis/shared.ts';
import { openSqliteStore } from './store/sqlite.ts';
import type { Store } from './store/store.ts';
import { DEFAULT_THRESHOLDS } from './core/workshop.ts';
import { openDefaultWorkshop, settleThreshold, thresholdsOf } from './workshops.ts';
import { openRehearsal } from './rehearsal/rehearsal.ts';
import { loadRegionContent } from './regions/load.ts';
import { builtClientDir } from './regions/name.ts';

const root = kitRoot(import.meta.dirname);
const parsed = parseConfig(process.argv.slice(2), process.env);
if (!parsed.ok) {
  console.error(`error: ${parsed.message}`);
  process.exit(2);
}
const { config } = parsed;
if (config.help) {
  console.log(USAGE);
  process.exit(0);
}
// The content first: a pack with a problem gets its `file:line` list, not a failed build.
const { content, errors, leftOut } = loadRegionContent(root, config.region);
if (!content) {
  for (const e of errors) console.error(`${e.file}:${e.line}: ${e.message}`);
  console.error(`error: the workshop content (region pack ${config.region}) has problems (listed above); nothing was started`);
  process.exit(1);
}
if (!ensureClientBuilt(root, config.region, (line) => console.log(line))) {
  console.error('error: the build failed (see above); nothing was started');
  process.exit(1);
}
if (leftOut.length > 0) {
  console.warn(`Warning: the ${config.region} pack has no state law, so ${leftOut.length} slides that state California's law are left out: ${leftOut.join(', ')}.`);
}

// Each plan's planned minutes, from the deck in the language it is presented in.
const planned = Object.fromEntries(planTotals(content.decks[config.lang]?.flatMap((f) => f.slides) ?? [], content.strings[config.lang]?.['notes.time']).map((t) => [t.plan, Math.round(t.minutes)]));

// A rehearsal keeps its workshop in a temporary folder of its own, never the data folder.
const rehearsal = config.rehearse === undefined ? undefined : openRehearsal(config.rehearse, content, config.lang);
const dataDir = rehearsal?.dir ?? resolve(config.dataDir);
let links: Links | undefined;
let newCodes: Interface | undefined;
// A new workshop keeps this threshold; a resumed one keeps its own.
const threshold = config.threshold ?? DEFAULT_THRESHOLDS.default;
// Some simulated phones skip: too few of them and no result would ever show.
if (rehearsal && rehearsal.phones * 0.8 < threshold) {
  console.warn(`Warning: ${rehearsal.phones} simulated phones may not reach the threshold of ${threshold} answers (some skip): try --rehearse ${Math.ceil(threshold / 0.8)} or more, or --threshold ${Math.max(1, Math.floor(rehearsal.phones * 0.8))}.`);
}
const common = {
  content,
  lang: config.lang,
  activities: content.activities,
  hostKey: config.hostKey,
  clientDir: builtClientDir(root, config.region),
  publicUrl: config.publicUrl,
  reportKey: config.reportKey,
  trustProxy: config.trustProxy,
  // The organization's copy of the help page (npm run export-help); else the pack's own (app.ts).
  helpUrl: config.helpUrl?.href,
  // For workshops that keep no threshold of their own (made before it was kept); every other
  // workshop runs, and is reported, with the threshold kept with it (workshops.ts).
  thresholds: thresholdsOf(threshold),
  joinUrl: (code: string) => `${links?.attendee ?? '/'}?code=${code}`,
};

// On a laptop, the data folder; with REDIS_URL, Redis shared by several kit processes.
const kept = config.redisUrl
  ? await openShared(config.redisUrl, { ...common, fresh: config.newWorkshop, threshold, waitMs: config.redisWaitSeconds * 1000, log: (line) => console.log(line) }).catch((error: Error) => {
      console.error(`error: ${error.message}; nothing was started`);
      process.exit(1);
    })
  : undefined;
// A rehearsal's answers and questions live in memory only: nothing of them ever reaches a disk.
const store = kept ? undefined : openSqliteStore(rehearsal ? ':memory:' : dataDir);
const workshop = kept?.workshop ?? openDefaultWorkshop(store as Store, config.newWorkshop, Date.now(), threshold);
// The threshold kept with the workshop wins, so a restart shows the same results.
const settled = settleThreshold(workshop, config.threshold);
if (settled.overridden) console.log(`This workshop keeps the threshold it started with, ${settled.threshold} (not --threshold ${threshold}); npm start -- --new starts a workshop with another threshold.`);
const app = kept ? createApp({ ...common, workshop, shared: kept.shared }) : createApp({ ...common, workshop, store: store as Store, rehearsal: rehearsal !== undefined });
const keptWhere = kept && config.redisUrl ? `in Redis at ${config.redisUrl.host}` : rehearsal ? 'in memory, until the kit stops' : `in ${dataDir}`;

app.server.on('error', (error: NodeJS.ErrnoException) => {
  console.error(
    error.code === 'EADDRINUSE'
      ? `error: port ${config.port} is in use (is the kit already running?). Try --port ${config.port + 1}`
      : `error: ${error.message}`,
  );
  process.exit(1);
});

app.server.listen(config.port, '0.0.0.0', async () => {
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  links = buildLinks(port, app.hostKey, config.publicUrl, undefined, config.lang);
  const qr = await QRCode.toString(`${links.attendee}?code=${workshop.code}`, { type: 'terminal', small: true });
  // Links with a key or a pairing code go to the laptop's screen only: never to a log or the journal.
  const watched = isTerminal();
  const presenter = [
    `  60 minutes (PTA meeting: the essentials, ${planned['60']} min planned):  ${links.presenter['60']}`,
    `  90 minutes (town hall: the break, more scenarios, ${planned['90']} min):  ${links.presenter['90']}`,
    `  the full set (every module, about ${planned['full']} min):               ${links.presenter.full}`,
  ];
  const report = links.report;
  const writeLinks = (pairing: string[]): void =>
    writePrivate(dataDir, linksFile(dataDir), [`Presenter (on this computer):`, ...presenter, '', 'Console pairing (for your own phone):', ...pairing, `Report (on this computer): ${report}`, ''].join('\n'));
  const pairing = await pairingLines(app.pairing, workshop.code, links, watched);
  if (!watched) writeLinks(pairing);
  console.log(
    [
      '',
      'The workshop kit is running.',
      ...(rehearsal?.lines ?? []),
      `Region: ${content.place?.name[config.lang] ?? config.region} (the ${config.region} pack; npm start -- --region NAME chooses another: see regions/README.md)`,
      '',
      ...(watched
        ? ['Presenter: open the one that fits your slot, on this computer (keep these links private, they hold your key):', ...presenter]
        : [
            'Presenter: the links hold your key, so they are not printed here (this output may end up in a log).',
            `  They are in ${linksFile(dataDir)} (readable by you only), or run npm start in a terminal.`,
          ]),
      '',
      `Attendees join at (join code ${workshop.code}):`,
      `  ${links.attendee}`,
      links.localOnly ? '  (no network found: only this computer can open it; join a Wi-Fi or hotspot and restart)' : '',
      qr,
      'Console for your own phone (slide notes, next/previous, clock, pause, questions): pair it once.',
      ...(watched
        ? ['Scan this code with your own phone. Pairing a phone signs out any phone paired before it.', 'Keep this window off the projector.', ...pairing, '  Press Enter here for a new pairing code.']
        : [`  Its pairing code is in ${linksFile(dataDir)}, or run npm start in a terminal.`]),
      watched ? `Report to take home (results, what the room learned, questions), on this computer: ${links.report}` : `Report to take home: on this computer, with the link in ${linksFile(dataDir)}.`,
      `To print: facilitator guide ${links.guide}   attendee handout ${links.handout} (with its take-home pages for parents and for young people)`,
      '',
      `Answers are kept ${keptWhere}. Press Ctrl+C to stop.`,
    ]
      .filter((line, i, all) => line !== '' || all[i - 1] !== '')
      .join('\n'),
  );
  if (watched && process.stdin.isTTY) {
    // Enter asks for a new code (the last one expired, or a phone must be paired again).
    // Line mode, not raw: Ctrl+C still stops the kit.
    newCodes = createInterface({ input: process.stdin, terminal: false });
    newCodes.on('line', () => {
      void pairingLines(app.pairing, app.rooms.running().record.code, links as Links).then((lines) => console.log(['New pairing code for the console (keep this window off the projector):', ...lines].join('\n')));
    });
  }
  // On Redis, another process may start a new workshop (npm start -- --new): this one follows it.
  app.rooms.follow({
    running: ({ record }) => {
      const shown = links as Links;
      console.log(
        [
          '',
          `Another kit process started a new workshop: attendees now join with code ${record.code}, at ${shown.attendee}?code=${record.code}`,
          watched ? '  Press Enter here for a pairing code for its console.' : `  A pairing code for its console is in ${linksFile(dataDir)}.`,
        ].join('\n'),
      );
      if (!watched) void pairingLines(app.pairing, record.code, shown, false).then(writeLinks);
    },
  });
  rehearsal?.start(port);
});

let stopping = false;
function stop(): void {
  if (stopping) return;
  stopping = true;
  newCodes?.close();
  rehearsal?.stop();
  void app.close().then(async () => {
    store?.close();
    await kept?.close();
    rehearsal?.remove();
    console.log(rehearsal ? 'Stopped. The rehearsal is over: its answers and questions are deleted.' : `Stopped. Answers are kept ${keptWhere}; npm start resumes this workshop.`);
    process.exit(0);
  });
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
