/**
 * The scenarios in the order a workshop meets them: on one kit, people join, answer in a
 * burst and see the reveal, one presenter and one swarm throughout; then the reconnect
 * storms, as phones do and as the stampede.
 */
import type { ChildProcess } from 'node:child_process';
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

/** Join, answer burst and reveal against the servers at `urls`. */
export async function scenarios(urls: string[], servers: ChildProcess[], tag: string, crowd: Crowd): Promise<Run> {
  const host = await presenter(urls[0] ?? '');
  await host.socket.emitWithAck('activity:open', { activityId: BURST.activityId });
  const swarm = await Swarm.start(crowd.attendees, crowd.workers, tag);
  const { swarm_cpu_s, ...joined } = await joinRoom(swarm, urls, crowd.spreadMs);
  await sleep(500);
  const { swarm_cpu: burstCpu, ...burst } = await answerBurst(swarm, host);
  const { swarm_cpu: revealCpu, ...revealed } = await reveal(swarm, host, BURST.activityId);
  const metrics = await serverMetrics(servers);
  host.socket.close();
  swarm.close();
  return {
    ...joined,
    swarm_cpu_s,
    swarm_cpu_s_burst: round(burstCpu + revealCpu),
    sent: crowd.attendees,
    ...burst,
    ...revealed,
    ...metrics,
    last_total: lastTotal(host),
  };
}

/** Everything measured on one kit. */
export interface KitRun {
  run: Run;
  stored: Stored;
  phoneStorm: Storm;
  stampede: Storm;
}

/** The scenarios, then the reconnect storms (as phones do, then the stampede), on one kit. */
export async function runKit(kit: Kit, tag: string, crowd: Crowd, profiling: boolean): Promise<KitRun> {
  const run = await scenarios(kit.urls, kit.servers, tag, crowd);
  const stored = await kit.stored(BURST.activityId, run.acked_devices);
  const phoneStorm = await reconnectStorm(kit, 'phone', `${tag}-restart`, crowd);
  if (profiling) await kit.endProfile?.();
  const stampede = await reconnectStorm(kit, 'stampede', `${tag}-stampede`, crowd);
  return { run, stored, phoneStorm, stampede };
}
