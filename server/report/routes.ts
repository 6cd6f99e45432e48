/**
 * The report pages, for `createRoutes`' `pages`. Thin: it checks the key or the cookie
 * (access.ts), builds the report (model.ts) and sends it as HTML, CSV or JSON. Nothing of it
 * may be cached, and the key never stays in the address bar.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Content } from '../content/content.ts';
import type { Thresholds } from '../core/workshop.ts';
import type { PageHandler } from '../http/routes.ts';
import { wrongKeyBrake } from '../privacy/wrong-keys.ts';
import type { Store, WorkshopRecord } from '../store/store.ts';
import { workshopThresholds } from '../workshops.ts';
import { cookieToken, readCookie, scopeOfKey, scopeOfToken, visible, type AccessOptions, type Scope } from './access.ts';
import { reportCsv, reportJson } from './csv.ts';
import { reportHtml } from './html.ts';
import { messageHtml, reportIndexHtml, reportPath } from './index-html.ts';
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
}

const COOKIE = 'report';
const REPORT = /^\/report\/([A-Za-z0-9]{1,16})(\.csv|\.json)?$/;

export function reportRoutes(options: ReportRoutesOptions): PageHandler {
  // As on the live room's handshake: a few wrong keys a minute, then each further one waits.
  const wrongKey = wrongKeyBrake();
  return (req, res, path) => {
    if (path !== '/report' && !path.startsWith('/report/')) return false;
    void options.withStore((store) => serve(store, req, res, path)).catch(() => {
      if (!res.headersSent) res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end('The report cannot be read right now. Try again in a moment.');
    });
    return true;
  };

  function serve(store: Store, req: IncomingMessage, res: ServerResponse<IncomingMessage>, path: string): true {
    const access: AccessOptions = { ...options, store };
    const query = new URL(req.url ?? '/', 'http://report.invalid').searchParams;
    const asked = query.get('lang');
    const lang = asked !== null && options.content.strings[asked] ? asked : options.lang;
    const strings = options.content.strings[lang] ?? options.content.strings['en'] ?? {};
    const message = (status: number, title: string, body: string): true => send(res, status, 'text/html; charset=utf-8', messageHtml(lang, strings, title, body));

    const key = query.get('key');
    if (key !== null) {
      const scope = scopeOfKey(access, key);
      if (!scope) {
        const refuse = (): true => message(401, 'report.locked.title', 'report.badKey.body');
        void wrongKey('report').then(refuse);
        return true;
      }
      // Session cookie (no Max-Age): gone when the browser closes. Only report pages get it.
      const location = asked === null ? path : `${path}?lang=${encodeURIComponent(lang)}`;
      res.writeHead(303, { Location: location, 'Referrer-Policy': 'no-referrer', 'Set-Cookie': `${COOKIE}=${cookieToken(key)}; HttpOnly; SameSite=Strict; Path=/report`, 'Cache-Control': 'no-store' }).end();
      return true;
    }
    const token = readCookie(req.headers.cookie, COOKIE);
    const scope = token === undefined ? null : scopeOfToken(access, token);
    if (!scope) return message(401, 'report.locked.title', 'report.locked.body');

    if (path === '/report' || path === '/report/') {
      const listed = visible(store, scope).map((w) => ({ code: w.code, createdAt: w.createdAt, ...pick(store.facts(w.id)) }));
      return send(res, 200, 'text/html; charset=utf-8', reportIndexHtml(listed, lang, strings));
    }
    const match = REPORT.exec(path);
    const record = match ? find(store, scope, match[1] ?? '') : undefined;
    if (!match || !record) return message(404, 'report.notFound.title', 'report.notFound.body');

    const report = buildReport(store, options.content, record, workshopThresholds(record, options.thresholds));
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
        const links = { index: `/report?lang=${encodeURIComponent(lang)}`, csv: reportPath(record.code, lang, '.csv'), json: reportPath(record.code, lang, '.json'), languages };
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
