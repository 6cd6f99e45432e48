/**
 * A rehearsal's room: simulated phones (phone.ts) that join the kit over the first minute, each
 * with its own random device token, answer what the facilitator opens, and ask a handful of
 * questions over the first minutes (schedule.ts). It stays within the kit's limits as a room
 * would: each phone asks at most a question or two, well under the kit's 3 a minute per phone;
 * and it connects from the laptop itself, which the kit never counts against the 30 new phones
 * a minute per address (wire/phone-gate.ts), as for the bench's simulated phones.
 */
import { randomBytes } from 'node:crypto';
import type { Activity } from '../content/schema.ts';
import { SimulatedPhone } from './phone.ts';
import { pick, randomFor } from './random.ts';
import { joinTimes, questionSchedule } from './schedule.ts';
import type { RehearsalTexts } from './texts.ts';

export interface SimulatedRoomOptions {
  /** The kit's own address, on the laptop: http://127.0.0.1:PORT. */
  url: string;
  phones: number;
  activities: readonly Activity[];
  texts: RehearsalTexts;
  /** The room's seed: the same seed, the same room (in the same order of events). */
  seed: string;
}

export interface SimulatedRoom {
  /** Every phone leaves; nothing more is sent. */
  stop(): void;
}

/** How long a question waits for a phone in the room before it is tried again, and how often. */
const ASK_AGAIN_MS = 5_000;
const ASK_TRIES = 6;

export function startSimulatedRoom(options: SimulatedRoomOptions): SimulatedRoom {
  const random = randomFor(options.seed, 'room');
  const catalog: ReadonlyMap<string, Activity> = new Map(options.activities.map((a) => [a.id, a]));
  const phones: SimulatedPhone[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;
  const later = (ms: number, run: () => void): void => {
    if (stopped) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!stopped) run();
    }, ms);
    timers.add(timer);
  };

  joinTimes(options.phones, random).forEach((at, i) =>
    later(at, () => phones.push(new SimulatedPhone({ url: options.url, device: randomBytes(18).toString('base64url'), seed: `${options.seed}:${i}`, catalog, typed: options.texts }))),
  );

  /** One of the phones in the room asks `text`; with none connected yet, it is tried again a little later. */
  const ask = async (text: string, tries = 1): Promise<void> => {
    const here = phones.filter((p) => p.connected());
    if (here.length > 0 && (await pick(random, here).ask(text))) return;
    if (tries < ASK_TRIES) later(ASK_AGAIN_MS, () => void ask(text, tries + 1));
  };
  for (const asked of questionSchedule(options.texts, random)) later(asked.atMs, () => void ask(asked.text));

  return {
    stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const phone of phones) phone.close();
    },
  };
}
