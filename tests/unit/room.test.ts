import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Activity } from '../../server/content/content.ts';
import type { RoomOutput } from '../../server/live/live-workshop.ts';
import { Room } from '../../server/local/room.ts';
import { createWriter } from '../../server/local/writer.ts';
import { openSqliteStore } from '../../server/store/sqlite.ts';
import type { Store } from '../../server/store/store.ts';
import { newWorkshop } from '../../server/workshops.ts';
import { tempDataDir } from '../helpers/server.ts';

const ACTIVITIES: Activity[] = [
  { id: 'pick', kind: 'choice', prompt: 'Pick', options: ['A', 'B', 'C'] },
  { id: 'other', kind: 'scale', prompt: 'How sure?', min: 1, max: 5, labels: ['Not', 'Very'] },
];
const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanup.splice(0)) f();
});

/** A room on a real SQLite store, with its broadcasts counted instead of sent. */
function room(phones = 0, failNextCommit = { on: false }) {
  const dir = tempDataDir();
  const real = openSqliteStore(dir);
  // Fault injection on the real store: one commit can be made to fail, as a full disk would.
  const store: Store = {
    ...real,
    commit: (batches) => {
      if (failNextCommit.on) {
        failNextCommit.on = false;
        throw new Error('disk full');
      }
      real.commit(batches);
    },
  };
  const sent = { hosts: [] as string[], attendees: [] as string[] };
  const output: RoomOutput = {
    toHosts: (event) => void sent.hosts.push(event),
    toAttendees: (event) => void sent.attendees.push(event),
    attendeeCount: () => phones,
  };
  const r = new Room({
    record: newWorkshop(store, 1),
    catalog: new Map(ACTIVITIES.map((a) => [a.id, a])),
    thresholds: { default: 5, text: 10 },
    store,
    writer: createWriter(store),
    clock: () => 42,
    joinUrl: (code) => `http://kit.test/?code=${code}`,
  });
  r.attach(output);
  cleanup.push(() => {
    r.stop();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { r, sent, store: real };
}
const settle = (ms = 400) => new Promise((ok) => setTimeout(ok, ms));

describe('a room', () => {
  it('sends a burst of answers to the presenter as a handful of snapshots, and to the phones not at all', async () => {
    const { r, sent } = room(500);
    await r.command('open', 'pick');
    await settle();
    sent.hosts.length = 0;
    sent.attendees.length = 0;
    const acks = await Promise.all(Array.from({ length: 500 }, (_, i) => r.submit(`voter-${i}`, 'pick', i % 3)));
    expect(acks.every((a) => a.ok)).toBe(true);
    await settle();
    // 500 answers: O(1) host snapshots per interval instead of one per answer, none to phones.
    expect(sent.hosts.length).toBeGreaterThan(0);
    expect(sent.hosts.length).toBeLessThanOrEqual(3);
    expect(sent.attendees).toEqual([]);
    expect(r.snapshot('pick')?.total).toBe(500);
  });

  it('tells the phones at once when the facilitator reveals, and once when the answers are reopened (which hides them)', async () => {
    const { r, sent } = room();
    await r.command('open', 'pick');
    for (let i = 0; i < 5; i++) await r.submit(`v${i}`, 'pick', 0);
    await settle();
    sent.attendees.length = 0;
    await r.command('reveal', 'pick');
    expect(sent.attendees).toEqual(['activity:snapshot']);
    // The reveal locked the answers: a new one is refused and the counts on screen do not move.
    expect(await r.submit('v9', 'pick', 1)).toEqual({ ok: false, error: 'NOT_OPEN' });
    await settle();
    expect(sent.attendees).toEqual(['activity:snapshot']);
    await r.command('unlock', 'pick');
    expect(sent.attendees).toEqual(['activity:snapshot', 'activity:snapshot']);
    expect(r.snapshot('pick')).toMatchObject({ status: 'open', revealed: false, results: null });
  });

  it('holds the phones\' "(N so far)" at the reveal when still under the threshold: no later answer moves it', async () => {
    const { r, sent } = room();
    await r.command('open', 'pick');
    for (let i = 0; i < 2; i++) await r.submit(`v${i}`, 'pick', 0);
    await r.command('reveal', 'pick');
    await settle();
    sent.attendees.length = 0;
    for (let i = 2; i < 4; i++) expect(await r.submit(`v${i}`, 'pick', 1)).toEqual({ ok: false, error: 'NOT_OPEN' });
    await settle();
    expect(r.snapshot('pick')).toMatchObject({ total: 2, results: null, revealed: true, status: 'locked' });
    expect(sent.attendees).toEqual([]);
  });

  it('sends the phones nothing for new answers before the reveal, since they show no count', async () => {
    const { r, sent } = room();
    await r.command('open', 'pick');
    await settle();
    sent.attendees.length = 0;
    for (let i = 0; i < 3; i++) await r.submit(`v${i}`, 'pick', 0);
    await settle();
    expect(sent.attendees).toEqual([]);
  });

  it('announces a new current activity to the phones and the presenter', async () => {
    const { r, sent } = room();
    await r.command('open', 'pick');
    expect(sent.attendees).toContain('room:state');
    expect(sent.hosts).toContain('room:state');
    expect(r.attendeeState('v1').current?.activity).toEqual({ id: 'pick', kind: 'choice', prompt: 'Pick', options: ['A', 'B', 'C'] });
  });

  it('sends each change once: a new current activity as the room\'s state alone, a reset of it to the phones likewise', async () => {
    const { r, sent } = room();
    await r.command('open', 'pick');
    // The room's state carries the snapshots: no activity:snapshot repeats them.
    expect(sent).toEqual({ hosts: ['room:state'], attendees: ['room:state'] });
    await r.submit('v1', 'pick', 0);
    await settle();
    sent.hosts.length = 0;
    sent.attendees.length = 0;
    await r.command('reset', 'pick');
    expect(sent).toEqual({ hosts: ['activity:snapshot'], attendees: ['room:state'] });
    // Opening it again (it is open already, and current) changes nothing, and sends nothing.
    await r.command('idle');
    await r.command('open', 'pick');
    await settle();
    expect(sent.hosts.filter((e) => e === 'activity:snapshot')).toEqual(['activity:snapshot']);
  });

  it('refuses an answer whose write failed, counts nothing of it, and goes on once writes work', async () => {
    const fail = { on: false };
    const { r, store } = room(0, fail);
    await r.command('open', 'pick');
    await r.submit('v1', 'pick', 0);
    fail.on = true;
    expect(await r.submit('v2', 'pick', 1)).toEqual({ ok: false, error: 'STORAGE' });
    expect(r.snapshot('pick')?.total).toBe(1);
    expect(r.ballot('pick', 'v2')).toBeUndefined();
    expect(await r.submit('v2', 'pick', 1)).toEqual({ ok: true, value: 1 });
    expect(store.loadRoom(r.record.id).ballots).toHaveLength(2);
  });

  it('acknowledges only what was stored, and forgets what could not be', async () => {
    const { r, store } = room();
    await r.command('open', 'pick');
    expect(await r.submit('v1', 'pick', 2)).toEqual({ ok: true, value: 2 });
    store.close();
    expect(await r.submit('v2', 'pick', 1)).toEqual({ ok: false, error: 'STORAGE' });
    // The store cannot be read back either: the room shows nothing rather than unstored answers.
    expect(r.snapshot('pick')?.total).toBe(0);
    expect(await r.command('reveal', 'pick')).toEqual({ ok: false, error: 'STORAGE' });
  });
});
