/**
 * `npm run bench [-- --attendees N --out FILE]`: the live room under a packed town hall.
 *
 * Starts the real kit (production build, its own temp data folder) as a child process,
 * simulates N phones from worker processes plus a presenter, and runs: people joining (as
 * they scan a QR code, over --join-spread seconds), an answer burst, a reveal, and a
 * reconnect storm (kill -9 mid-burst, restart on the same data folder) with phones
 * reconnecting as the phone page does (socket.io's randomized backoff). The stampede (every
 * socket at once, fast retries) is run too, as the named worst case. Runs the scenarios
 * against a bare in-memory socket.io baseline on the same machine in the same run, and
 * prints both with their ratio, and the client swarm's CPU beside the server's.
 *
 * `--processes N` (N > 1) then runs the same scenarios on N kit processes sharing one
 * redis-server (Debian's, started on a free port with AOF), phones spread over them as by a
 * load balancer, and prints the figures side by side with one process and their ratio. Its
 * storm kills one of the processes; its phones go to the others, and it is restarted.
 */
import Database from 'better-sqlite3';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { io, type Socket } from 'socket.io-client';
import type { RedisClientType } from 'redis';
import { ensureClientBuilt } from '../server/build/ensure-built.ts';
import { activityKeys } from '../server/redis/ballots.ts';
import { listWorkshops } from '../server/redis/workshop-records.ts';
import { PROTOCOL_VERSION, type RoomState, type Snapshot } from '../server/protocol.ts';
import { ballotKey, phoneKey } from '../server/privacy/keys.ts';
import { redisClient, startRedis } from '../tests/helpers/redis.ts';
import { slowPhone } from './slow-phone.ts';
import type { Arrival, WorkerCommand, WorkerReport } from './swarm.ts';

const ROOT = resolve(import.meta.dirname, '..');
const HOST_KEY = 'benchmark-host-key-0001';
const BURST = { activityId: 'check-force.after', choices: 3, min: 0 };
const RESTART = { activityId: 'reflect-signs.after', choices: 5, min: 1 };
const STAMPEDE = { activityId: 'reflect-talk.after', choices: 5, min: 1 };
const WINDOW_MS = 1000;

const { values } = parseArgs({
  options: {
    attendees: { type: 'string', default: '2000' },
    out: { type: 'string', default: 'bench-results.json' },
    workers: { type: 'string' },
    profile: { type: 'string' },
    'join-spread': { type: 'string', default: '30' },
    processes: { type: 'string', default: '1' },
  },
});
const processCount = Number(values.processes);
if (!Number.isInteger(processCount) || processCount < 1) throw new Error('--processes must be a positive whole number');
/** Over how long people join, as they scan the QR code (milliseconds). */
const spreadMs = Number(values['join-spread']) * 1000;
if (!Number.isFinite(spreadMs) || spreadMs < 0) throw new Error('--join-spread must be a number of seconds');
const attendees = Number(values.attendees);
const workerCount = Number(values.workers ?? Math.max(2, Math.min(8, Math.ceil(attendees / 1000))));
if (!Number.isInteger(attendees) || attendees < 1) throw new Error('--attendees must be a positive whole number');

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
const pct = (list: number[], p: number): number => {
  if (list.length === 0) return NaN;
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
const round = (n: number): number => Math.round(n * 10) / 10;

function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

/** Starts a server child and resolves once it prints that it is ready. */
function startChild(script: string, args: string[], execArgv: string[] = [], env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = fork(join(ROOT, script), args, { cwd: ROOT, silent: true, execArgv, env: { ...process.env, ...env } });
  return new Promise((ok, fail) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Press Ctrl+C to stop')) ok(child);
    });
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => fail(new Error(`${script} exited (${code}): ${out}`)));
  });
}

function ask<T>(child: ChildProcess, message: unknown, test: (m: T) => boolean = () => true): Promise<T> {
  return new Promise((ok) => {
    const on = (m: T): void => {
      if (!test(m)) return;
      child.off('message', on);
      ok(m);
    };
    child.on('message', on);
    child.send(message as never);
  });
}

/** The phones, spread over worker processes. */
class Swarm {
  private readonly workers: ChildProcess[] = [];
  constructor(readonly devices: string[][]) {}

  static async start(n: number, w: number, tag: string): Promise<Swarm> {
    const devices: string[][] = Array.from({ length: w }, () => []);
    for (let i = 0; i < n; i++) devices[i % w]?.push(`${tag}-phone-${String(i).padStart(12, '0')}`);
    const swarm = new Swarm(devices);
    for (let i = 0; i < w; i++) swarm.workers.push(fork(join(ROOT, 'bench/swarm.ts'), [], { execArgv: ['--import', 'tsx'], cwd: ROOT }));
    return swarm;
  }

