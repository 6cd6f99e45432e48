/**
 * A benchmark worker: a share of the simulated phones, each a socket.io-client opened as the
 * phone page opens its connection (client/connection/options.ts: a websocket first, polling
 * when the network blocks websockets, the same backoff and timeout), and behaving like the
 * phone page (resends an answer until it is acked, reconnects by itself). Driven by the parent
 * over IPC; reports raw times back, and the CPU this worker used for each step, so a reader
 * can tell which side was the limit.
 *
 * Two ways to arrive, named for what they model:
 * - `phone`: people scanning a QR code over `spreadMs`, and reconnecting as the phone page
 *   does (socket.io's backoff: 1 s, doubling to at most 5 s, each randomized by ±50%).
 * - `stampede`: every socket at once, retrying every 250 ms to 2 s: the worst case, which
 *   on a 2-core machine measures the client swarm as much as the server.
 */
import { setPriority } from 'node:os';
import { io, type Socket } from 'socket.io-client';
import { BACKOFF, connectionOptions, fallBackWhenBlocked } from '../client/connection/options.ts';
import { PROTOCOL_VERSION, type Snapshot } from '../server/protocol.ts';

export type WorkerCommand =
  | { cmd: 'connect'; urls: string[]; devices: string[]; arrival: Arrival; spreadMs: number }
  | { cmd: 'answer'; activityId: string; choices: number; min: number; windowMs: number; deadlineMs: number }
  | { cmd: 'watch'; activityId: string; timeoutMs: number }
  | { cmd: 'resync'; since: number; timeoutMs: number; everyPhoneDrops: boolean }
  | { cmd: 'close' };

export type Arrival = 'phone' | 'stampede';

export type WorkerReport =
  | { cmd: 'connected'; durations: number[]; failed: number; retried: number; polling: number; cpu_s: number }
  | { cmd: 'answered'; acks: { device: string; latency: number; at: number }[]; failed: number; cpu_s: number }
  | { cmd: 'watched'; times: number[]; missing: number; cpu_s: number }
  | { cmd: 'resynced'; times: number[]; missing: number; kept: number; polling: number; cpu_s: number };

/** socket.io-client's reconnection settings for each way of arriving. */
const RECONNECT: Record<Arrival, { reconnectionDelay: number; reconnectionDelayMax: number; randomizationFactor: number }> = {
  // As every page (client/connection/options.ts).
  phone: BACKOFF,
  stampede: { reconnectionDelay: 250, reconnectionDelayMax: 2000, randomizationFactor: 0.5 },
};

/** CPU seconds this worker used since the last call. */
let cpuMark = process.cpuUsage();
function cpuSince(): number {
  const used = process.cpuUsage(cpuMark);
  cpuMark = process.cpuUsage();
  return (used.user + used.system) / 1e6;
}

interface Phone {
  device: string;
  socket: Socket;
  lastState: number;
  /** When the connection last dropped (0: never). */
  droppedAt: number;
}

// Real phones each have their own CPU; on this one machine the simulated phones yield to the
// server, so the server gets the CPU it would have on a machine of its own.
setPriority(10);

const phones: Phone[] = [];
const send = (report: WorkerReport): void => void process.send?.(report);
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

process.on('message', (message: WorkerCommand) => {
  void handle(message);
});

async function handle(m: WorkerCommand): Promise<void> {
  if (m.cmd === 'connect') send(await connectAll(m));
  else if (m.cmd === 'answer') send(await answerAll(m));
  else if (m.cmd === 'watch') send(await watchAll(m.activityId, m.timeoutMs));
  else if (m.cmd === 'resync') send(await resyncAll(m));
  else {
    for (const p of phones) p.socket.close();
    process.exit(0);
  }
}

const CONNECT_DEADLINE_MS = 90_000;

