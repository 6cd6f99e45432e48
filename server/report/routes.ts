/**
 * The report pages, for `createRoutes`' `pages`. Thin: it checks where the request comes
 * from (the laptop, or anywhere with the report key), the key or the cookie (access.ts),
 * builds the report (model.ts) and sends it as HTML, CSV or JSON. Nothing of it may be
 * cached, the key never stays in the address bar, and /report/sign-out ends the cookie.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Content } from '../content/content.ts';
import type { Thresholds } from '../core/workshop.ts';
import type { PageHandler } from '../http/routes.ts';
import { onTheLaptop, sourceOf } from '../pairing/laptop.ts';
import { wrongKeyGate } from '../privacy/wrong-keys.ts';
import type { Store, WorkshopRecord } from '../store/store.ts';
import { workshopThresholds } from '../workshops.ts';
import { atLeast, ranWith } from '../core/threshold-floor.ts';
import { COOKIE_MAX_AGE_S, cookieToken, readCookie, scopeOfKey, scopeOfToken, visible, type AccessOptions, type Scope } from './access.ts';
import { reportCsv, reportJson } from './csv.ts';
import { reportHtml } from './html.ts';
import { messageHtml, reportIndexHtml, reportPath, signOutPath } from './index-html.ts';
import { buildReport } from './model.ts';

export interface ReportRoutesOptions {
  /** Runs `use` on the store the reports are read from (on Redis, a copy made for it). */
  withStore<T>(use: (store: Store) => T): Promise<T>;
  content: Content;
  /** For workshops that keep no threshold of their own (each other one uses its own). */
  thresholds: Thresholds;
  /** The key that opens a workshop's reports (the default workshop's opens every workshop). */
  hostKeyOf(record: WorkshopRecord): string;
  defaultWorkshopId: string;
  /** The language when the address asks for none. */
  lang: string;
  /** Opens every report from any machine (--report-key); without it, reports open on the laptop only. */
  reportKey?: string | undefined;
  /** Served over HTTPS (PUBLIC_URL https://): the cookie is `Secure` and `__Host-`. */
  secure?: boolean;
  clock?: (() => number) | undefined;
  /** The kit runs a rehearsal (--rehearse): every report says it is one. */
  rehearsal?: boolean | undefined;
}

const SIGN_OUT = '/report/sign-out';
const REPORT = /^\/report\/([A-Za-z0-9]{1,16})(\.csv|\.json)?$/;

