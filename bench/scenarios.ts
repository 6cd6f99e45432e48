/**
 * The scenarios in the order a workshop meets them: on one kit, people join, answer in a
 * burst and see the reveal, one presenter and one swarm throughout; then the reconnect
 * storms, as phones do and as the stampede. The phones reach the kit at `phoneUrls` (the
 * kit's own, or a venue proxy's: network.ts); the presenter, on the laptop, at the kit's.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { answerBurst, BURST, lastTotal } from './burst.ts';
import { joinRoom } from './join.ts';
import { serverMetrics, type Kit } from './kits.ts';
import { presenter } from './presenter.ts';
import { reveal } from './reveal.ts';
import { round } from './stats.ts';
import { reconnectStorm, type Storm } from './storm.ts';
import type { Stored } from './stored.ts';
import { Swarm, type Crowd } from './swarm-control.ts';

/** The join, burst and reveal figures of one kit. */
export interface Run {
  connected: number;
  /** Phones that ended on long-polling (their websocket refused or hung). */
  connected_polling: number;
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
  /** The servers' CPU (all processes) from the phones' joining to the reveal: `cpu_s` less each process's start. */
  scenario_cpu_s: number;
  /** The servers' CPU (all processes) while the phones joined, and their peak memory once joined. */
  join_cpu_s: number;
  join_rss_peak_mb: number;
  /** Redis's CPU while the phones joined, and in all once the reveal is out (kits on Redis only). */
  join_redis_cpu_s?: number;
  redis_cpu_s?: number;
  /** Answers acknowledged per second, from the burst's start to its last ack. */
  burst_acks_per_s: number;
  /** The last tally the presenter was sent for the burst. */
  last_total: number;
  acked_devices: Set<string>;
}

/** The kit as the scenarios see it: its processes, and its Redis when it has one. */
export type Target = Pick<Kit, 'urls' | 'servers' | 'redisCpu'>;

/** Join, answer burst and reveal against `kit`, its phones at `phoneUrls`. */
export async function scenarios(kit: Target, tag: string, crowd: Crowd, phoneUrls = kit.urls): Promise<Run> {
  const host = await presenter(kit.urls[0] ?? '');
  await host.socket.emitWithAck('activity:open', { activityId: BURST.activityId });
  const swarm = await Swarm.start(crowd.attendees, crowd.workers, tag);
  const before = await serverMetrics(kit.servers);
  const redisBefore = await kit.redisCpu?.();
  const { swarm_cpu_s, ...joined } = await joinRoom(swarm, phoneUrls, crowd.spreadMs);
  const join = await serverMetrics(kit.servers);
  const joinRedis = await kit.redisCpu?.();
  await sleep(500);
  const { swarm_cpu: burstCpu, ...burst } = await answerBurst(swarm, host);
  const { swarm_cpu: revealCpu, ...revealed } = await reveal(swarm, host, BURST.activityId);
  const metrics = await serverMetrics(kit.servers);
  const redis = await kit.redisCpu?.();
  host.socket.close();
  swarm.close();
  return {
    ...joined,
    join_cpu_s: round(join.cpu_s - before.cpu_s),
    scenario_cpu_s: round(metrics.cpu_s - before.cpu_s),
    join_rss_peak_mb: join.rss_peak_mb,
    ...(redisBefore === undefined || joinRedis === undefined || redis === undefined ? {} : { join_redis_cpu_s: round(joinRedis - redisBefore), redis_cpu_s: round(redis) }),
    swarm_cpu_s,
    swarm_cpu_s_burst: round(burstCpu + revealCpu),
    sent: crowd.attendees,
    ...burst,
    ...revealed,
    ...metrics,
    last_total: lastTotal(host),
  };
}

/** The scenarios and the storm as phones reconnect, on one kit. */
export interface NetworkRun {
  run: Run;
  stored: Stored;
  phoneStorm: Storm;
}

/** Everything measured on one kit: the scenarios and both storms. */
export interface KitRun extends NetworkRun {
  stampede: Storm;
}

/** The scenarios, then the storm with phones reconnecting as phones do, on `kit`, its phones at `phoneUrls`. */
export async function scenariosAndStorm(kit: Kit, tag: string, crowd: Crowd, phoneUrls = kit.urls): Promise<NetworkRun> {
  const run = await scenarios(kit, tag, crowd, phoneUrls);
  const stored = await kit.stored(BURST.activityId, run.acked_devices);
  const phoneStorm = await reconnectStorm(kit, 'phone', `${tag}-restart`, crowd, phoneUrls);
  return { run, stored, phoneStorm };
}

/** The scenarios, then the reconnect storms (as phones do, then the stampede), on one kit. */
export async function runKit(kit: Kit, tag: string, crowd: Crowd, profiling: boolean): Promise<KitRun> {
  const first = await scenariosAndStorm(kit, tag, crowd);
  if (profiling) await kit.endProfile?.();
  const stampede = await reconnectStorm(kit, 'stampede', `${tag}-stampede`, crowd);
  return { ...first, stampede };
}
