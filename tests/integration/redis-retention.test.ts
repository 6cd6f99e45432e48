/**
 * Nothing stays forever in Redis (issue 18, finding 6), with real kit processes on a real
 * redis-server: no question's text ever enters socket.io's stream (each process sends the Q&A
 * to its own sockets, each phone once per change), the stream is capped and expires, an ended
 * workshop's keys expire, and `npm run purge` / `npm run report` reach Redis.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RedisClientType } from 'redis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { QaBoard, QaQueue } from '../../server/protocol.ts';
import { STREAM } from '../../server/redis/connect.ts';
import { STREAM_TTL_MS } from '../../server/redis/retention.ts';
import { listWorkshops } from '../../server/redis/workshop-records.ts';
import { attendee, host, type Client } from '../helpers/clients.ts';
import { freePort, startKitProcess, type KitProcess } from '../helpers/kit-process.ts';
import { redisClient, startRedis, type RunningRedis } from '../helpers/redis.ts';
import { ROOT } from '../helpers/server.ts';

const HOST_KEY = 'redis-retention-host-key';
const DAY = 86_400_000;
const MAX_LEN = 100;
const ENV = { REDIS_STREAM_MAXLEN: String(MAX_LEN), REDIS_RETENTION_DAYS: '30' };
let redis: RunningRedis;
let client: RedisClientType;
let kits: KitProcess[] = [];
const sockets: Client[] = [];

beforeAll(async () => {
  redis = await startRedis();
  client = await redisClient(redis.url);
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  for (const k of kits.splice(0)) await k.kill();
  await client.flushAll();
});
afterAll(async () => {
  await client?.quit().catch(() => undefined);
  await redis?.stop();
});

const keep = <T extends { socket: Client }>(c: T): T => (sockets.push(c.socket), c);
const until = async (test: () => boolean | Promise<boolean>): Promise<void> => {
  while (!(await test())) await new Promise((ok) => setTimeout(ok, 50));
};

async function kit(extra: string[] = []): Promise<KitProcess> {
  const k = await startKitProcess(await freePort(), ['--host-key', HOST_KEY, ...extra], { REDIS_URL: redis.url, ...ENV });
  kits.push(k);
  return k;
}

function script(name: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', name), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, REDIS_URL: redis.url, ...ENV } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Everything the stream holds, as text. */
async function streamText(): Promise<string> {
  const entries = await client.xRange(STREAM, '-', '+');
  return JSON.stringify(entries);
}

/** The raw bytes of Redis's append-only files, as text. */
async function appendOnlyText(): Promise<string> {
  const dir = (await client.configGet('dir'))['dir'] ?? '';
  const sub = (await client.configGet('appenddirname'))['appenddirname'] ?? '';
  const folder = join(dir, sub);
  return readdirSync(folder)
    .map((f) => readFileSync(join(folder, f)).toString('latin1'))
    .join('\n');
}

const TEXTS = ['Zebraquartz one: how do apps groom kids?', 'Zebraquartz two: call me at 831 555 0199', 'Zebraquartz three: is the hotline free?'];

/** Three questions through two processes: one approved, one (flagged) dismissed, one approved; returns each phone's boards. */
async function askThree(one: KitProcess, two: KitProcess): Promise<{ boards: QaBoard[][]; deck: Client }> {
  const deck = keep(await host(two.url, HOST_KEY)).socket;
  const phones = [keep(await attendee(one.url)).socket, keep(await attendee(two.url)).socket, keep(await attendee(one.url)).socket];
  const boards: QaBoard[][] = phones.map(() => []);
  phones.forEach((p, i) => p.on('qa:board', (b) => boards[i]?.push(b)));
  let queue: QaQueue = { questions: [] };
  deck.on('qa:queue', (q) => (queue = q));
  const idOf = (text: string): string => queue.questions.find((q) => q.text === text)?.id ?? '';
  for (const [i, action] of (['approve', 'dismiss', 'approve'] as const).entries()) {
    const text = TEXTS[i] ?? '';
    expect((await phones[i]?.emitWithAck('question:ask', { text }))?.ok).toBe(true);
    await until(() => idOf(text) !== '');
    expect(await deck.emitWithAck('question:moderate', { questionId: idOf(text), action })).toEqual({ ok: true });
    await until(() => queue.questions.find((q) => q.text === text)?.status === (action === 'approve' ? 'approved' : 'dismissed'));
  }
  // The last change reached every phone: the third question on the board.
  await until(() => boards.every((b) => b.some((board) => board.questions.some((q) => q.text === TEXTS[2]))));
  return { boards, deck };
}

