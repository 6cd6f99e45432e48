/** The answer burst: every phone answers the open question within one second. */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Presenter } from './presenter.ts';
import { pct, round } from './stats.ts';
import type { Report, Swarm } from './swarm-control.ts';

/** The question of the burst and its choices. */
export const BURST = { activityId: 'check-force.after', choices: 3, min: 0 };
/** Over how long the phones of a burst answer, each at a random moment (ms). */
export const WINDOW_MS = 1000;

/** What the burst measured. */
export interface Burst {
  acked: number;
  ack_p50_ms: number;
  ack_p95_ms: number;
  ack_p99_ms: number;
  /** From the last ack to the presenter's tally counting every acked phone. */
  final_tally_ms: number;
  /** Answers acknowledged per second, from the burst's start to its last ack. */
  burst_acks_per_s: number;
  acked_devices: Set<string>;
  /** The client swarm's CPU seconds, not rounded (added to the reveal's). */
  swarm_cpu: number;
}

/** Every phone answers BURST once (resending until acked); the presenter should see them all. */
export async function answerBurst(swarm: Swarm, host: Presenter): Promise<Burst> {
  const burstAt = Date.now();
  const answered = await swarm.all<Report<'answered'>>({ cmd: 'answer', ...BURST, windowMs: WINDOW_MS, deadlineMs: 60_000 }, 'answered');
  const acks = answered.flatMap((r) => r.acks);
  const ackedDevices = new Set(acks.map((a) => a.device));
  const lastAck = Math.max(...acks.map((a) => a.at));
  await sleep(1500);
  const finalTally = host.tallies.find((t) => t.snap.activityId === BURST.activityId && t.snap.total >= ackedDevices.size);
  const latencies = acks.map((a) => a.latency);
  return {
    acked: acks.length,
    ack_p50_ms: round(pct(latencies, 50)),
    ack_p95_ms: round(pct(latencies, 95)),
    ack_p99_ms: round(pct(latencies, 99)),
    final_tally_ms: finalTally ? Math.max(0, finalTally.at - lastAck) : NaN,
    burst_acks_per_s: Math.round(acks.length / ((lastAck - burstAt) / 1000)),
    acked_devices: ackedDevices,
    swarm_cpu: answered.reduce((n, r) => n + r.cpu_s, 0),
  };
}

/** The last tally the presenter was sent for the burst (read once the reveal has sent its own). */
export function lastTotal(host: Presenter): number {
  return host.tallies.filter((t) => t.snap.activityId === BURST.activityId).at(-1)?.snap.total ?? NaN;
}