async function connectAll({ urls, devices, arrival, spreadMs }: Extract<WorkerCommand, { cmd: 'connect' }>): Promise<WorkerReport> {
  let retried = 0;
  cpuSince();
  const results = await Promise.all(
    devices.map(
      (device, i) =>
        new Promise<number | undefined>((resolve) => {
          // Each person scans the code at their own moment; a stampede has them all at once.
          const wait = arrival === 'phone' ? Math.random() * spreadMs : 0;
          setTimeout(() => open(device, i, resolve), wait);
        }),
    ),
  );
  const durations = results.filter((d): d is number => d !== undefined);
  // Which transport the phones ended on: polling means their websocket was refused or hung.
  const polling = phones.filter((p) => p.socket.io.engine?.transport.name === 'polling').length;
  return { cmd: 'connected', durations, failed: results.length - durations.length, retried, polling, cpu_s: cpuSince() };

  function open(device: string, i: number, resolve: (ms: number | undefined) => void): void {
    const start = performance.now();
    // Several processes: phones are spread over them, as by a load balancer with sticky sessions.
    let next = i % urls.length;
    // Exactly as the phone page opens its connection; a stampede only retries faster.
    const socket = io(urls[next] ?? '', { ...connectionOptions(), ...RECONNECT[arrival], forceNew: true, auth: { v: PROTOCOL_VERSION, device } });
    fallBackWhenBlocked(socket.io);
    const phone: Phone = { device, socket, lastState: 0, droppedAt: 0 };
    socket.on('room:state', () => (phone.lastState = Date.now()));
    socket.on('disconnect', () => (phone.droppedAt = Date.now()));
    // When its process is gone, the load balancer sends a phone's next attempt to another one.
    if (urls.length > 1) {
      socket.io.on('reconnect_attempt', () => {
        next = (next + 1) % urls.length;
        (socket.io as unknown as { uri: string }).uri = urls[next] ?? '';
      });
    }
    socket.once('room:state', () => {
      phones.push(phone);
      resolve(performance.now() - start);
    });
    // A first attempt that fails (timeout under load) is retried by socket.io, as on a phone
    // (a websocket refused and opened over polling instead is no failed attempt).
    socket.once('connect_error', () => (retried += 1));
    setTimeout(() => resolve(undefined), CONNECT_DEADLINE_MS);
  }
}

/** Every phone answers once at a random moment in the window, retrying like the phone page until acked. */
async function answerAll(m: Extract<WorkerCommand, { cmd: 'answer' }>): Promise<WorkerReport> {
  cpuSince();
  const deadline = Date.now() + m.deadlineMs;
  const acks: { device: string; latency: number; at: number }[] = [];
  let failed = 0;
  await Promise.all(
    phones.map(async (phone) => {
      await sleep(Math.random() * m.windowMs);
      const value = m.min + Math.floor(Math.random() * m.choices);
      while (Date.now() < deadline) {
        // The phone page sends again as soon as it is connected (no polling: 10,000 timers cost CPU).
        if (!phone.socket.connected) {
          await Promise.race([new Promise((ok) => phone.socket.once('connect', () => ok(undefined))), sleep(Math.max(0, deadline - Date.now()))]);
          continue;
        }
        const start = performance.now();
        try {
          const result = await phone.socket.timeout(4000).emitWithAck('answer:submit', { activityId: m.activityId, value });
          if (result?.ok) {
            acks.push({ device: phone.device, latency: performance.now() - start, at: Date.now() });
            return;
          }
          await sleep(200);
        } catch {
          // No ack (timeout or the connection dropped): send again once connected.
        }
      }
      failed += 1;
    }),
  );
  return { cmd: 'answered', acks, failed, cpu_s: cpuSince() };
}

/** When each phone first sees the activity revealed with results. */
async function watchAll(activityId: string, timeoutMs: number): Promise<WorkerReport> {
  const times = await Promise.all(
    phones.map(
      (phone) =>
        new Promise<number | undefined>((resolve) => {
          const timer = setTimeout(() => resolve(undefined), timeoutMs);
          const on = (s: Snapshot): void => {
            if (s.activityId !== activityId || !s.revealed || !s.results) return;
            phone.socket.off('activity:snapshot', on);
            clearTimeout(timer);
            resolve(Date.now());
          };
          phone.socket.on('activity:snapshot', on);
        }),
    ),
  );
  const seen = times.filter((t): t is number => t !== undefined);
  return { cmd: 'watched', times: seen, missing: times.length - seen.length, cpu_s: cpuSince() };
}

/**
 * When each phone that lost its connection after `since` (a kill) got the room's state again;
 * `kept`: phones that never lost theirs (on another process); `polling`: phones connected
 * over long-polling at the end. With `everyPhoneDrops` (the kit has one process) every phone
 * is waited for: one that has not seen its connection drop yet (this worker busy, a long-poll
 * not answered yet) is not in sync, nor kept.
 */
async function resyncAll({ since, timeoutMs, everyPhoneDrops }: Extract<WorkerCommand, { cmd: 'resync' }>): Promise<WorkerReport> {
  const end = Date.now() + timeoutMs;
  const dropped = (p: Phone): boolean => p.droppedAt >= since;
  const back = (p: Phone): boolean => dropped(p) && p.lastState > p.droppedAt;
  const waitedFor = (): Phone[] => (everyPhoneDrops ? phones : phones.filter(dropped));
  while (Date.now() < end && !waitedFor().every(back)) await sleep(100);
  const times = phones.filter(back).map((p) => p.lastState);
  const polling = phones.filter((p) => p.socket.connected && p.socket.io.engine?.transport.name === 'polling').length;
  return { cmd: 'resynced', times, missing: waitedFor().length - times.length, kept: phones.length - waitedFor().length, polling, cpu_s: cpuSince() };
}
