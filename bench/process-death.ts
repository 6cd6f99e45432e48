/**
 * A process's death (kits on Redis): phones on one process keep changing their answers while
 * another process is killed with -9, and the presenter (on the surviving process) times the
 * gap in its tallies. No process waits for another to send them (redis-room.ts): the gap
 * should be the usual one. (Before, one process held a lease and sent every tally: its death
 * paused them until another took the lease.)
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { io, type Socket } from 'socket.io-client';
import { connectionOptions } from '../client/connection/options.ts';
import { PROTOCOL_VERSION } from '../server/protocol.ts';
import type { Kit } from './kits.ts';
import { presenter } from './presenter.ts';
import { round } from './stats.ts';

/** The question the phones keep answering, and how many phones. */
const QUESTION = { activityId: 'check-who-recruits.after', choices: 3 };
/** Enough phones to answer one after the other through the whole scenario. */
const PHONES = 300;
/** A phone answers this often (ms), one phone after the other. */
const EVERY_MS = 20;
/** How long the phones go on answering before and after the kill (ms). */
const BEFORE_MS = 2000;
const AFTER_MS = 3000;

export interface ProcessDeath {
  /** From the kill to the presenter's first tally after it. */
  first_tally_after_kill_ms: number;
  /** The longest gap between two tallies around the kill, and the usual gap before it. */
  longest_gap_ms: number;
  usual_gap_ms: number;
}

/** Kills the first process of `kit` while phones on the last one answer. */
export async function processDeath(kit: Kit): Promise<ProcessDeath> {
  const survivor = kit.urls.at(-1) ?? '';
  const host = await presenter(survivor);
  await host.socket.emitWithAck('activity:open', { activityId: QUESTION.activityId });
  const phones: Socket[] = [];
  for (let i = 0; i < PHONES; i++) {
    const socket = io(survivor, { ...connectionOptions(), forceNew: true, auth: { v: PROTOCOL_VERSION, device: `leader-phone-${String(i).padStart(12, '0')}` } });
    await new Promise((ok) => socket.once('room:state', ok));
    phones.push(socket);
  }
  let answering = true;
  const answers = (async () => {
    for (let i = 0; answering && i < PHONES; i++) {
      // One more answer each time: the total moves, so there is a tally to send every interval.
      void (phones[i] as Socket).timeout(4000).emitWithAck('answer:submit', { activityId: QUESTION.activityId, value: i % QUESTION.choices }).catch(() => undefined);
      await sleep(EVERY_MS);
    }
  })();
  await sleep(BEFORE_MS);
  const { killedAt, restarted } = await kit.killFirst();
  await sleep(AFTER_MS);
  answering = false;
  await answers;
  await restarted;
  const times = host.tallies.filter((t) => t.snap.activityId === QUESTION.activityId).map((t) => t.at);
  const gaps = (from: number, to: number): number[] => {
    const within = times.filter((t) => t >= from && t <= to);
    return within.slice(1).map((t, i) => t - (within[i] as number));
  };
  const before = gaps(killedAt - BEFORE_MS / 2, killedAt);
  const around = gaps(killedAt - BEFORE_MS / 2, killedAt + AFTER_MS);
  host.socket.close();
  for (const p of phones) p.close();
  return {
    first_tally_after_kill_ms: (times.find((t) => t > killedAt) ?? NaN) - killedAt,
    longest_gap_ms: Math.max(...around),
    usual_gap_ms: round(before.reduce((a, b) => a + b, 0) / before.length),
  };
}
