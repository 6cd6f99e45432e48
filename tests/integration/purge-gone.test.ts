/**
 * Purge means gone (issue 18, findings 5 and 7): after a purge or a delete, a workshop's
 * question text, voter keys, salt and key are nowhere in the data folder's files, write-ahead
 * log included, read as raw bytes; the report of a purged workshop still reads its counts;
 * the folder is private to its user (0700, files 0600), and an old one is tightened on open.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { purgeOlderThan } from '../../server/purge/purge.ts';
import { buildReport } from '../../server/report/model.ts';
import { openSqliteStore } from '../../server/store/sqlite.ts';
import type { WorkshopRecord } from '../../server/store/store.ts';
import { newWorkshop } from '../../server/workshops.ts';
import { attendee, host, newDevice, type Client } from '../helpers/clients.ts';
import { DAY, THRESHOLDS } from '../helpers/report-seed.ts';
import { realContent, ROOT, startServer, tempDataDir, type Running } from '../helpers/server.ts';

const content = realContent();
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A word typed into every question of one workshop, found by nothing else. */
const markerOf = (w: WorkshopRecord): string => `zebraquartz${w.code}`;

/** Four phones answer a poll and the question box, ask, vote, and the facilitator dismisses one. */
async function play(running: Running, w: WorkshopRecord): Promise<void> {
  const sockets: Client[] = [];
  try {
    const deck = (await host(running.url, w.hostKey, w.code)).socket;
    sockets.push(deck);
    const phones: Client[] = [];
    for (let i = 0; i < 4; i++) phones.push((await attendee(running.url, newDevice(), w.code)).socket);
    sockets.push(...phones);
    expect(await deck.emitWithAck('activity:open', { activityId: 'check-force.before' })).toEqual({ ok: true });
    for (const [i, p] of phones.entries()) expect((await p.emitWithAck('answer:submit', { activityId: 'check-force.before', value: i % 2 })).ok).toBe(true);
    expect(await deck.emitWithAck('activity:open', { activityId: 'question-box' })).toEqual({ ok: true });
    expect((await phones[0]?.emitWithAck('answer:submit', { activityId: 'question-box', value: `box ${markerOf(w)} my sister` }))?.ok).toBe(true);
    for (const [i, p] of phones.entries()) expect((await p.emitWithAck('question:ask', { text: `Question ${i} ${markerOf(w)} about my cousin` })).ok).toBe(true);
    const queue = await running.app.rooms.workshop(w.code)?.qa.queue();
    const [first, second] = (queue?.questions ?? []).filter((q) => q.text.includes(markerOf(w)));
    expect(await deck.emitWithAck('question:moderate', { questionId: first?.id ?? '', action: 'approve' })).toEqual({ ok: true });
    expect(await deck.emitWithAck('question:moderate', { questionId: second?.id ?? '', action: 'dismiss' })).toEqual({ ok: true });
    for (const p of phones.slice(1)) expect((await p.emitWithAck('question:vote', { questionId: first?.id ?? '', on: true })).ok).toBe(true);
  } finally {
    for (const s of sockets) s.close();
  }
}

/** Every key standing for a phone that the data folder holds for `workshopId`. */
function phoneKeys(dataDir: string, workshopId: string): string[] {
  const db = new Database(join(dataDir, 'workshops.sqlite'), { readonly: true });
  try {
    const all = (sql: string): string[] => (db.prepare(sql).all(workshopId) as { k: string }[]).map((r) => r.k);
    return [...all('SELECT voter AS k FROM ballots WHERE workshop_id = ?'), ...all('SELECT voter AS k FROM votes WHERE workshop_id = ?'), ...all('SELECT key AS k FROM phones WHERE workshop_id = ?')];
  } finally {
    db.close();
  }
}

/** Which of `secrets` the raw bytes of any file in `dataDir` still hold (the database, its -wal and -shm). */
function foundOnDisk(dataDir: string, secrets: readonly string[]): string[] {
  const files = readdirSync(dataDir).map((name) => readFileSync(join(dataDir, name)));
  return secrets.filter((s) => files.some((bytes) => bytes.includes(Buffer.from(s, 'utf8'))));
}

function modes(dataDir: string): Record<string, string> {
  const mode = (path: string): string => (statSync(path).mode & 0o777).toString(8);
  return Object.fromEntries([['.', mode(dataDir)], ...readdirSync(dataDir).map((name) => [name, mode(join(dataDir, name))])]);
}

