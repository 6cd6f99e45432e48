/**
 * What splitting the phones over two processes costs by itself, with nothing of the kit: the
 * join on two bare socket.io servers (bench/baseline-server.mjs, each on its own, no Redis),
 * phones spread over them as over the kit's processes. Its CPU over the bare baseline's own
 * join (one process, same phones) is the floor a second process adds on this machine: two
 * event loops, two heaps, two event-loop monitors, on cores shared with the simulated phones.
 */
import { freePort, startChild } from './children.ts';
import { joinRoom } from './join.ts';
import { serverMetrics } from './kits.ts';
import { round } from './stats.ts';
import { Swarm, type Crowd } from './swarm-control.ts';

/** The servers' CPU (both) while `crowd` joins two bare socket.io servers. */
export async function splitJoinCpu(crowd: Crowd): Promise<number> {
  const ports = await Promise.all([freePort(), freePort()]);
  const servers = await Promise.all(ports.map((port) => startChild('bench/baseline-server.mjs', [String(port)])));
  const swarm = await Swarm.start(crowd.attendees, crowd.workers, 'split-floor');
  try {
    const before = await serverMetrics(servers);
    await joinRoom(swarm, ports.map((port) => `http://127.0.0.1:${port}`), crowd.spreadMs);
    const after = await serverMetrics(servers);
    return round(after.cpu_s - before.cpu_s);
  } finally {
    swarm.close();
    for (const s of servers) s.kill('SIGKILL');
  }
}
