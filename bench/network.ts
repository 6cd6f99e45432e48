/**
 * The venue's network between the phones and the kit, named for what the bench runs:
 * - `open`: websockets pass; the phones reach the kit directly.
 * - `polling-only`: a venue proxy that refuses websocket upgrades (`venue-proxy.mjs`), so every
 *   phone's websocket fails and it goes on over long-polling, as the phone page does.
 * The presenter, on the laptop, reaches the kit directly on either.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { ask, ROOT } from './children.ts';

export type Network = 'open' | 'polling-only';

/** The phones' way to the kit: the addresses they open, and the CPU the network itself used. */
export interface Venue {
  urls: string[];
  /** CPU seconds of the proxy so far (0 on an open network). */
  cpu_s(): Promise<number>;
  stop(): void;
}

/**
 * Phones one proxy process carries: each holds a connection to it and it one to the kit, and a
 * process may have 20,000 files open here (`ulimit -n`).
 */
const PHONES_PER_PROXY = 4000;

/**
 * The phones' addresses for the kit at `kitUrls` on `network`, for `phones` phones: on a
 * polling-only network, one proxy port per kit process, on as many proxy processes as the room
 * needs. The addresses repeat the kit's order (proxy 1's for each process, then proxy 2's...),
 * so phone i still reaches process i % N, and a phone whose process is gone moves to the next.
 */
export async function venue(network: Network, kitUrls: string[], phones = 0): Promise<Venue> {
  if (network === 'open') return { urls: kitUrls, cpu_s: async () => 0, stop: () => undefined };
  const count = Math.max(1, Math.ceil(phones / PHONES_PER_PROXY));
  const proxies = Array.from({ length: count }, () => fork(join(ROOT, 'bench/venue-proxy.mjs'), kitUrls, { cwd: ROOT }));
  const ports = await Promise.all(proxies.map((proxy) => new Promise<number[]>((ok) => proxy.once('message', (m: { ports: number[] }) => ok(m.ports)))));
  return {
    urls: ports.flat().map((port) => `http://127.0.0.1:${port}`),
    async cpu_s() {
      const all = await Promise.all(proxies.map((proxy) => ask<{ cpu_s: number }>(proxy, 'metrics', (m) => 'cpu_s' in (m as object))));
      return Math.round(10 * all.reduce((n, m) => n + m.cpu_s, 0)) / 10;
    },
    stop: () => proxies.forEach((proxy) => proxy.kill('SIGKILL')),
  };
}
