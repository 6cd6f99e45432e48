/**
 * A rehearsal, end to end: the kit as its own process (`npm start -- --rehearse`) with its
 * simulated phones, given the facilitator's data folder, which already holds a workshop. The
 * facilitator opens a quick check as the deck does; the simulated room fills it past the
 * threshold and the results show; questions reach the console's queue, one of them marked as
 * looking personal, and phones upvote the one approved; the deck is told, and the report
 * says, that this is a rehearsal. Once the
 * kit stops (Ctrl+C), nothing of it remains: the data folder is as it was, and the rehearsal's
 * temporary folder is gone.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { QaQueue } from '../../server/protocol.ts';
import type { Report } from '../../server/report/model.ts';
import { openSqliteStore } from '../../server/store/sqlite.ts';
import { openDefaultWorkshop } from '../../server/workshops.ts';
import { host, snapshotWhere, type Client } from '../helpers/clients.ts';
import { freePort, startKitProcess, type KitProcess } from '../helpers/kit-process.ts';

const HOST_KEY = 'rehearsal-test-host-key';
const CHECK = 'check-force.after';
let kit: KitProcess | undefined;
let deck: Client | undefined;
let scratch: string | undefined;

afterEach(async () => {
  deck?.close();
  await kit?.kill();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  [deck, kit, scratch] = [undefined, undefined, undefined];
});

/** Each file of `dir` with its size and when it last changed. */
const filesOf = (dir: string) => readdirSync(dir).map((name) => ({ name, size: statSync(join(dir, name)).size, mtime: statSync(join(dir, name)).mtimeMs }));

/** The report's JSON and page, opened with the host key as a facilitator does. */
async function report(url: string, code: string): Promise<{ json: Report; html: string; csv: string }> {
  const login = await fetch(`${url}/report?key=${HOST_KEY}`, { redirect: 'manual' });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const json = (await (await fetch(`${url}/report/${code}.json`, { headers: { cookie } })).json()) as Report;
  const html = await (await fetch(`${url}/report/${code}`, { headers: { cookie } })).text();
  const csv = await (await fetch(`${url}/report/${code}.csv`, { headers: { cookie } })).text();
  return { json, html, csv };
}

describe('npm start -- --rehearse', () => {
  it('fills an activity past the threshold and brings questions to the console, then leaves nothing behind', { timeout: 150_000 }, async () => {
    // The kit's temporary folder (TMPDIR) and the facilitator's data folder, with a workshop of theirs.
    scratch = mkdtempSync(join(tmpdir(), 'csec-rehearsal-it-'));
    const dataDir = join(scratch, 'data');
    const store = openSqliteStore(dataDir);
    const theirs = openDefaultWorkshop(store, false, Date.now());
    store.close();
    const before = filesOf(dataDir);

    kit = await startKitProcess(await freePort(), ['--rehearse', '--data-dir', dataDir, '--host-key', HOST_KEY], { TMPDIR: scratch });
    expect(kit.output()).toContain('REHEARSAL: 25 simulated phones');
    expect(kit.output()).toContain('its answers and questions live in memory');
    const folder = /the rehearsal's links go to (\S+?)\)/.exec(kit.output())?.[1] ?? '';
    expect(folder.startsWith(join(scratch, 'csec-rehearsal-'))).toBe(true);
    expect(existsSync(folder)).toBe(true);

    // The deck, with the key, as on the laptop: a new workshop, told it is a rehearsal.
    const connected = await host(kit.url, HOST_KEY);
    deck = connected.socket;
    expect(connected.state.rehearsal).toBe(true);
    expect(connected.state.code).not.toBe(theirs.code);
    let queue: QaQueue = connected.greeting['qa:queue'] ?? { questions: [] };
    const personal = new Promise<void>((resolve) => {
      deck?.on('qa:queue', (next) => {
        queue = next;
        if (next.questions.some((q) => q.flagged)) resolve();
      });
    });

    // The simulated phones answer what the deck opens, until the results may be shown.
    expect(await deck.emitWithAck('activity:open', { activityId: CHECK })).toEqual({ ok: true });
    const filled = await snapshotWhere(deck, CHECK, (s) => s.total >= s.threshold);
    expect(filled.threshold).toBe(10);
    expect(filled.status).toBe('open');
    const shown = snapshotWhere(deck, CHECK, (s) => s.revealed);
    expect(await deck.emitWithAck('activity:reveal', { activityId: CHECK })).toEqual({ ok: true });
    const revealed = await shown;
    expect(revealed.results?.kind).toBe('options');
    expect(revealed.total).toBeGreaterThanOrEqual(10);

    // Questions reach the queue, only the facilitator's: one of them looks personal, and is marked so.
    await personal;
    expect(queue.questions.length).toBeGreaterThanOrEqual(2);
    expect(queue.questions.filter((q) => q.flagged)).toHaveLength(1);
    expect(queue.questions.every((q) => q.status === 'waiting')).toBe(true);

    // A question put on the screen: some of the simulated phones upvote it, as people do.
    const first = queue.questions.find((q) => !q.flagged)?.id ?? '';
    const voted = new Promise<void>((resolve) => deck?.on('qa:queue', (next) => next.questions.some((q) => q.id === first && q.votes > 0) && resolve()));
    expect(await deck.emitWithAck('question:moderate', { questionId: first, action: 'approve' })).toEqual({ ok: true });
    await voted;

    // The report says it is a rehearsal's, on the page and in the data.
    const { json, html, csv } = await report(kit.url, connected.state.code);
    expect(json.rehearsal).toBe(true);
    expect(json.joined).toBeGreaterThanOrEqual(10);
    expect(html).toContain('<h1>Rehearsal report</h1>');
    expect(html).toContain('Rehearsal, not a real workshop.');
    expect(csv.split('\r\n')[1]).toMatch(/^summary,rehearsal,,,"?Rehearsal, not a real workshop\."?,These answers/);

    // Ctrl+C: the rehearsal's folder is deleted, the data folder is as it was.
    const out = await kit.interrupt();
    kit = undefined;
    expect(out).toContain('Stopped. The rehearsal is over');
    expect(existsSync(folder)).toBe(false);
    expect(readdirSync(scratch).filter((name) => name.startsWith('csec-rehearsal-'))).toEqual([]);
    expect(filesOf(dataDir)).toEqual(before);
    const after = openSqliteStore(dataDir);
    expect(after.listWorkshops()).toEqual([theirs]);
    after.close();
  });

  it('refuses a shared Redis, and starts nothing', async () => {
    scratch = mkdtempSync(join(tmpdir(), 'csec-rehearsal-it-'));
    await expect(startKitProcess(await freePort(), ['--rehearse', '--redis-url', 'redis://127.0.0.1:1'], { TMPDIR: scratch })).rejects.toThrow(/--rehearse runs on this computer alone/);
    expect(readdirSync(scratch)).toEqual([]);
  });
});