export function reportRoutes(options: ReportRoutesOptions): PageHandler {
  // As on the live room's handshake: past a few wrong keys a minute (from elsewhere than the
  // laptop), keys are refused at once, unchecked, so guessing learns nothing.
  const wrongKeys = wrongKeyGate();
  const clock = options.clock ?? Date.now;
  // Over HTTPS the browser keeps the cookie to this exact host and to HTTPS (the __Host- rules).
  const cookie = options.secure
    ? { name: '__Host-report', attributes: 'HttpOnly; SameSite=Strict; Path=/; Secure' }
    : { name: 'report', attributes: 'HttpOnly; SameSite=Strict; Path=/report' };
  return (req, res, path) => {
    if (path !== '/report' && !path.startsWith('/report/')) return false;
    const here = onTheLaptop({ address: req.socket.remoteAddress, headers: req.headers });
    const keyGiven = new URL(req.url ?? '/', 'http://report.invalid').searchParams.has('key');
    void (async () => {
      const guesser = sourceOf({ address: req.socket.remoteAddress, headers: req.headers });
      const guessing = keyGiven && !here && !(await wrongKeys.open(guesser));
      const wrong = (): void => void wrongKeys.wrong(guesser);
      await options.withStore((store) => serve(store, req, res, path, here, guessing, wrong));
    })().catch(() => {
      if (!res.headersSent) res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end('The report cannot be read right now. Try again in a moment.');
    });
    return true;
  };

  /** `here`: the request comes from the laptop; `guessing`: too many wrong keys came from elsewhere this minute. */
  function serve(store: Store, req: IncomingMessage, res: ServerResponse<IncomingMessage>, path: string, here: boolean, guessing: boolean, wrong: () => void): true {
    // Reports are read on the laptop; from elsewhere only when the deployment set a report key.
    const access: AccessOptions = { ...options, store, here };
    const query = new URL(req.url ?? '/', 'http://report.invalid').searchParams;
    const asked = query.get('lang');
    const lang = asked !== null && options.content.strings[asked] ? asked : options.lang;
    const strings = options.content.strings[lang] ?? options.content.strings['en'] ?? {};
    const message = (status: number, title: string, body: string): true => send(res, status, 'text/html; charset=utf-8', messageHtml(lang, strings, title, body));

    if (path === SIGN_OUT) {
      res.setHeader('Set-Cookie', `${cookie.name}=; ${cookie.attributes}; Max-Age=0`);
      return message(200, 'report.signedOut.title', 'report.signedOut.body');
    }
    if (!here && options.reportKey === undefined) return message(403, 'report.laptopOnly.title', 'report.laptopOnly.body');
    const key = query.get('key');
    if (key !== null) {
      const scope = guessing ? null : scopeOfKey(access, key);
      if (!scope) {
        if (!guessing && !here) wrong();
        return message(401, 'report.locked.title', 'report.badKey.body');
      }
      // It expires on the browser and here (access.ts) after COOKIE_MAX_AGE_S; /report/sign-out ends it sooner.
      const location = asked === null ? path : `${path}?lang=${encodeURIComponent(lang)}`;
      const set = `${cookie.name}=${cookieToken(key, clock())}; ${cookie.attributes}; Max-Age=${COOKIE_MAX_AGE_S}`;
      res.writeHead(303, { Location: location, 'Referrer-Policy': 'no-referrer', 'Set-Cookie': set, 'Cache-Control': 'no-store' }).end();
      return true;
    }
    const token = readCookie(req.headers.cookie, cookie.name);
    const scope = token === undefined ? null : scopeOfToken(access, token, clock());
    if (!scope) return message(401, 'report.locked.title', 'report.locked.body');

    if (path === '/report' || path === '/report/') {
      const listed = visible(store, scope).map((w) => ({ code: w.code, createdAt: w.createdAt, ...pick(store.facts(w.id)) }));
      return send(res, 200, 'text/html; charset=utf-8', reportIndexHtml(listed, lang, strings, options.rehearsal === true));
    }
    const match = REPORT.exec(path);
    const record = match ? find(store, scope, match[1] ?? '') : undefined;
    if (!match || !record) return message(404, 'report.notFound.title', 'report.notFound.body');

    // Never under what the workshop ran with, nor under 10 for one that kept none: as `npm run report` and purge.
    const built = buildReport(store, options.content, record, atLeast(workshopThresholds(record, options.thresholds), ranWith(record.threshold)));
    const report = options.rehearsal ? { ...built, rehearsal: true as const } : built;
    const file = `csec-report-${record.code}-${report.date}`;
    switch (match[2]) {
      case '.csv':
        return send(res, 200, 'text/csv; charset=utf-8', reportCsv(report, lang, strings), `${file}.csv`);
      case '.json':
        return send(res, 200, 'application/json; charset=utf-8', reportJson(report), `${file}.json`);
      default: {
        const languages = Object.keys(options.content.strings)
          .filter((l) => l !== lang)
          .map((l) => ({ lang: l, name: options.content.strings[l]?.['language.name'] ?? l, href: reportPath(record.code, l) }));
        const links = { index: `/report?lang=${encodeURIComponent(lang)}`, csv: reportPath(record.code, lang, '.csv'), json: reportPath(record.code, lang, '.json'), languages, signOut: signOutPath(lang) };
        return send(res, 200, 'text/html; charset=utf-8', reportHtml(report, lang, strings, links));
      }
    }
  }
}

/** A workshop `scope` may see, by join code (any case). */
function find(store: Store, scope: Scope, code: string): WorkshopRecord | undefined {
  return visible(store, scope).find((w) => w.code === code.toUpperCase());
}

function pick({ startedAt, joined, purgedAt }: ReturnType<Store['facts']>): { startedAt: number | null; joined: number; purgedAt: number | null } {
  return { startedAt, joined, purgedAt };
}

function send(res: ServerResponse<IncomingMessage>, status: number, type: string, body: string, download?: string): true {
  const headers: Record<string, string | number> = { 'Content-Type': type, 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(body) };
  if (download) headers['Content-Disposition'] = `attachment; filename="${download}"`;
  res.writeHead(status, headers).end(body);
  return true;
}