  async all<R extends WorkerReport>(command: WorkerCommand | ((i: number) => WorkerCommand), reply: R['cmd']): Promise<R[]> {
    return Promise.all(this.workers.map((w, i) => ask<R>(w, typeof command === 'function' ? command(i) : command, (m) => m.cmd === reply)));
  }

  close(): void {
    for (const w of this.workers) w.send({ cmd: 'close' } satisfies WorkerCommand);
  }
}

/** The presenter: opens and reveals activities, and records every tally it is sent. */
async function presenter(url: string): Promise<{ socket: Socket; tallies: { at: number; snap: Snapshot }[]; state: RoomState }> {
  const socket = io(url, { forceNew: true, transports: ['websocket'], auth: { v: PROTOCOL_VERSION, hostKey: HOST_KEY }, reconnectionDelay: 250, reconnectionDelayMax: 1000 });
  const tallies: { at: number; snap: Snapshot }[] = [];
  socket.on('activity:snapshot', (snap: Snapshot) => tallies.push({ at: Date.now(), snap }));
  const state = await new Promise<RoomState>((ok) => socket.once('room:state', ok));
  return { socket, tallies, state };
}

interface Run {
  connected: number;
  connect_retried: number;
  swarm_cpu_s: number;
  /** The client swarm's CPU during the answer burst and the reveal. */
  swarm_cpu_s_burst: number;
  connect_p95_ms: number;
  connect_all_ms: number;
  sent: number;
  acked: number;
  ack_p50_ms: number;
  ack_p95_ms: number;
  ack_p99_ms: number;
  final_tally_ms: number;
  reveal_all_ms: number;
  reveal_missing: number;
  rss_peak_mb: number;
  cpu_s: number;
  event_loop_p99_ms: number;
  /** Answers acknowledged per second, from the burst's start to its last ack. */
  burst_acks_per_s: number;
  /** The last tally the presenter was sent for the burst. */
  last_total: number;
  acked_devices: Set<string>;
}

/** Join storm, answer burst and reveal against the server at `url`. */
async function scenarios(urls: string[], servers: ChildProcess[], tag: string): Promise<Run> {
  const host = await presenter(urls[0] ?? '');
  await host.socket.emitWithAck('activity:open', { activityId: BURST.activityId });
  const swarm = await Swarm.start(attendees, workerCount, tag);
  const stormStart = performance.now();
  const joined = await swarm.all<Extract<WorkerReport, { cmd: 'connected' }>>((i) => ({ cmd: 'connect', urls, devices: swarm.devices[i] ?? [], arrival: 'phone', spreadMs }), 'connected');
  const connectAll = performance.now() - stormStart;
  const durations = joined.flatMap((r) => r.durations);
  await sleep(500);

  const burstAt = Date.now();
  const answered = await swarm.all<Extract<WorkerReport, { cmd: 'answered' }>>({ cmd: 'answer', ...BURST, windowMs: WINDOW_MS, deadlineMs: 60_000 }, 'answered');
  const acks = answered.flatMap((r) => r.acks);
  const ackedDevices = new Set(acks.map((a) => a.device));
  const lastAck = Math.max(...acks.map((a) => a.at));
  await sleep(1500);
  const finalTally = host.tallies.find((t) => t.snap.activityId === BURST.activityId && t.snap.total >= ackedDevices.size);

  const watching = swarm.all<Extract<WorkerReport, { cmd: 'watched' }>>({ cmd: 'watch', activityId: BURST.activityId, timeoutMs: 30_000 }, 'watched');
  await sleep(200);
  const revealAt = Date.now();
  await host.socket.emitWithAck('activity:reveal', { activityId: BURST.activityId });
  const watched = await watching;
  const seen = watched.flatMap((r) => r.times);

  const metrics = await serverMetrics(servers);
  host.socket.close();
  swarm.close();
  const latencies = acks.map((a) => a.latency);
  return {
    connected: durations.length,
    connect_retried: joined.reduce((n, r) => n + r.retried, 0),
    swarm_cpu_s: round(joined.reduce((n, r) => n + r.cpu_s, 0)),
    swarm_cpu_s_burst: round(answered.reduce((n, r) => n + r.cpu_s, 0) + watched.reduce((n, r) => n + r.cpu_s, 0)),
    connect_p95_ms: round(pct(durations, 95)),
    connect_all_ms: round(connectAll),
    sent: attendees,
    acked: acks.length,
    ack_p50_ms: round(pct(latencies, 50)),
    ack_p95_ms: round(pct(latencies, 95)),
    ack_p99_ms: round(pct(latencies, 99)),
    final_tally_ms: finalTally ? Math.max(0, finalTally.at - lastAck) : NaN,
    reveal_all_ms: seen.length ? Math.max(...seen) - revealAt : NaN,
    reveal_missing: watched.reduce((n, r) => n + r.missing, 0),
    ...metrics,
    burst_acks_per_s: Math.round(acks.length / ((lastAck - burstAt) / 1000)),
    last_total: host.tallies.filter((t) => t.snap.activityId === BURST.activityId).at(-1)?.snap.total ?? NaN,
    acked_devices: ackedDevices,
  };
}

