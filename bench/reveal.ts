/** The reveal: the presenter shows the results, and every phone should see them. */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Presenter } from './presenter.ts';
import type { Report, Swarm } from './swarm-control.ts';

/** What the reveal measured. */
export interface Reveal {
  /** From the presenter's reveal to the last phone showing the results. */
  reveal_all_ms: number;
  reveal_missing: number;
  /** The client swarm's CPU seconds, not rounded (added to the burst's). */
  swarm_cpu: number;
}

/** Reveals `activityId` and times until every phone of `swarm` has the results. */
export async function reveal(swarm: Swarm, host: Presenter, activityId: string): Promise<Reveal> {
  const watching = swarm.all<Report<'watched'>>({ cmd: 'watch', activityId, timeoutMs: 30_000 }, 'watched');
  // Time for the workers to start watching before the reveal goes out.
  await sleep(200);
  const revealAt = Date.now();
  await host.socket.emitWithAck('activity:reveal', { activityId });
  const watched = await watching;
  const seen = watched.flatMap((r) => r.times);
  return {
    reveal_all_ms: seen.length ? Math.max(...seen) - revealAt : NaN,
    reveal_missing: watched.reduce((n, r) => n + r.missing, 0),
    swarm_cpu: watched.reduce((n, r) => n + r.cpu_s, 0),
  };
}
