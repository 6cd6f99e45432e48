import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '../../server/content/escape-html.ts';
import { reportCsv, reportJson } from '../../server/report/csv.ts';
import { localDate } from '../../server/report/dates.ts';
import { reportHtml } from '../../server/report/html.ts';
import { resultLines } from '../../server/report/lines.ts';
import { buildReport, type Report } from '../../server/report/model.ts';
import { reportRoutes } from '../../server/report/routes.ts';
import { openSqliteStore } from '../../server/store/sqlite.ts';
import type { Store } from '../../server/store/store.ts';
import { LENGTH_MINUTES, PRIVATE_TEXT, QUESTIONS, seedWorkshops, STARTED, THRESHOLDS, type Seeded } from '../helpers/report-seed.ts';
import { realContent, ROOT } from '../helpers/server.ts';

const content = realContent();
const en = content.strings['en'] ?? {};
const es = content.strings['es'] ?? {};

/** RFC 4180, as a spreadsheet reads it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

/** Every stored key that stands for a phone: ballot keys, vote keys, joined-phone keys. */
function storedKeys(dataDir: string): string[] {
  const db = new Database(join(dataDir, 'workshops.sqlite'), { readonly: true });
  try {
    const all = (sql: string): string[] => (db.prepare(sql).all() as { k: string }[]).map((r) => r.k);
    return [...all('SELECT voter AS k FROM ballots'), ...all('SELECT voter AS k FROM votes'), ...all('SELECT key AS k FROM phones')];
  } finally {
    db.close();
  }
}

/** Rows of a workshop's raw tables, by table. */
function rawRows(dataDir: string, workshopId: string): Record<string, number> {
  const db = new Database(join(dataDir, 'workshops.sqlite'), { readonly: true });
  try {
    const tables = ['ballots', 'votes', 'questions', 'phones', 'summaries', 'activity_states'];
    return Object.fromEntries(tables.map((t) => [t, (db.prepare(`SELECT COUNT(*) AS n FROM ${t} WHERE workshop_id = ?`).get(workshopId) as { n: number }).n]));
  } finally {
    db.close();
  }
}

/** Every key of every object in a JSON value. */
function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, into);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      keysOf(v, into);
    }
  }
  return into;
}

