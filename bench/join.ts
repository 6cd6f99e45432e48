/** Joining: every phone of the swarm opens the page as people scan the QR code, over `spreadMs`. */
import { pct, round } from './stats.ts';
import type { Report, Swarm } from './swarm-control.ts';

/** How the room filled. */
export interface Join {
  connected: number;
  /** Phones that ended on long-polling (their websocket refused or hung). */
  connected_polling: number;
  connect_retried: number;
  /** The client swarm's CPU during the join. */
  swarm_cpu_s: number;
  connect_p95_ms: number;
  connect_all_ms: number;
}

/** Connects every phone of `swarm` to `urls` (spread over them) and times it. */
export async function joinRoom(swarm: Swarm, urls: string[], spreadMs: number): Promise<Join> {
  const stormStart = performance.now();
  const joined = await swarm.all<Report<'connected'>>((i) => ({ cmd: 'connect', urls, devices: swarm.devices[i] ?? [], arrival: 'phone', spreadMs }), 'connected');
  const connectAll = performance.now() - stormStart;
  const durations = joined.flatMap((r) => r.durations);
  return {
    connected: durations.length,
    connected_polling: joined.reduce((n, r) => n + r.polling, 0),
    connect_retried: joined.reduce((n, r) => n + r.retried, 0),
    swarm_cpu_s: round(joined.reduce((n, r) => n + r.cpu_s, 0)),
    connect_p95_ms: round(pct(durations, 95)),
    connect_all_ms: round(connectAll),
  };
}
