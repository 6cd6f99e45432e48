/**
 * A data folder with two workshops played through the real wire, for the report's tests:
 * `old` (created 40 days ago) and `recent` (the one `npm start` resumes), each with the same
 * answers, questions and votes.
 */
import { expect } from 'vitest';
import type { Thresholds } from '../../server/core/workshop.ts';
import { openSqliteStore } from '../../server/store/sqlite.ts';
import type { WorkshopRecord } from '../../server/store/store.ts';
import { newWorkshop } from '../../server/workshops.ts';
import { attendee, host, newDevice, type Client } from './clients.ts';
import { startServer, tempDataDir, type Running } from './server.ts';

export const THRESHOLDS: Thresholds = { default: 3, text: 10 };
export const DAY = 86_400_000;
/** The facilitator's clock: far from today, so no date in a report can be mistaken for it. */
export const STARTED = Date.parse('2030-03-14T17:00:00Z');
export const LENGTH_MINUTES = 72;

/** What phones typed that must never reach a report. */
export const PRIVATE_TEXT = ['My neighbour Ana Quispe is in trouble', 'Call me at 831 555 0199'];
export const QUESTIONS = { approved: 'How do I talk to my teen about <b>apps</b> & "games"?', answered: 'Is the hotline open at night?', dismissed: 'Dismiss this one', waiting: 'Still waiting here' };
/** Words typed on phones: two of them only once (never shown), one a spreadsheet formula. */
export const WORDS = ['trust', 'Trust', 'listening', 'listening', 'listening', '=cmd|calc', '=CMD|calc', 'hapax'];

export interface Seeded {
  running: Running;
  old: WorkshopRecord;
  recent: WorkshopRecord;
  /** Device tokens of every phone used. */
  devices: string[];
}

/** Two workshops in a new data folder, played; the server keeps running. */
export async function seedWorkshops(): Promise<Seeded> {
  const dataDir = tempDataDir();
  let now = STARTED;
  const devices: string[] = [];
  // Each workshop is played while it is the one the kit runs (only that one takes phones), and
  // keeps the threshold it runs with, as every new workshop does: reports and purge never go under it.
  const played: WorkshopRecord[] = [];
  let running: Running | undefined;
  for (const createdAt of [Date.now() - 40 * DAY, Date.now()]) {
    await running?.close(true);
    const store = openSqliteStore(dataDir);
    const record = newWorkshop(store, createdAt, THRESHOLDS.default);
    store.close();
    now = STARTED;
    running = await startServer(dataDir, { thresholds: THRESHOLDS, clock: () => now });
    devices.push(...(await play(running, record, (minutes) => (now = STARTED + minutes * 60_000))));
    // The kit writes joins in batches (at most a second later): wait until every phone is counted.
    const counted = running;
    await until(() => counted.store.facts(record.id).joined === 8);
    played.push(record);
  }
  const [old, recent] = played;
  if (!running || !old || !recent) throw new Error('the workshops were not played');
  return { running, old, recent, devices };
}

/** Eight phones answer, ask and vote in `record`; returns their device tokens. */
async function play(running: Running, record: WorkshopRecord, setClock: (minutes: number) => void): Promise<string[]> {
  const sockets: Client[] = [];
  try {
    const deck = (await host(running.url, record.hostKey, record.code)).socket;
    sockets.push(deck);
    const devices = Array.from({ length: 8 }, () => newDevice());
    const phones: Client[] = [];
    for (const d of devices) phones.push((await attendee(running.url, d, record.code)).socket);
    sockets.push(...phones);

    const answer = async (activityId: string, values: readonly (number | string)[]): Promise<void> => {
      expect(await deck.emitWithAck('activity:open', { activityId })).toEqual({ ok: true });
      for (const [i, value] of values.entries()) {
        const ack = await phones[i]?.emitWithAck('answer:submit', { activityId, value });
        expect(ack?.ok, `${activityId} ${String(value)}`).toBe(true);
      }
    };
    await answer('check-force.before', [1, 0, 0, 2]);
    await answer('check-who-recruits.before', [1, 1]);
    await answer('reflect-signs.before', [1, 2, 2, 3]);
    await answer('scenario-new-friend', [2, 2, 0, 1]);
    await answer('words-safe-to-tell', WORDS);
    await answer('question-box', PRIVATE_TEXT);
    await answer('check-force.after', [1, 1, 1, 0]);
    setClock(LENGTH_MINUTES);
    await answer('reflect-signs.after', [4, 4, 5]);

    const qa = running.app.rooms.workshop(record.code)?.qa;
    const [a, b, c, d] = phones;
    for (const [phone, text] of [[a, QUESTIONS.approved], [b, QUESTIONS.answered], [c, QUESTIONS.dismissed], [d, QUESTIONS.waiting]] as const) {
      expect((await phone?.emitWithAck('question:ask', { text }))?.ok).toBe(true);
    }
    const idOf = (text: string): string => qa?.queue().questions.find((q) => q.text === text)?.id ?? '';
    for (const [text, action] of [[QUESTIONS.approved, 'approve'], [QUESTIONS.answered, 'answered'], [QUESTIONS.dismissed, 'dismiss']] as const) {
      expect(await deck.emitWithAck('question:moderate', { questionId: idOf(text), action })).toEqual({ ok: true });
    }
    for (const phone of [c, d]) expect((await phone?.emitWithAck('question:vote', { questionId: idOf(QUESTIONS.approved), on: true }))?.ok).toBe(true);
    return devices;
  } finally {
    for (const s of sockets) s.close();
  }
}

/** Resolves once `test` holds, checking every 50 ms (a wait for the kit, never a timing assertion). */
async function until(test: () => boolean): Promise<void> {
  while (!test()) await new Promise((ok) => setTimeout(ok, 50));
}