interface Storm {
  acked: number;
  stored: number;
  lost: number;
  duplicated: number;
  tally: number;
  /** Phones in sync within 10 s of the kill (never dropped, or had the room's state again), and of the restarted server being ready. */
  resynced_10s_after_kill_pct: number;
  resynced_10s_after_ready_pct: number;
  resynced_p95_after_ready_ms: number;
  /** Phones that never lost their connection (on a process not killed). */
  kept_pct: number;
  restart_ms: number;
  swarm_cpu_s: number;
  server_cpu_s: number;
}

/** The kit under test: one process on a data folder, or several sharing one Redis. */
interface Kit {
  urls: string[];
  servers: ChildProcess[];
  /** kill -9 the first process and start it again on the same data (as systemd would); resolves when it is ready. */
  killFirst(): Promise<{ killedAt: number; restarted: Promise<number> }>;
  /** Ballots stored for an activity, and how many distinct phones they stand for. */
  stored(activityId: string, devices: Set<string>): Promise<{ rows: number; distinct: number; lost: number }>;
  /** --profile: stops the profiled process gently (so it writes its profile) and starts a plain one. */
  endProfile?(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * kill -9 in the middle of an answer burst, restart on the same data, and measure how
 * the phones come back (`arrival`: as phones do, or the stampede) and what was kept.
 */
async function reconnectStorm(kit: Kit, arrival: Arrival, tag: string): Promise<Storm> {
  const target = arrival === 'phone' ? RESTART : STAMPEDE;
  const host = await presenter(kit.urls.at(-1) ?? '');
  await host.socket.emitWithAck('activity:open', { activityId: target.activityId });
  const swarm = await Swarm.start(attendees, workerCount, tag);
  await swarm.all((i) => ({ cmd: 'connect', urls: kit.urls, devices: swarm.devices[i] ?? [], arrival, spreadMs: Math.min(spreadMs, 10_000) }), 'connected');
  await sleep(500);
  const burst = swarm.all<Extract<WorkerReport, { cmd: 'answered' }>>({ cmd: 'answer', ...target, windowMs: WINDOW_MS, deadlineMs: 60_000 }, 'answered');
  await sleep(WINDOW_MS / 2);
  const { killedAt, restarted } = await kit.killFirst();
  const readyAt = await restarted;
  const resynced = await swarm.all<Extract<WorkerReport, { cmd: 'resynced' }>>({ cmd: 'resync', since: killedAt, timeoutMs: 30_000 }, 'resynced');
  const answers = (await burst).flatMap((r) => r.acks);
  const devices = new Set(answers.map((a) => a.device));
  await sleep(1000);
  const kept = await kit.stored(target.activityId, devices);
  const check = await presenter(kit.urls[0] ?? '');
  const tally = check.state.snapshots?.find((x) => x.activityId === target.activityId)?.total ?? NaN;
  const metrics = await serverMetrics(kit.servers);
  host.socket.close();
  check.socket.close();
  swarm.close();
  const times = resynced.flatMap((r) => r.times);
  const never = resynced.reduce((n, r) => n + r.kept, 0);
  const share = (n: number): number => round((100 * n) / attendees);
  return {
    acked: devices.size,
    stored: kept.rows,
    lost: kept.lost + (attendees - devices.size),
    duplicated: kept.rows - kept.distinct + Math.max(0, tally - kept.distinct),
    tally,
    resynced_10s_after_kill_pct: share(never + times.filter((t) => t - killedAt <= 10_000).length),
    resynced_10s_after_ready_pct: share(never + times.filter((t) => t - readyAt <= 10_000).length),
    resynced_p95_after_ready_ms: round(pct(times.map((t) => t - readyAt), 95)),
    kept_pct: share(never),
    restart_ms: readyAt - killedAt,
    swarm_cpu_s: round(resynced.reduce((s, r) => s + r.cpu_s, 0)),
    server_cpu_s: metrics.cpu_s,
  };
}

/** The servers' figures together: CPU added up, the largest peak memory and event-loop delay. */
async function serverMetrics(servers: ChildProcess[]): Promise<{ rss_peak_mb: number; cpu_s: number; event_loop_p99_ms: number }> {
  const all = await Promise.all(servers.map((s) => ask<{ rss_peak_mb: number; cpu_s: number; event_loop_p99_ms: number }>(s, 'metrics', (m) => 'rss_peak_mb' in (m as object))));
  return {
    rss_peak_mb: Math.max(...all.map((m) => m.rss_peak_mb)),
    cpu_s: round(all.reduce((n, m) => n + m.cpu_s, 0)),
    event_loop_p99_ms: Math.max(...all.map((m) => m.event_loop_p99_ms)),
  };
}

/** Ballots stored in a data folder for an activity, and how many distinct phones they stand for. */
function sqliteBallots(dataDir: string, activityId: string, devices: Set<string>) {
  const db = new Database(join(dataDir, 'workshops.sqlite'), { readonly: true });
  const workshop = db.prepare('SELECT id, salt FROM workshops ORDER BY created_at DESC, rowid DESC LIMIT 1').get() as { id: string; salt: string };
  const voters = (db.prepare('SELECT voter FROM ballots WHERE workshop_id = ? AND activity_id = ?').all(workshop.id, activityId) as { voter: string }[]).map((r) => r.voter);
  db.close();
  const stored = new Set(voters);
  const lost = [...devices].filter((d) => !stored.has(ballotKey(workshop.salt, phoneKey(workshop.salt, d), activityId))).length;
  return { rows: voters.length, distinct: stored.size, lost };
}

/** The same in Redis: one hash per activity, so a phone has at most one ballot there (rows = distinct). */
async function redisBallots(redis: RedisClientType, activityId: string, devices: Set<string>) {
  const [workshop] = await listWorkshops(redis);
  if (!workshop) throw new Error('no workshop in Redis');
  const key = activityKeys(workshop.id, activityId).ballots;
  const rows = await redis.hLen(key);
  const wanted = [...devices].map((d) => ballotKey(workshop.salt, phoneKey(workshop.salt, d), activityId));
  const found = wanted.length ? await redis.hmGet(key, wanted) : [];
  return { rows, distinct: rows, lost: found.filter((v) => v === null).length };
}

/** One kit process on its own temp data folder (the laptop's way). */
async function oneProcess(): Promise<Kit> {
  const dataDir = mkdtempSync(join(tmpdir(), 'csec-bench-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const args = ['--port', String(port), '--data-dir', dataDir, '--host-key', HOST_KEY, '--public-url', url];
  const kit: Kit = {
    urls: [url],
    servers: [await startChild('bench/kit-server.mjs', args)],
    async killFirst() {
      const [first] = kit.servers;
      const killedAt = Date.now();
      first?.kill('SIGKILL');
      await new Promise((ok) => first?.once('exit', ok));
      // --profile DIR: the server restarted under the phones' reconnect writes a CPU profile there.
      const profile = values.profile && !profiled ? ['--cpu-prof', `--cpu-prof-dir=${resolve(values.profile)}`] : [];
      profiled ||= profile.length > 0;
      const restarted = startChild('bench/kit-server.mjs', args, profile).then((child) => {
        kit.servers[0] = child;
        return Date.now();
      });
      return { killedAt, restarted };
    },
    stored: async (activityId, devices) => sqliteBallots(dataDir, activityId, devices),
    async endProfile() {
      const [first] = kit.servers;
      first?.kill('SIGINT');
      await new Promise((ok) => first?.once('exit', ok));
      kit.servers[0] = await startChild('bench/kit-server.mjs', args);
    },
    async stop() {
      for (const s of kit.servers) s.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return kit;
}
let profiled = false;

/** `n` kit processes sharing one redis-server, phones spread over them. */
async function processes(n: number): Promise<Kit> {
  const redis = await startRedis();
  const client = await redisClient(redis.url);
  const ports = await Promise.all(Array.from({ length: n }, () => freePort()));
  const urls = ports.map((port) => `http://127.0.0.1:${port}`);
  // On Redis the kit keeps nothing in a data folder.
  const argsOf = (i: number): string[] => ['--port', String(ports[i]), '--host-key', HOST_KEY, '--public-url', urls[i] ?? ''];
  const env = { REDIS_URL: redis.url };
  const servers: ChildProcess[] = [];
  // One after the other: the first agrees the workshop with Redis, the rest join it.
  for (let i = 0; i < n; i++) servers.push(await startChild('bench/kit-server.mjs', argsOf(i), [], env));
  const kit: Kit = {
    urls,
    servers,
    async killFirst() {
      const [first] = servers;
      const killedAt = Date.now();
      first?.kill('SIGKILL');
      await new Promise((ok) => first?.once('exit', ok));
      const restarted = startChild('bench/kit-server.mjs', argsOf(0), [], env).then((child) => {
        servers[0] = child;
        return Date.now();
      });
      return { killedAt, restarted };
    },
    stored: (activityId, devices) => redisBallots(client, activityId, devices),
    async stop() {
      for (const s of servers) s.kill('SIGKILL');
      await client.quit();
      await redis.stop();
    },
  };
  return kit;
}

/** The bare socket.io baseline as a kit that can be killed and restarted (it keeps nothing). */
async function baselineKit(): Promise<Kit> {
  const port = await freePort();
  const args = [String(port)];
  const kit: Kit = {
    urls: [`http://127.0.0.1:${port}`],
    servers: [await startChild('bench/baseline-server.mjs', args)],
    async killFirst() {
      const [first] = kit.servers;
      const killedAt = Date.now();
      first?.kill('SIGKILL');
      await new Promise((ok) => first?.once('exit', ok));
      const restarted = startChild('bench/baseline-server.mjs', args).then((child) => {
        kit.servers[0] = child;
        return Date.now();
      });
      return { killedAt, restarted };
    },
    async stored(activityId, devices) {
      const { stored } = await ask<{ stored: string[] }>(kit.servers[0] as ChildProcess, 'stored', (m) => 'stored' in (m as object));
      const kept = new Set(stored.filter((k) => k.startsWith(`${activityId}\n`)).map((k) => k.split('\n')[1] ?? ''));
      return { rows: kept.size, distinct: kept.size, lost: [...devices].filter((d) => !kept.has(d)).length };
    },
    async stop() {
      for (const s of kit.servers) s.kill('SIGKILL');
    },
  };
  return kit;
}

/** The scenarios, then the reconnect storms (as phones do, then the stampede), on one kit. */
async function runKit(kit: Kit, tag: string) {
  const run = await scenarios(kit.urls, kit.servers, tag);
  const stored = await kit.stored(BURST.activityId, run.acked_devices);
  const phoneStorm = await reconnectStorm(kit, 'phone', `${tag}-restart`);
  if (values.profile) await kit.endProfile?.();
  const stampede = await reconnectStorm(kit, 'stampede', `${tag}-stampede`);
  return { run, stored, phoneStorm, stampede };
}

async function main(): Promise<void> {
  console.log(`Benchmark: ${attendees} attendees, ${workerCount} client workers, ${cpus().length} cores. Building...`);
  if (!ensureClientBuilt(ROOT, console.log)) throw new Error('build failed');

  // The kit, one process: the scenarios, then the reconnect storms (kill -9 in the middle of a
  // burst, restart on the same data folder), first with phones that reconnect as real phones
  // do, then the stampede, the worst case.
  const single = await oneProcess();
  const { run: ours, stored, phoneStorm, stampede } = await runKit(single, 'kit');
  // One more phone, alone on a weak network, opens the page while the question is open.
  const weak = await slowPhone(`${single.urls[0]}/`);
  await single.stop();

  // The same on several processes sharing Redis.
  let shared: Awaited<ReturnType<typeof runKit>> | undefined;
  if (processCount > 1) {
    const kit = await processes(processCount);
    shared = await runKit(kit, 'shared');
    await kit.stop();
  }

  // The baseline, on a fresh port, same scenarios; then its own kill -9 and restart (it keeps
  // nothing, so only how fast phones are back is compared): the floor socket.io sets.
  const baseline = await baselineKit();
  const theirs = await scenarios(baseline.urls, baseline.servers, 'base');
  const baseStored = await ask<{ stored: string[] }>(baseline.servers[0] as ChildProcess, 'stored', (m) => 'stored' in (m as object));
  const baseDevices = new Set(baseStored.stored.filter((k) => k.startsWith(`${BURST.activityId}\n`)).map((k) => k.split('\n')[1] ?? ''));
  const baseStorm = await reconnectStorm(baseline, 'phone', 'base-restart');
  await baseline.stop();

  const result = {
    attendees,
    workers: workerCount,
    cores: cpus().length,
    ...runFigures('', ours, stored),
    connect_retried: ours.connect_retried,
    swarm_cpu_s_join: ours.swarm_cpu_s,
    sent: ours.sent,
    baseline_connected: theirs.connected,
    baseline_connect_p95_ms: theirs.connect_p95_ms,
    baseline_connect_all_ms: theirs.connect_all_ms,
    baseline_swarm_cpu_s_join: theirs.swarm_cpu_s,
    baseline_acked: theirs.acked,
    baseline_stored: baseDevices.size,
    baseline_ack_p50_ms: theirs.ack_p50_ms,
    baseline_ack_p95_ms: theirs.ack_p95_ms,
    baseline_ack_p99_ms: theirs.ack_p99_ms,
    baseline_final_tally_ms: theirs.final_tally_ms,
    baseline_reveal_all_ms: theirs.reveal_all_ms,
    baseline_rss_peak_mb: theirs.rss_peak_mb,
    baseline_cpu_s: theirs.cpu_s,
    baseline_event_loop_p99_ms: theirs.event_loop_p99_ms,
    ratio_ack_p95: Math.round((100 * ours.ack_p95_ms) / theirs.ack_p95_ms) / 100,
    ratio_rss: Math.round((100 * ours.rss_peak_mb) / theirs.rss_peak_mb) / 100,
    join_spread_s: spreadMs / 1000,
    swarm_cpu_s_burst: ours.swarm_cpu_s_burst,
    restart_ms: phoneStorm.restart_ms,
    restart_acked: phoneStorm.acked,
    restart_stored: phoneStorm.stored,
    restart_lost: phoneStorm.lost,
    restart_duplicated: phoneStorm.duplicated,
    restart_tally: phoneStorm.tally,
    resynced_10s_pct: phoneStorm.resynced_10s_after_ready_pct,
    resynced_10s_after_kill_pct: phoneStorm.resynced_10s_after_kill_pct,
    resynced_p95_after_ready_ms: phoneStorm.resynced_p95_after_ready_ms,
    restart_swarm_cpu_s: phoneStorm.swarm_cpu_s,
    restart_server_cpu_s: phoneStorm.server_cpu_s,
    stampede_restart_ms: stampede.restart_ms,
    stampede_acked: stampede.acked,
    stampede_lost: stampede.lost,
    stampede_duplicated: stampede.duplicated,
    stampede_resynced_10s_pct: stampede.resynced_10s_after_ready_pct,
    stampede_resynced_10s_after_kill_pct: stampede.resynced_10s_after_kill_pct,
    stampede_resynced_p95_after_ready_ms: stampede.resynced_p95_after_ready_ms,
    stampede_swarm_cpu_s: stampede.swarm_cpu_s,
    stampede_server_cpu_s: stampede.server_cpu_s,
    baseline_restart_ms: baseStorm.restart_ms,
    baseline_resynced_10s_after_kill_pct: baseStorm.resynced_10s_after_kill_pct,
    baseline_resynced_10s_pct: baseStorm.resynced_10s_after_ready_pct,
    baseline_resynced_p95_after_ready_ms: baseStorm.resynced_p95_after_ready_ms,
    baseline_restart_server_cpu_s: baseStorm.server_cpu_s,
    baseline_restart_swarm_cpu_s: baseStorm.swarm_cpu_s,
    ...(shared ? sharedFigures(shared, ours) : {}),
    slow_phone_first_question_ms: weak.first_question_ms,
    slow_phone_transferred_kb: weak.transferred_kb,
  };
  print(result);
  if (shared) printShared(result);
  writeFileSync(values.out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nWritten to ${values.out}`);
  process.exit(0);
}

/** A kit's join, burst and reveal figures, their names prefixed with `prefix`. */
function runFigures(prefix: string, run: Run, stored: { rows: number; distinct: number; lost: number }): Record<string, number> {
  const figures = {
    connected: run.connected,
    connect_p95_ms: run.connect_p95_ms,
    connect_all_ms: run.connect_all_ms,
    acked: run.acked,
    stored: stored.rows,
    lost: stored.lost + (run.sent - run.acked),
    // Counted twice: a second row for a phone (the unique key forbids it), or a tally above the phones stored.
    duplicated: stored.rows - stored.distinct + Math.max(0, run.last_total - stored.distinct),
    ack_p50_ms: run.ack_p50_ms,
    ack_p95_ms: run.ack_p95_ms,
    ack_p99_ms: run.ack_p99_ms,
    burst_acks_per_s: run.burst_acks_per_s,
    final_tally_ms: run.final_tally_ms,
    reveal_all_ms: run.reveal_all_ms,
    reveal_missing: run.reveal_missing,
    rss_peak_mb: run.rss_peak_mb,
    cpu_s: run.cpu_s,
    event_loop_p99_ms: run.event_loop_p99_ms,
  };
  return Object.fromEntries(Object.entries(figures).map(([key, value]) => [`${prefix}${key}`, value]));
}

/** The figures of the run on several processes, prefixed `shared_`, and how they scale against one. */
function sharedFigures({ run, stored, phoneStorm, stampede }: Awaited<ReturnType<typeof runKit>>, one: Run): Record<string, number> {
  return {
    processes: processCount,
    ...runFigures('shared_', run, stored),
    shared_restart_ms: phoneStorm.restart_ms,
    shared_restart_acked: phoneStorm.acked,
    shared_restart_lost: phoneStorm.lost,
    shared_restart_duplicated: phoneStorm.duplicated,
    shared_restart_kept_pct: phoneStorm.kept_pct,
    shared_resynced_10s_after_kill_pct: phoneStorm.resynced_10s_after_kill_pct,
    shared_resynced_p95_after_ready_ms: phoneStorm.resynced_p95_after_ready_ms,
    shared_restart_server_cpu_s: phoneStorm.server_cpu_s,
    shared_restart_swarm_cpu_s: phoneStorm.swarm_cpu_s,
    shared_stampede_lost: stampede.lost,
    shared_stampede_duplicated: stampede.duplicated,
    shared_stampede_resynced_10s_after_kill_pct: stampede.resynced_10s_after_kill_pct,
    // Above 1: the processes together took answers faster than one did.
    scaling_burst_acks_per_s: Math.round((100 * run.burst_acks_per_s) / one.burst_acks_per_s) / 100,
    scaling_ack_p95: Math.round((100 * one.ack_p95_ms) / run.ack_p95_ms) / 100,
  };
}

function printShared(r: Record<string, number>): void {
  const rows: [string, string, string][] = [
    ['connected', `${r.connected}`, `${r.shared_connected}`],
    ['join: p95 / all connected (ms)', `${r.connect_p95_ms} / ${r.connect_all_ms}`, `${r.shared_connect_p95_ms} / ${r.shared_connect_all_ms}`],
    ['acked / stored / lost / duplicated', `${r.acked} / ${r.stored} / ${r.lost} / ${r.duplicated}`, `${r.shared_acked} / ${r.shared_stored} / ${r.shared_lost} / ${r.shared_duplicated}`],
    ['ack p50 / p95 / p99 (ms)', `${r.ack_p50_ms} / ${r.ack_p95_ms} / ${r.ack_p99_ms}`, `${r.shared_ack_p50_ms} / ${r.shared_ack_p95_ms} / ${r.shared_ack_p99_ms}`],
    ['answers acknowledged per second', `${r.burst_acks_per_s}`, `${r.shared_burst_acks_per_s}`],
    ['last ack to final tally at presenter (ms)', `${r.final_tally_ms}`, `${r.shared_final_tally_ms}`],
    ['reveal to every phone (ms)', `${r.reveal_all_ms}`, `${r.shared_reveal_all_ms}`],
    ['peak RSS of one process (MB)', `${r.rss_peak_mb}`, `${r.shared_rss_peak_mb}`],
    ['server CPU, all processes (s)', `${r.cpu_s}`, `${r.shared_cpu_s}`],
    ['kill -9 mid-burst: lost / duplicated', `${r.restart_lost} / ${r.restart_duplicated}`, `${r.shared_restart_lost} / ${r.shared_restart_duplicated}`],
    ['  phones that kept their connection', '0%', `${r.shared_restart_kept_pct}%`],
    ['  in sync within 10 s of the kill', `${r.resynced_10s_after_kill_pct}%`, `${r.shared_resynced_10s_after_kill_pct}%`],
    ['  p95 back after the restart (ms)', `${r.resynced_p95_after_ready_ms}`, `${r.shared_resynced_p95_after_ready_ms}`],
    ['stampede: lost / duplicated / in sync in 10 s', `${r.stampede_lost} / ${r.stampede_duplicated} / ${r.stampede_resynced_10s_after_kill_pct}%`, `${r.shared_stampede_lost} / ${r.shared_stampede_duplicated} / ${r.shared_stampede_resynced_10s_after_kill_pct}%`],
  ];
  const w = [46, 30];
  console.log(`\n${'scenario'.padEnd(w[0] ?? 0)}${'one process (SQLite)'.padEnd(w[1] ?? 0)}${r.processes} processes (Redis)`);
  for (const [a, b, c] of rows) console.log(`${a.padEnd(w[0] ?? 0)}${b.padEnd(w[1] ?? 0)}${c}`);
  console.log(`scaling ratio, ${r.processes} processes over one: answers per second ${r.scaling_burst_acks_per_s}, ack p95 ${r.scaling_ack_p95} (above 1 is better)`);
}

function print(r: Record<string, number>): void {
  const rows: [string, string, string][] = [
    ['connected (first attempts retried)', `${r.connected} / ${r.attendees} (${r.connect_retried})`, `${r.baseline_connected}`],
    ['join storm: p95 / all connected (ms)', `${r.connect_p95_ms} / ${r.connect_all_ms}`, `${r.baseline_connect_p95_ms} / ${r.baseline_connect_all_ms}`],
    ['client swarm CPU during the join (s)', `${r.swarm_cpu_s_join}`, `${r.baseline_swarm_cpu_s_join}`],
    ['acked / stored / lost / duplicated', `${r.acked} / ${r.stored} / ${r.lost} / ${r.duplicated}`, `${r.baseline_acked} / ${r.baseline_stored} (memory) / ${(r.attendees ?? 0) - (r.baseline_stored ?? 0)} / -`],
    ['ack p50 / p95 / p99 (ms)', `${r.ack_p50_ms} / ${r.ack_p95_ms} / ${r.ack_p99_ms}`, `${r.baseline_ack_p50_ms} / ${r.baseline_ack_p95_ms} / ${r.baseline_ack_p99_ms}`],
    ['last ack to final tally at presenter (ms)', `${r.final_tally_ms}`, `${r.baseline_final_tally_ms}`],
    ['reveal to every phone (ms)', `${r.reveal_all_ms}`, `${r.baseline_reveal_all_ms}`],
    ['server peak RSS (MB)', `${r.rss_peak_mb}`, `${r.baseline_rss_peak_mb}`],
    ['server CPU (s)', `${r.cpu_s}`, `${r.baseline_cpu_s}`],
    ['client swarm CPU, burst and reveal (s)', `${r.swarm_cpu_s_burst}`, '-'],
    ['event-loop delay p99 (ms)', `${r.event_loop_p99_ms}`, `${r.baseline_event_loop_p99_ms}`],
  ];
  const w = [44, 30, 30];
  console.log(`\n${'scenario'.padEnd(w[0] ?? 0)}${'kit'.padEnd(w[1] ?? 0)}baseline`);
  for (const [a, b, c] of rows) console.log(`${a.padEnd(w[0] ?? 0)}${b.padEnd(w[1] ?? 0)}${c}`);
  console.log(`\nratio ack p95 ${r.ratio_ack_p95} (target <= 1.5), ratio RSS ${r.ratio_rss} (target <= 1.3)`);
  console.log(`a phone at 400 kbit/s and 400 ms latency: first question on screen after ${r.slow_phone_first_question_ms} ms (${r.slow_phone_transferred_kb} KB transferred)`);
  console.log(`people joined over ${r.join_spread_s} s, as they scan a QR code`);
  console.log(
    `kill -9 mid-burst, phones reconnecting as phones do: ${r.restart_acked} acked, ${r.restart_stored} stored, lost ${r.restart_lost}, duplicated ${r.restart_duplicated}; ` +
      `restart took ${r.restart_ms} ms; resynced within 10 s of the restart ${r.resynced_10s_pct}%, of the kill ${r.resynced_10s_after_kill_pct}% (p95 ${r.resynced_p95_after_ready_ms} ms after the restart); ` +
      `CPU while they came back: server ${r.restart_server_cpu_s} s, client swarm ${r.restart_swarm_cpu_s} s`,
  );
  console.log(
    `the baseline killed and restarted the same way (it keeps nothing; how fast phones are back): restart took ${r.baseline_restart_ms} ms; ` +
      `resynced within 10 s of the restart ${r.baseline_resynced_10s_pct}%, of the kill ${r.baseline_resynced_10s_after_kill_pct}% (p95 ${r.baseline_resynced_p95_after_ready_ms} ms); ` +
      `CPU: server ${r.baseline_restart_server_cpu_s} s, client swarm ${r.baseline_restart_swarm_cpu_s} s`,
  );
  console.log(
    `worst case, the stampede (every socket at once, retries from 250 ms): lost ${r.stampede_lost}, duplicated ${r.stampede_duplicated}; ` +
      `resynced within 10 s of the restart ${r.stampede_resynced_10s_pct}%, of the kill ${r.stampede_resynced_10s_after_kill_pct}% (p95 ${r.stampede_resynced_p95_after_ready_ms} ms); ` +
      `CPU: server ${r.stampede_server_cpu_s} s, client swarm ${r.stampede_swarm_cpu_s} s`,
  );
}

await main();