function script(name: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', name), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, REDIS_URL: '' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A data folder with an old workshop (to purge), a younger one (to delete) and the running one, all played. */
async function playedFolder(): Promise<{ dataDir: string; old: WorkshopRecord; deleted: WorkshopRecord; running: WorkshopRecord }> {
  const dataDir = tempDataDir();
  dirs.push(dataDir);
  // Each is played while it is the newest, the one the kit runs (only that one takes phones).
  const played: WorkshopRecord[] = [];
  for (const createdAt of [Date.now() - 40 * DAY, Date.now() - DAY, Date.now()]) {
    const store = openSqliteStore(dataDir);
    const w = newWorkshop(store, createdAt);
    store.close();
    const server = await startServer(dataDir, { thresholds: THRESHOLDS });
    await play(server, w);
    // Joins are written in batches: wait until every phone is counted.
    while (server.store.facts(w.id).joined < 4) await new Promise((ok) => setTimeout(ok, 50));
    await server.close(true);
    played.push(w);
  }
  const [old, deleted, current] = played as [WorkshopRecord, WorkshopRecord, WorkshopRecord];
  return { dataDir, old, deleted, running: current };
}

describe('purge means gone from the data folder', () => {
  it('leaves no question text, voter key, salt or key of a purged workshop in any file, WAL included', async () => {
    const { dataDir, old, running } = await playedFolder();
    const secrets = [markerOf(old), ...phoneKeys(dataDir, old.id), old.salt, old.hostKey];
    expect(secrets.length).toBeGreaterThan(10);
    // The search finds what is there: before the purge, every one of them.
    expect(foundOnDisk(dataDir, secrets)).toEqual(secrets);

    const store = openSqliteStore(dataDir);
    const report = (w: WorkshopRecord) => buildReport(store, content, store.listWorkshops().find((r) => r.id === w.id) ?? w, THRESHOLDS);
    const before = report(old);
    expect(purgeOlderThan(store, content.activities, 30 * DAY, Date.now()).map((w) => w.code)).toEqual([old.code]);
    // Read while the store is still open, so its write-ahead log and index are on disk too.
    expect(readdirSync(dataDir).sort()).toEqual(['workshops.sqlite', 'workshops.sqlite-shm', 'workshops.sqlite-wal']);
    expect(foundOnDisk(dataDir, secrets)).toEqual([]);
    expect(statSync(join(dataDir, 'workshops.sqlite-wal')).size).toBe(0);

    // The salt and the key are destroyed; the running workshop keeps its own.
    const kept = store.listWorkshops();
    const purged = kept.find((w) => w.id === old.id);
    expect(purged?.salt).not.toBe(old.salt);
    expect(purged?.hostKey).not.toBe(old.hostKey);
    expect(kept.find((w) => w.id === running.id)).toMatchObject({ salt: running.salt, hostKey: running.hostKey });
    // The report reads what purge kept: as many answers as before.
    const after = report(old);
    expect(after.activities.map((a) => a.total)).toEqual(before.activities.map((a) => a.total));
    expect(after).toMatchObject({ joined: 4, questionsAsked: 5, questions: [] });
    expect(after.activities.find((a) => a.id === 'check-force.before')?.total).toBe(4);
    store.close();
    expect(foundOnDisk(dataDir, secrets)).toEqual([]);
  });

  it('leaves nothing of a deleted workshop in any file (npm run purge -- --workshop)', async () => {
    const { dataDir, deleted, running } = await playedFolder();
    const secrets = [markerOf(deleted), ...phoneKeys(dataDir, deleted.id), deleted.salt, deleted.hostKey];
    expect(foundOnDisk(dataDir, secrets)).toEqual(secrets);
    const keptSecrets = [markerOf(running), running.salt];

    const r = script('purge.ts', ['--workshop', deleted.code, '--data-dir', dataDir]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(foundOnDisk(dataDir, secrets)).toEqual([]);
    // What was not deleted is still there.
    expect(foundOnDisk(dataDir, keptSecrets)).toEqual(keptSecrets);
    expect(modes(dataDir)).toEqual({ '.': '700', 'workshops.sqlite': '600' });
  });
});

describe('the data folder is private to its user', () => {
  it('is created 0700 with its files 0600', async () => {
    const dataDir = join(tempDataDir(), 'nested', 'data');
    dirs.push(join(dataDir, '..', '..'));
    const store = openSqliteStore(dataDir);
    newWorkshop(store, Date.now());
    expect(modes(dataDir)).toEqual({ '.': '700', 'workshops.sqlite': '600', 'workshops.sqlite-shm': '600', 'workshops.sqlite-wal': '600' });
    store.close();
  });

  it('tightens a folder and files an older kit left readable to everyone', () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    mkdirSync(dataDir, { recursive: true });
    const first = openSqliteStore(dataDir);
    newWorkshop(first, Date.now());
    first.close();
    chmodSync(dataDir, 0o755);
    chmodSync(join(dataDir, 'workshops.sqlite'), 0o644);
    const store = openSqliteStore(dataDir);
    expect(modes(dataDir)).toEqual({ '.': '700', 'workshops.sqlite': '600', 'workshops.sqlite-shm': '600', 'workshops.sqlite-wal': '600' });
    store.close();
  });
});
