/**
 * Driving the phones: forks the worker processes of `swarm.ts`, deals each its share of the
 * devices, and sends the workers a command, waiting for every one's reply.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ask, ROOT } from './children.ts';
import type { WorkerCommand, WorkerReport } from './swarm.ts';

/** The crowd a run simulates: how many phones, over how many worker processes, joining over how long (ms). */
export interface Crowd {
  attendees: number;
  workers: number;
  spreadMs: number;
}

/** A worker's reply of the given kind. */
export type Report<C extends WorkerReport['cmd']> = Extract<WorkerReport, { cmd: C }>;

/** The phones, spread over worker processes. */
export class Swarm {
  private readonly workers: ChildProcess[] = [];
  constructor(readonly devices: string[][]) {}

  /** `n` phones over `w` workers, their device tokens named after `tag` so runs never share one. */
  static async start(n: number, w: number, tag: string): Promise<Swarm> {
    const devices: string[][] = Array.from({ length: w }, () => []);
    for (let i = 0; i < n; i++) devices[i % w]?.push(`${tag}-phone-${String(i).padStart(12, '0')}`);
    const swarm = new Swarm(devices);
    for (let i = 0; i < w; i++) swarm.workers.push(fork(join(ROOT, 'bench/swarm.ts'), [], { execArgv: ['--import', 'tsx'], cwd: ROOT }));
    return swarm;
  }

  /** Sends `command` (or `command(i)` to worker i) to every worker; resolves with their `reply` reports. */
  async all<R extends WorkerReport>(command: WorkerCommand | ((i: number) => WorkerCommand), reply: R['cmd']): Promise<R[]> {
    return Promise.all(this.workers.map((w, i) => ask<R>(w, typeof command === 'function' ? command(i) : command, (m) => m.cmd === reply)));
  }

  /** Closes every phone and ends the workers. */
  close(): void {
    for (const w of this.workers) w.send({ cmd: 'close' } satisfies WorkerCommand);
  }
}
