/**
 * The reconnect storm: kill -9 in the middle of an answer burst, restart on the same data,
 * and measure how the phones come back and what was kept. Phones come back as phones do
 * (socket.io's randomized backoff) or all at once with fast retries (the stampede).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Arrival } from './swarm.ts';
import { WINDOW_MS } from './burst.ts';
import { serverMetrics, type Kit } from './kits.ts';
import { presenter } from './presenter.ts';
import { pct, round } from './stats.ts';
import { Swarm, type Crowd, type Report } from './swarm-control.ts';

/** The question each kind of storm is answering when the kill comes. */
const RESTART = { activityId: 'reflect-signs.after', choices: 5, min: 1 };
const STAMPEDE = { activityId: 'reflect-talk.after', choices: 5, min: 1 };

/** What a storm measured. */
export interface Storm {
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
  /** Phones back over long-polling rather than their websocket. */
  polling: number;
  restart_ms: number;
  swarm_cpu_s: number;
  server_cpu_s: number;
  /** Redis's CPU from the phones' joining to the end of the storm (kits on Redis only). */
  redis_cpu_s?: number;
}

/**
 * kill -9 in the middle of an answer burst, restart on the same data, and measure how
 * the phones (at `phoneUrls`) come back (`arrival`: as phones do, or the stampede) and what was kept.
 */
export async function reconnectStorm(kit: Kit, arrival: Arrival, tag: string, crowd: Crowd, phoneUrls = kit.urls): Promise<Storm> {
  const { attendees, workers, spreadMs } = crowd;
  const target = arrival === 'phone' ? RESTART : STAMPEDE;
  const host = await presenter(kit.urls.at(-1) ?? '');
  await host.socket.emitWithAck('activity:open', { activityId: target.activityId });
  const redisBefore = await kit.redisCpu?.();
  const swarm = await Swarm.start(attendees, workers, tag);
  await swarm.all((i) => ({ cmd: 'connect', urls: phoneUrls, devices: swarm.devices[i] ?? [], arrival, spreadMs: Math.min(spreadMs, 10_000) }), 'connected');
  await sleep(500);
  const burst = swarm.all<Report<'answered'>>({ cmd: 'answer', ...target, windowMs: WINDOW_MS, deadlineMs: 60_000 }, 'answered');
  await sleep(WINDOW_MS / 2);
  const { killedAt, restarted } = await kit.killFirst();
  const readyAt = await restarted;
  // With one process every phone loses its connection: each is waited for, even one that has not noticed yet.
  const resynced = await swarm.all<Report<'resynced'>>({ cmd: 'resync', since: killedAt, timeoutMs: 30_000, everyPhoneDrops: kit.servers.length === 1 }, 'resynced');
  const answers = (await burst).flatMap((r) => r.acks);
  const devices = new Set(answers.map((a) => a.device));
  await sleep(1000);
  // The tally first, then what is stored: an answer still on its way (a phone past its deadline
  // on an overloaded kit) then adds to both, and is never taken for one counted twice.
  const check = await presenter(kit.urls[0] ?? '');
  const tally = check.state.snapshots?.find((x) => x.activityId === target.activityId)?.total ?? NaN;
  const kept = await kit.stored(target.activityId, devices);
  const metrics = await serverMetrics(kit.servers);
  const redisAfter = await kit.redisCpu?.();
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
    polling: resynced.reduce((n, r) => n + r.polling, 0),
    restart_ms: readyAt - killedAt,
    swarm_cpu_s: round(resynced.reduce((s, r) => s + r.cpu_s, 0)),
    server_cpu_s: metrics.cpu_s,
    ...(redisBefore === undefined || redisAfter === undefined ? {} : { redis_cpu_s: round(redisAfter - redisBefore) }),
  };
}
