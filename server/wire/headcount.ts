/**
 * How many phones are in the room, for the facilitator (console and join slide): connected
 * now, and joined since the workshop began. Counts only, never who. Sent to the hosts on
 * connect and, when phones come and go, at most every COUNT_INTERVAL_MS. With several
 * processes each one counts its own connections and the first asks the others.
 */
import type { Server } from 'socket.io';
import type { RoomCount } from '../protocol.ts';
import type { LiveWorkshop } from '../live/live-workshop.ts';

/** Phones arriving by the dozen after the QR goes up: one update every 2 s is plenty. */
export const COUNT_INTERVAL_MS = 2000;
/** How long a process waits for the others' counts. */
const ASK_OTHERS_MS = 1000;
const ASK = 'kit:connected';

export interface Headcount {
  /** A phone came or went. */
  changed(workshop: LiveWorkshop): void;
  /** The count now, for a host that just connected. */
  now(workshop: LiveWorkshop): Promise<RoomCount>;
  stop(): void;
}

export function createHeadcount(io: Server, attendeesOf: (workshop: LiveWorkshop) => string, hostsOf: (workshop: LiveWorkshop) => string, shared: boolean): Headcount {
  const here = (room: string): number => io.sockets.adapter.rooms.get(room)?.size ?? 0;
  const raw = io as unknown as { on(event: string, listener: (room: string, reply: (n: number) => void) => void): void };
  if (shared) raw.on(ASK, (room, reply) => reply(here(room)));
  /**
   * The other processes' counts; a process that does not answer in time counts as none. Asked
   * through the adapter itself, not io.serverSideEmitWithAck: the adapter first asks Redis how
   * many processes listen, and while Redis is away that fails in a promise socket.io leaves
   * unhandled, which would end the process.
   */
  const elsewhere = async (room: string): Promise<number> => {
    if (!shared) return 0;
    const adapter = io.sockets.adapter as unknown as { serverSideEmit(packet: unknown[]): Promise<unknown> | undefined };
    const counts = await new Promise<number[]>((ok) => {
      const timer = setTimeout(() => ok([]), ASK_OTHERS_MS);
      const done = (error: unknown, responses: number[] = []): void => {
        clearTimeout(timer);
        ok(error ? [] : responses);
      };
      Promise.resolve(adapter.serverSideEmit([ASK, room, done])).catch(done);
    });
    return counts.reduce((a, b) => a + b, 0);
  };

  const now = async (workshop: LiveWorkshop): Promise<RoomCount> => {
    const room = attendeesOf(workshop);
    const [others, joined] = await Promise.all([elsewhere(room), workshop.joinedSoFar().catch(() => 0)]);
    return { connected: here(room) + others, joined };
  };

  const timers = new Map<LiveWorkshop, NodeJS.Timeout>();
  const last = new Map<LiveWorkshop, string>();
  const send = async (workshop: LiveWorkshop): Promise<void> => {
    timers.delete(workshop);
    const count = await now(workshop);
    const seen = JSON.stringify(count);
    if (seen === last.get(workshop)) return;
    last.set(workshop, seen);
    io.to(hostsOf(workshop)).emit('room:count', count);
  };
  return {
    changed(workshop) {
      if (!timers.has(workshop)) timers.set(workshop, setTimeout(() => void send(workshop), COUNT_INTERVAL_MS).unref());
    },
    now,
    stop() {
      for (const timer of timers.values()) clearTimeout(timer);
    },
  };
}