/** Every number in a JSON value. */
function numbersOf(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(numbersOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(numbersOf);
  return [];
}

/** Runs one of the kit's scripts as `npm run` would, with no server. */
function script(name: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', name), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const activity = (report: Report, id: string) => report.activities.find((a) => a.id === id);

describe('the report of a workshop played through the wire', () => {
  let seeded: Seeded;
  let store: Store;
  let report: Report;
  beforeAll(async () => {
    seeded = await seedWorkshops();
    // A store of its own on the same data folder: what is read is what was committed.
    store = openSqliteStore(seeded.running.dataDir);
    report = buildReport(store, content, seeded.recent, THRESHOLDS);
  });
  afterAll(async () => {
    store?.close();
    await seeded?.running.close();
  });

  it('counts every activity as the room would show it once revealed', () => {
    expect(report.code).toBe(seeded.recent.code);
    expect(report.activities.map((a) => a.id)).toEqual(content.activities.map((a) => a.id));
    expect(activity(report, 'check-force.before')).toMatchObject({ kind: 'choice', round: 'before', total: 4, answer: 1, results: { kind: 'options', counts: [2, 1, 1] } });
    expect(activity(report, 'check-force.after')).toMatchObject({ total: 4, results: { kind: 'options', counts: [1, 3, 0] } });
    expect(activity(report, 'scenario-new-friend')).toMatchObject({ kind: 'scenario', total: 4, answer: 2, results: { kind: 'options', counts: [1, 1, 2, 0] } });
    expect(activity(report, 'reflect-signs.before')).toMatchObject({ total: 4, scale: { min: 1, max: 5 }, results: { kind: 'scale', counts: [1, 2, 1, 0, 0], mean: 2 } });
    expect(activity(report, 'reflect-signs.after')?.results).toEqual({ kind: 'scale', counts: [0, 0, 0, 2, 1], mean: 4.33 });
    // Words at least two phones gave, most given first; "hapax" was typed once and is not there.
    expect(activity(report, 'words-safe-to-tell')).toMatchObject({
      total: 8,
      results: { kind: 'words', words: [{ text: 'listening', count: 3 }, { text: '=cmd|calc', count: 2 }, { text: 'trust', count: 2 }] },
    });
    // Both languages of every activity.
    expect(activity(report, 'check-force.before')?.text['es']?.options).toEqual(['Sí', 'No', 'No estoy seguro/a']);
    expect(activity(report, 'reflect-signs.after')?.text['en']?.labels).toEqual(['Not confident', 'Very confident']);
  });

  it('shows only the total under the threshold, and never free text', () => {
    expect(activity(report, 'check-who-recruits.before')).toMatchObject({ total: 2, threshold: 3, results: null });
    expect(activity(report, 'check-arrest.before')).toMatchObject({ total: 0, results: null });
    expect(activity(report, 'question-box')).toMatchObject({ kind: 'text', total: 2, threshold: 10, results: null });
  });

  it('gives the learning gain, the approved questions and the facts', () => {
    expect(report.learning.checks.find((c) => c.id === 'check-force')).toEqual({ id: 'check-force', before: { total: 4, percent: 25 }, after: { total: 4, percent: 75 } });
    expect(report.learning.checks.find((c) => c.id === 'check-who-recruits')).toEqual({ id: 'check-who-recruits', before: { total: 2, percent: null }, after: { total: 0, percent: null } });
    expect(report.learning.overall).toEqual({ before: 25, after: 75 });
    expect(report.learning.scales.find((s) => s.id === 'reflect-signs')).toEqual({
      id: 'reflect-signs',
      before: { total: 4, counts: [1, 2, 1, 0, 0], mean: 2 },
      after: { total: 3, counts: [0, 0, 0, 2, 1], mean: 4.33 },
    });
    // The room's order: unanswered first, by votes; the dismissed and the waiting are not there.
    expect(report.questions).toEqual([
      { text: QUESTIONS.approved, votes: 2, answered: false },
      { text: QUESTIONS.answered, votes: 0, answered: true },
    ]);
    // Four typed questions and two question-box answers, which wait in the same queue.
    expect(report).toMatchObject({ joined: 8, questionsAsked: 6, date: localDate(STARTED), minutes: LENGTH_MINUTES, purgedAt: null, createdAt: seeded.recent.createdAt });
  });

  it('puts no device key, ballot, per-person row, answer time or typed text in the CSV, JSON or HTML', () => {
    const csv = reportCsv(report, 'en', en);
    const json = reportJson(report);
    const html = reportHtml(report, 'en', en);
    const keys = storedKeys(seeded.running.dataDir);
    expect(keys.length).toBeGreaterThan(40);
    const secrets = [...keys, ...seeded.devices, seeded.recent.salt, seeded.recent.hostKey, seeded.recent.id, ...PRIVATE_TEXT, QUESTIONS.dismissed, QUESTIONS.waiting, 'hapax'];
    for (const output of [csv, json, html, reportCsv(report, 'es', es), reportHtml(report, 'es', es)]) {
      for (const secret of secrets) expect(output).not.toContain(secret);
    }

    // Only these fields, at any depth: nothing keyed to a phone, and no time but the workshop's own.
    const allowed = ['code', 'createdAt', 'purgedAt', 'date', 'minutes', 'joined', 'questionsAsked', 'thresholds', 'default', 'activities', 'learning', 'questions'];
    const perActivity = ['id', 'kind', 'round', 'text', 'en', 'es', 'prompt', 'short', 'title', 'options', 'labels', 'scale', 'min', 'max', 'answer', 'threshold', 'total', 'results', 'counts', 'mean', 'words', 'count'];
    const learning = ['checks', 'before', 'after', 'percent', 'overall', 'scales', 'votes', 'answered'];
    expect([...keysOf(JSON.parse(json))].filter((k) => ![...allowed, ...perActivity, ...learning].includes(k))).toEqual([]);
    const clock = numbersOf(JSON.parse(json)).filter((n) => n >= STARTED - 1 && n <= STARTED + 3 * 3_600_000);
    expect(clock).toEqual([]);

    // One CSV row per result line (an option, a point, a word), never one per answer.
    const rows = parseCsv(csv.replace(/^\uFEFF/, ''));
    const resultRows = rows.filter((r) => r[0] === 'results');
    expect(resultRows).toHaveLength(report.activities.reduce((n, a) => n + Math.max(1, resultLines(a, 'en').length), 0));
    expect(rows).toHaveLength(1 + resultRows.length + 2 * report.learning.checks.length + 2 + report.questions.length + 5);
    expect(rows.every((r) => r.length === 9)).toBe(true);
    expect(rows[0]).toEqual(['section', 'id', 'kind', 'round', 'prompt', 'answer', 'count', 'percent', 'total answers']);
    const prompt = activity(report, 'check-force.before')?.text['en']?.prompt ?? '';
    expect(rows).toContainEqual(['results', 'check-force.before', 'choice', 'before', prompt, 'No', '1', '25', '4']);
    expect(rows.find((r) => r[1] === 'check-who-recruits.before')?.slice(5)).toEqual(['Hidden: fewer than 3 answers', '', '', '2']);
    expect(rows.find((r) => r[1] === 'question-box')?.slice(5)).toEqual(['not shown: free text', '', '', '2']);
    expect(rows).toContainEqual(['learning', 'check-force', 'choice', 'after', activity(report, 'check-force.after')?.text['en']?.prompt, 'percent correct', '', '75', '4']);
    expect(rows).toContainEqual(['summary', 'minutes', '', '', 'Length (minutes)', String(LENGTH_MINUTES), '', '', '']);
    // The approved questions with their votes, in the room's order, as the JSON and the page have them.
    expect(rows.filter((r) => r[0] === 'questions')).toEqual([
      ['questions', '1', '', '', QUESTIONS.approved, '', '2', '', ''],
      ['questions', '2', '', '', QUESTIONS.answered, 'answered', '0', '', ''],
    ]);
    expect(parseCsv(reportCsv(report, 'es', es).replace(/^\uFEFF/, '')).filter((r) => r[0] === 'questions').map((r) => r[5])).toEqual(['', es['report.answered']]);
    // A word typed as a formula is text in a spreadsheet, never a formula.
    expect(rows.find((r) => r[1] === 'words-safe-to-tell' && r[5]?.includes('cmd'))?.[5]).toBe("'=cmd|calc");
    expect(csv).not.toMatch(/(^|,)=/m);
  });

  it('keeps a question typed as a formula from running in a spreadsheet', () => {
    const typed = ['=HYPERLINK("http://example.test","click")', '+1+1', '-2+3', '@SUM(A1)', '\t=1'];
    const csv = reportCsv({ ...report, questions: typed.map((text, i) => ({ text, votes: i, answered: false })) }, 'en', en);
    const prompts = parseCsv(csv.replace(/^\uFEFF/, '')).filter((r) => r[0] === 'questions').map((r) => r[4]);
    expect(prompts).toEqual(typed.map((text) => `'${text}`));
    expect(csv).not.toMatch(/(^|,)"?[=+\-@\t]/m);
  });

  it('writes a complete, escaped HTML document in either language', () => {
    const html = reportHtml(report, 'en', en);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(escapeHtml(QUESTIONS.approved));
    expect(html).toContain('Hidden: fewer than 3 answers');
    expect(html).toContain('<span class="value">25%</span>'); // check-force, before
    expect(html).toContain(`<th scope="row">${escapeHtml(activity(report, 'check-force.before')?.text['en']?.short ?? '?')}</th>`);
    for (const a of report.activities) expect(html).toContain(escapeHtml(a.text['en']?.prompt ?? ''));
    const spanish = reportHtml(report, 'es', es);
    expect(spanish).toContain('<html lang="es">');
    expect(spanish).toContain(escapeHtml(activity(report, 'check-force.before')?.text['es']?.prompt ?? ''));
    // Every key has its text in both languages (a missing one would show as the key itself).
    for (const page of [html, spanish]) expect(page.replace(/<style>[\s\S]*<\/style>/, '')).not.toMatch(/\b(report|activity)\.[a-z]+/);
  });

  describe('served at /report', () => {
    let server: Server;
    let url: string;
    const routesStore = (): Store => store;
    beforeAll(async () => {
      const defaultId = seeded.recent.id;
      const handler = reportRoutes({
        withStore: async (use) => use(routesStore()),
        content,
        thresholds: THRESHOLDS,
        hostKeyOf: (r) => (r.id === defaultId ? seeded.running.app.hostKey : r.hostKey),
        defaultWorkshopId: defaultId,
        lang: 'en',
      });
      server = createServer((req, res) => {
        if (!handler(req, res, (req.url ?? '/').split('?')[0] ?? '/')) res.writeHead(404).end();
      });
      await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

    const get = (path: string, cookie?: string) => fetch(`${url}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    const login = async (key: string): Promise<string> => {
      const res = await get(`/report?key=${encodeURIComponent(key)}`);
      expect(res.status).toBe(303);
      return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    };

    it('refuses without a cookie, and with a wrong key or cookie', async () => {
      for (const [path, cookie] of [['/report', undefined], ['/report/' + seeded.recent.code, undefined], ['/report?key=not-the-right-key-at-all', undefined], ['/report', 'report=forged']] as const) {
        const res = await get(path, cookie);
        expect(res.status, path).toBe(401);
        expect(res.headers.get('cache-control')).toBe('no-store');
        expect(res.headers.get('set-cookie')).toBeNull();
        const body = await res.text();
        expect(body).toContain(escapeHtml(en[path.includes('key=') ? 'report.badKey.body' : 'report.locked.body'] ?? '?'));
      }
      const spanish = await get('/report?lang=es');
      expect(await spanish.text()).toContain(escapeHtml(es['report.locked.body'] ?? '?'));
    });

    it('trades the key for an expiring cookie and a clean address', async () => {
      const key = seeded.running.app.hostKey;
      const res = await get(`/report?key=${key}`);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/report');
      expect(res.headers.get('cache-control')).toBe('no-store');
      const cookie = res.headers.get('set-cookie') ?? '';
      // A stamp and its signature, never the key; gone after 8 hours (report-access.test.ts).
      expect(cookie).toMatch(/^report=[\w-]+\.[\w-]{43}; HttpOnly; SameSite=Strict; Path=\/report; Max-Age=28800$/);
      expect(cookie).not.toContain(key);
      expect((await get(`/report?key=${key}&lang=es`)).headers.get('location')).toBe('/report?lang=es');
    });

    it('lists every workshop for the default key, newest first, and serves HTML, CSV and JSON', async () => {
      const cookie = await login(seeded.running.app.hostKey);
      const list = await get('/report', cookie);
      expect(list.status).toBe(200);
      expect(list.headers.get('cache-control')).toBe('no-store');
      const page = await list.text();
      expect(page.indexOf(seeded.recent.code)).toBeGreaterThan(0);
      expect(page.indexOf(seeded.recent.code)).toBeLessThan(page.indexOf(seeded.old.code));
      expect(page).toContain(`/report/${seeded.recent.code}.csv`);
      expect(page).toContain(`/report/${seeded.old.code}.json`);

      const html = await get(`/report/${seeded.recent.code}`, cookie);
      expect(html.status).toBe(200);
      expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(html.headers.get('cache-control')).toBe('no-store');
      expect(await html.text()).toContain(escapeHtml(en['report.title'] ?? '?'));

      const csv = await get(`/report/${seeded.recent.code}.csv`, cookie);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="csec-report-${seeded.recent.code}-${localDate(STARTED)}.csv"`);
      expect(await csv.text()).toContain('check-force.before');

      const json = await get(`/report/${seeded.old.code}.json`, cookie);
      expect(json.headers.get('cache-control')).toBe('no-store');
      expect(await json.json()).toEqual(JSON.parse(reportJson(buildReport(store, content, seeded.old, THRESHOLDS))));

      const spanish = await get(`/report/${seeded.recent.code}?lang=es`, cookie);
      expect(await spanish.text()).toContain('<html lang="es">');
      expect((await get('/report/NOSUCH', cookie)).status).toBe(404);
      expect((await get('/reports', cookie)).status).toBe(404); // not the report's path
    });

    it("opens only its own workshop with that workshop's key", async () => {
      const cookie = await login(seeded.old.hostKey);
      const page = await (await get('/report', cookie)).text();
      expect(page).toContain(seeded.old.code);
      expect(page).not.toContain(seeded.recent.code);
      expect((await get(`/report/${seeded.old.code}`, cookie)).status).toBe(200);
      expect((await get(`/report/${seeded.recent.code}.json`, cookie)).status).toBe(404);
    });
  });
});

describe('purge, and the report with no server running', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  /** A played data folder, with its server closed. */
  const closedSeed = async (): Promise<Seeded> => {
    const seeded = await seedWorkshops();
    await seeded.running.close(true);
    dirs.push(seeded.running.dataDir);
    return seeded;
  };

  it('writes a self-contained HTML file with npm run report', async () => {
    const { running, old, recent } = await closedSeed();
    const dataDir = running.dataDir;
    const out = join(mkdtempSync(join(tmpdir(), 'csec-report-')), 'report.html');
    dirs.push(join(out, '..'));

    const r = script('report.ts', ['--out', out, '--data-dir', dataDir, '--threshold', '3']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(recent.code); // the most recent workshop by default
    expect(existsSync(out)).toBe(true);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">[\s\S]*<\/html>\n$/);
    for (const a of content.activities) expect(html).toContain(escapeHtml(a.prompt));
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/<img|<iframe|<object|@import|url\(/i);
    // The one link element is the empty icon, written in the page itself.
    expect(html.match(/<link[^>]*>/g)).toEqual(['<link rel="icon" href="data:,">']);

    expect(script('report.ts', ['--out', out, '--data-dir', dataDir, '--workshop', old.code.toLowerCase(), '--lang', 'es']).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('<html lang="es">');

    const unknown = script('report.ts', ['--out', out, '--data-dir', dataDir, '--workshop', 'ZZZZZZ']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('no workshop with join code ZZZZZZ');
    const noOut = script('report.ts', ['--data-dir', dataDir]);
    expect(noOut.status).toBe(2);
    expect(noOut.stderr.trim()).toBe('error: --out FILE is required: where to write the report, e.g. --out report.html');
    const noData = script('report.ts', ['--out', out, '--data-dir', join(dataDir, 'nothing-here')]);
    expect(noData.status).toBe(1);
    expect(noData.stderr).toContain('no kit data in');
    expect(existsSync(join(dataDir, 'nothing-here'))).toBe(false);
  });

  it('purges old workshops to their counts, and deletes one entirely', async () => {
    const { running, old, recent } = await closedSeed();
    const dataDir = running.dataDir;
    const read = (fn: (s: Store) => Report): Report => {
      const s = openSqliteStore(dataDir);
      try {
        return fn(s);
      } finally {
        s.close();
      }
    };
    const before = read((s) => buildReport(s, content, old, THRESHOLDS));
    const recentBefore = read((s) => buildReport(s, content, recent, THRESHOLDS));
    const recentRows = rawRows(dataDir, recent.id);
    expect(rawRows(dataDir, old.id)).toMatchObject({ ballots: 31, votes: 2, questions: 6, phones: 8, summaries: 0 });

    const bad = script('purge.ts', ['--older-than', '30 days', '--data-dir', dataDir]);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe('error: --older-than must be a whole number of days or hours, like 30d or 12h, not "30 days"');

    const r = script('purge.ts', ['--older-than', '30d', '--data-dir', dataDir]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(`purged 1 workshop: ${old.code} (${localDate(STARTED)})`);
    expect(rawRows(dataDir, old.id)).toMatchObject({ ballots: 0, votes: 0, questions: 0, phones: 0 });
    expect(rawRows(dataDir, recent.id)).toEqual(recentRows);

    // The counts and the learning gain are what they were; the questions are gone.
    const after = read((s) => buildReport(s, content, old, THRESHOLDS));
    expect(after.activities).toEqual(before.activities);
    expect(after.learning).toEqual(before.learning);
    expect(after).toMatchObject({ joined: 8, questionsAsked: 6, minutes: LENGTH_MINUTES, questions: [] });
    expect(after.purgedAt).not.toBeNull();
    expect(read((s) => buildReport(s, content, recent, THRESHOLDS))).toEqual(recentBefore);
    const html = reportHtml(after, 'en', en);
    expect(html).toContain(escapeHtml((en['report.purged'] ?? '?').split('{date}')[0] ?? '?'));
    expect(html).not.toContain(escapeHtml(QUESTIONS.approved));
    // What purge kept holds no word typed by only one phone.
    const db = new Database(join(dataDir, 'workshops.sqlite'), { readonly: true });
    expect(JSON.stringify(db.prepare('SELECT tally FROM summaries').all())).not.toContain('hapax');
    db.close();

    expect(script('purge.ts', ['--older-than', '30d', '--data-dir', dataDir]).stdout).toContain('nothing to purge');

    const gone = script('purge.ts', ['--workshop', old.code, '--data-dir', dataDir]);
    expect(gone.status).toBe(0);
    expect(gone.stdout.trim()).toBe(`deleted workshop ${old.code} (${localDate(STARTED)}) and everything of it`);
    expect(rawRows(dataDir, old.id)).toEqual({ ballots: 0, votes: 0, questions: 0, phones: 0, summaries: 0, activity_states: 0 });
    const s = openSqliteStore(dataDir);
    expect(s.listWorkshops().map((w) => w.code)).toEqual([recent.code]);
    s.close();
    expect(script('purge.ts', ['--workshop', old.code, '--data-dir', dataDir]).status).toBe(1);
  });
});