describe('Redis keeps no question text and nothing forever', () => {
  it('sends questions to each phone once per change, never through the stream, which is capped and expires', async () => {
    const one = await kit();
    const two = await kit();
    const { boards, deck } = await askThree(one, two);
    // Each change (three asks, three decisions) reached each phone once, whichever process it is on.
    for (const b of boards) expect(b.filter((_, i) => i <= b.findIndex((x) => x.questions.some((q) => q.text === TEXTS[2])))).toHaveLength(6);
    expect(boards[0]?.at(-1)?.questions.map((q) => q.text)).toEqual([TEXTS[0], TEXTS[2]]);

    const stream = await streamText();
    expect(stream.length).toBeGreaterThan(0);
    expect(stream).not.toContain('Zebraquartz');

    // Many broadcasts later, the stream holds about MAX_LEN entries, not all of them.
    const decks = [deck, keep(await host(one.url, HOST_KEY)).socket, keep(await host(two.url, HOST_KEY)).socket];
    let i = 0;
    expect(await deck.emitWithAck('activity:open', { activityId: 'check-force.before' })).toEqual({ ok: true });
    await until(async () => {
      // Commands over the flood guard's limit are refused and broadcast nothing, and so is a
      // command that changes nothing (each change reaches a screen once): the loop goes on until enough were.
      await Promise.all(decks.map((d) => d.emitWithAck(i++ % 2 ? 'activity:lock' : 'activity:unlock', { activityId: 'check-force.before' })));
      const added = (await client.xInfoStream(STREAM))['entries-added'];
      return added > 3 * MAX_LEN;
    });
    expect(await client.xLen(STREAM)).toBeLessThanOrEqual(2 * MAX_LEN);
    const ttl = await client.pTTL(STREAM);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(STREAM_TTL_MS);
  });

  it('expires an ended workshop, and purges, deletes and reports in Redis', async () => {
    const first = await kit();
    await askThree(first, first);
    const [ended] = await listWorkshops(client);
    if (!ended) throw new Error('no workshop');
    await first.kill();
    kits = [];
    // A new workshop becomes the running one: every key of the first now expires, within 30 days.
    await kit(['--new']);
    const keysOf = async (id: string): Promise<string[]> => (await client.keys(`kit:${id}:*`)).sort();
    const keys = await keysOf(ended.id);
    expect(keys).toContain(`kit:${ended.id}:qa`);
    // The lease of the process sending tallies has its own expiry, of seconds.
    for (const key of keys.filter((k) => !k.endsWith(':leader'))) {
      const ttl = await client.pTTL(key);
      expect(ttl, key).toBeGreaterThan(29 * DAY);
      expect(ttl, key).toBeLessThanOrEqual(30 * DAY);
    }
    for (const k of kits.splice(0)) await k.kill();

    // Created 40 days ago (as if): purge keeps its counts only, in Redis.
    await client.hSet('kit:workshops', ended.id, JSON.stringify({ ...ended, createdAt: Date.now() - 40 * DAY }));
    // Stored as written (no LZF compression hiding a text in the file's snapshot part).
    await client.configSet('rdbcompression', 'no');
    expect((await appendOnlyText()).includes('Zebraquartz')).toBe(true);
    const purged = script('purge.ts', ['--older-than', '30d']);
    expect(purged.stderr).toBe('');
    expect(purged.stdout.trim()).toBe(`purged 1 workshop in Redis: ${ended.code}`);
    const left = await keysOf(ended.id);
    expect(left.filter((k) => /:(qa|joined|ballots|tally|votes)$/.test(k))).toEqual([]);
    expect(left).toContain(`kit:${ended.id}:kept`);
    const record = (await listWorkshops(client)).find((w) => w.id === ended.id);
    expect(record?.salt).not.toBe(ended.salt);
    expect(record?.hostKey).not.toBe(ended.hostKey);
    expect(JSON.stringify(await client.hGetAll('kit:workshops'))).not.toContain(ended.salt);
    // Not in what Redis keeps on disk either: its append-only file was rewritten (Redis
    // unlinks the old parts in the background, a moment after the rewrite).
    const onDisk = async (): Promise<boolean> => {
      const text = await appendOnlyText();
      return text.includes('Zebraquartz') || text.includes(ended.salt);
    };
    for (let tries = 0; tries < 50 && (await onDisk()); tries++) await new Promise((ok) => setTimeout(ok, 100));
    expect(await onDisk()).toBe(false);

    // The report of the purged workshop reads what purge kept.
    const out = join(ROOT, 'dist', `redis-report-${ended.code}.html`);
    const report = script('report.ts', ['--out', out, '--workshop', ended.code]);
    expect(report.stderr).toBe('');
    expect(report.status).toBe(0);
    expect(readFileSync(out, 'utf8').includes('Zebraquartz')).toBe(false);

    // Deleted: nothing of it is left.
    const gone = script('purge.ts', ['--workshop', ended.code]);
    expect(gone.stdout.trim()).toBe(`deleted workshop ${ended.code} and everything of it from Redis`);
    expect(await keysOf(ended.id)).toEqual([]);
    expect((await listWorkshops(client)).map((w) => w.id)).not.toContain(ended.id);
  });
});
