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
 * storm kills one of the processes; its phones go to the others, and it is restarted. Then,
 * on a fresh kit, one process is killed while phones on another keep answering, and the
 * presenter times the pause in its tallies (`process-death.ts`). Two more runs tell the costs
 * apart: the scenarios on one process on Redis (Redis's own cost, `redis_one_*`), and the join
 * on two bare socket.io servers (a second process's own cost, `split-floor.ts`).
 *
 * The phones open their connection as the phone page does (client/connection/options.ts:
 * a websocket first, long-polling when it fails). `--network` names where they are: `open`
 * (websockets pass), `polling-only` (a venue proxy that refuses websocket upgrades, so every
 * phone goes on over long-polling: network.ts), or `both` (the default). The polling-only
 * network runs the join, burst, reveal and the storm as phones reconnect, on one process and
 * on N, each on a fresh kit, with figures of its own (`polling_only_*`).
 *
 * This file only reads the flags, runs the kits in order and writes the result; each
 * scenario has its own file (`join.ts`, `burst.ts`, `reveal.ts`, `storm.ts`).
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { ensureClientBuilt } from '../server/build/ensure-built.ts';
import { DEFAULT_REGION } from '../server/regions/name.ts';
import { BURST } from './burst.ts';
import { ROOT } from './children.ts';
import { deathFigures, networkFigures, redisOneFigures, runFigures, sharedFigures } from './figures.ts';
import { baselineKit, oneProcess, processes, type Kit } from './kits.ts';
import { venue, type Network } from './network.ts';
import { processDeath, type ProcessDeath } from './process-death.ts';
import { print, printPollingOnly, printShared } from './print.ts';
import { runKit, scenarios, scenariosAndStorm, type KitRun, type NetworkRun, type Run } from './scenarios.ts';
import { slowPhone } from './slow-phone.ts';
import { splitJoinCpu } from './split-floor.ts';
import type { Stored } from './stored.ts';
import { reconnectStorm } from './storm.ts';
import type { Crowd } from './swarm-control.ts';

const { values } = parseArgs({
  options: {
    attendees: { type: 'string', default: '2000' },
    out: { type: 'string', default: 'bench-results.json' },
    workers: { type: 'string' },
    profile: { type: 'string' },
    'join-spread': { type: 'string', default: '30' },
    processes: { type: 'string', default: '1' },
    network: { type: 'string', default: 'both' },
  },
});
if (!['open', 'polling-only', 'both'].includes(values.network)) throw new Error('--network must be open, polling-only or both');
const networks: Network[] = values.network === 'both' ? ['open', 'polling-only'] : [values.network as Network];
const processCount = Number(values.processes);
if (!Number.isInteger(processCount) || processCount < 1) throw new Error('--processes must be a positive whole number');
/** Over how long people join, as they scan the QR code (milliseconds). */
const spreadMs = Number(values['join-spread']) * 1000;
if (!Number.isFinite(spreadMs) || spreadMs < 0) throw new Error('--join-spread must be a number of seconds');
const attendees = Number(values.attendees);
const workerCount = Number(values.workers ?? Math.max(2, Math.min(8, Math.ceil(attendees / 1000))));
if (!Number.isInteger(attendees) || attendees < 1) throw new Error('--attendees must be a positive whole number');
const crowd: Crowd = { attendees, workers: workerCount, spreadMs };
const profiling = Boolean(values.profile);

async function main(): Promise<void> {
  console.log(`Benchmark: ${attendees} attendees, ${workerCount} client workers, ${cpus().length} cores, networks: ${networks.join(', ')}. Building...`);
  if (!ensureClientBuilt(ROOT, DEFAULT_REGION, console.log)) throw new Error('build failed');
  const open = networks.includes('open');

  // The kit, one process: the scenarios, then the reconnect storms (kill -9 in the middle of a
  // burst, restart on the same data folder), first with phones that reconnect as real phones
  // do, then the stampede, the worst case.
  let single: KitRun | undefined;
  let weak: { first_question_ms: number; transferred_kb: number } | undefined;
  if (open) {
    const kit = await oneProcess(values.profile);
    single = await runKit(kit, 'kit', crowd, profiling);
    // One more phone, alone on a weak network, opens the page while the question is open.
    weak = await slowPhone(`${kit.urls[0]}/`);
    await kit.stop();
  }

  // The same on several processes sharing Redis.
  let shared: KitRun | undefined;
  let death: ProcessDeath | undefined;
  let redisOne: Run | undefined;
  let redisOneStored: Stored | undefined;
  if (open && processCount > 1) {
    const kit = await processes(processCount, values.profile);
    shared = await runKit(kit, 'shared', crowd, profiling);
    await kit.stop();
    // Redis's own cost, apart from the second process's: the scenarios on one process on Redis.
    const alone = await processes(1);
    redisOne = await scenarios(alone, 'redis-one', crowd);
    redisOneStored = await alone.stored(BURST.activityId, redisOne.acked_devices);
    await alone.stop();
    // A fresh kit: its first process killed while phones on the last keep answering.
    const dying = await processes(processCount);
    death = await processDeath(dying);
    await dying.stop();
  }

  // The polling-only network: fresh kits (their CPU and peak memory are the network's own),
  // one process and then N, the phones behind a proxy that refuses websockets.
  const pollingOnly: Record<string, number> = {};
  if (networks.includes('polling-only')) {
    const one = await behindProxy(await oneProcess(), 'blocked');
    Object.assign(pollingOnly, networkFigures('polling_only_', one.run, one.proxyCpu));
    if (processCount > 1) {
      const many = await behindProxy(await processes(processCount), 'blocked-shared');
      Object.assign(pollingOnly, networkFigures('polling_only_shared_', many.run, many.proxyCpu));
    }
  }

  if (!single) {
    const result = { attendees, workers: workerCount, cores: cpus().length, join_spread_s: spreadMs / 1000, processes: processCount, ...pollingOnly };
    printPollingOnly(result);
    finish(result);
    return;
  }
  const { run: ours, stored, phoneStorm, stampede } = single;

  // The baseline, on a fresh port, same scenarios; then its own kill -9 and restart (it keeps
  // nothing, so only how fast phones are back is compared): the floor socket.io sets.
  const baseline = await baselineKit();
  const theirs = await scenarios(baseline, 'base', crowd);
  const baseStored = await baseline.stored(BURST.activityId, theirs.acked_devices);
  const baseStorm = await reconnectStorm(baseline, 'phone', 'base-restart', crowd);
  await baseline.stop();
  // With --processes N: what a second process costs by itself, on bare socket.io.
  const splitJoin = processCount > 1 ? await splitJoinCpu(crowd) : undefined;

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
    baseline_stored: baseStored.rows,
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
    restart_polling: phoneStorm.polling,
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
    ...(shared ? sharedFigures(processCount, shared, ours) : {}),
    ...(splitJoin === undefined ? {} : { baseline_join_cpu_s: theirs.join_cpu_s, baseline_split_join_cpu_s: splitJoin, ratio_split_floor_join: Math.round((100 * splitJoin) / theirs.join_cpu_s) / 100 }),
    ...(redisOne && redisOneStored ? redisOneFigures(redisOne, redisOneStored, ours) : {}),
    ...(death ? deathFigures(death) : {}),
    slow_phone_first_question_ms: weak?.first_question_ms ?? NaN,
    slow_phone_transferred_kb: weak?.transferred_kb ?? NaN,
    ...pollingOnly,
  };
  print(result);
  if (shared) printShared(result);
  if (networks.includes('polling-only')) printPollingOnly(result);
  finish(result);
}

/** The scenarios and the storm on `kit` with its phones behind a proxy that refuses websockets; stops the kit. */
async function behindProxy(kit: Kit, tag: string): Promise<{ run: NetworkRun; proxyCpu: number }> {
  const proxy = await venue('polling-only', kit.urls, attendees);
  try {
    const run = await scenariosAndStorm(kit, tag, crowd, proxy.urls);
    return { run, proxyCpu: await proxy.cpu_s() };
  } finally {
    proxy.stop();
    await kit.stop();
  }
}

function finish(result: Record<string, number>): void {
  writeFileSync(values.out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nWritten to ${values.out}`);
  process.exit(0);
}

await main();
