/**
 * The kit's server without listening: the pages and the live room on one HTTP server.
 * `main.ts` listens and prints the links; tests build it on port 0.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { Server as IoServer } from 'socket.io';
import type { Activity, Content } from './content/content.ts';
import { printableRoutes } from './printables/routes.ts';
import { helpPageAt } from './printables/help-address.ts';
import { reportRoutes } from './report/routes.ts';
import { DEFAULT_THRESHOLDS, type Thresholds } from './core/workshop.ts';
import { securityHeaders, speakerViewScriptHash } from './http/csp.ts';
import { hostAllowed } from './http/hosts.ts';
import { createRoutes } from './http/routes.ts';
import type { LiveWorkshops, SharedWorkshops } from './live/live-workshop.ts';
import { LocalWorkshops } from './local/workshops.ts';
import type { Store, WorkshopRecord } from './store/store.ts';
import type { FloodLimits, GuardStats } from './wire/guard.ts';
import { closingSlide, deckOutline } from './content/outline.ts';
import { attachLive } from './wire/live.ts';
import { createPairing, type ConsolePairing } from './pairing/pairing.ts';
import { consoleAccess, endRevokedConsoles } from './wire/console-auth.ts';

export interface AppOptions {
  activities: readonly Activity[];
  /** Names the kit answers to besides its own addresses and PUBLIC_URL's host (http/hosts.ts). */
  allowedHosts?: readonly string[];
  /** Behind a proxy the kit trusts: limits count the address it forwards (--trust-proxy). */
  trustProxy?: boolean;
  /**
   * The workshop `npm start` runs: phones that give no join code land here. On Redis, the one
   * running when this process started: it follows whichever runs there later (rooms.running()).
   */
  workshop: WorkshopRecord;
  /** The facilitator's key when set by flag (--host-key): it opens the running workshop; otherwise each workshop's own. */
  hostKey?: string | undefined;
  clientDir: string;
  publicUrl?: URL | undefined;
  /** The attendees' link for a join code (shown with a QR on the deck's title slide). */
  joinUrl: (code: string) => string;
  thresholds?: Thresholds;
  clock?: () => number;
  /** Per-connection flood limits (defaults in wire/guard.ts). */
  limits?: FloodLimits;
  /** The checked content: /guide, /handout and /help are made from it. */
  content?: Content;
  /** The language of those pages opened without ?lang= (the deck's). */
  lang?: string;
  /** Opens the reports from another machine (--report-key); without it, only on the laptop. */
  reportKey?: string | undefined;
  /**
   * Where the organization hosts the exported help page (--help-url); without it, the region
   * pack's help-url, else the kit's own /help at publicUrl (printables/help-address.ts).
   * The handout's QR code and the phones' "keep this page" link open it.
   */
  helpUrl?: string | undefined;
  /** A rehearsal (--rehearse, server/rehearsal/): the deck, the console and the report say so. On a laptop only. */
  rehearsal?: boolean;
}

export interface App<W extends LiveWorkshops = LocalWorkshops> {
  server: HttpServer;
  io: IoServer;
  rooms: W;
  /** The key the presenter of the default workshop must present. */
  hostKey: string;
  stats: GuardStats;
  /** Pairing codes for the console on the facilitator's phone (server/pairing/). */
  pairing: ConsolePairing;
  close(): Promise<void>;
}

/** One process on its data folder (`store`: local/), or one of several on Redis (`shared`: redis/). */
export function createApp(options: AppOptions & { store: Store }): App;
export function createApp<W extends LiveWorkshops>(options: AppOptions & { shared: SharedWorkshops<W> }): App<W>;
export function createApp(options: AppOptions & { store?: Store; shared?: SharedWorkshops<LiveWorkshops> }): App<LiveWorkshops> {
  const { store, shared } = options;
  const withStore = shared?.withStore ?? (<T>(use: (s: Store) => T) => Promise.resolve(use(store as Store)));
  const headers = securityHeaders([speakerViewScriptHash()]);
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const hostKey = options.hostKey ?? options.workshop.hostKey;
  // Reports: the key this process printed opens them all (report/access.ts).
  const hostKeyOf = (record: WorkshopRecord): string => (record.id === options.workshop.id ? hostKey : record.hostKey);
  const lang = options.lang ?? 'en';
  const helpPage = helpPageAt(options.helpUrl ?? options.content?.place?.helpUrl, options.publicUrl);
  const pages = options.content
    ? [
        printableRoutes({ content: options.content, lang, helpPage: (l) => helpPage?.(l) }),
        reportRoutes({ withStore, content: options.content, thresholds, hostKeyOf, defaultWorkshopId: options.workshop.id, lang, reportKey: options.reportKey, secure: options.publicUrl?.protocol === 'https:', clock: options.clock, rehearsal: options.rehearsal }),
      ]
    : [];
  const allowedHost = hostAllowed(options.publicUrl, options.allowedHosts);
  const server = createServer({ maxHeaderSize: 8192 }, createRoutes({ clientDir: options.clientDir, headers, pages, hostAllowed: allowedHost }));
  server.headersTimeout = 20_000;
  server.requestTimeout = 30_000;

  const rooms =
    shared?.rooms ??
    new LocalWorkshops({
      store: store as Store,
      running: options.workshop.id,
      activities: options.activities,
      thresholds,
      clock: options.clock ?? Date.now,
      joinUrl: options.joinUrl,
      rehearsal: options.rehearsal,
    });
  const stats: GuardStats = { refusedHostKeys: 0, refusedPhones: 0, floodDisconnects: 0 };
  const pairing = createPairing(options.clock);
  const io = attachLive({
    access: consoleAccess(rooms, pairing, options.publicUrl),
    limits: options.limits,
    stats,
    httpServer: server,
    rooms,
    // The --host-key opens the running workshop, whichever it is now (on Redis it may change); any other, its own key.
    hostKeyOf: ({ record }) => (options.hostKey !== undefined && record.id === rooms.running().record.id ? options.hostKey : record.hostKey),
    publicUrl: options.publicUrl,
    hostAllowed: allowedHost,
    trustProxy: options.trustProxy ?? false,
    adapter: shared?.adapter,
    closingSlide: options.content ? closingSlide(deckOutline(options.content, 'en')) : undefined,
    helpPage: { urls: helpPage && options.content ? Object.fromEntries(Object.keys(options.content.strings).map((l) => [l, helpPage(l)])) : null },
  });

  endRevokedConsoles(io, pairing);

  return {
    server,
    io,
    rooms,
    hostKey,
    stats,
    pairing,
    close: () =>
      new Promise((resolve) => {
        rooms.stop();
        server.closeAllConnections();
        void io.close(() => resolve());
      }),
  };
}
