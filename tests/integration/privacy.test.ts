import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ballotKey, phoneKey } from '../../server/privacy/keys.ts';
import { attendee, host, type Client } from '../helpers/clients.ts';
import { startServer, tempDataDir, type Running } from '../helpers/server.ts';

let running: Running | undefined;
const sockets: Client[] = [];
const track = <T extends { socket: Client }>(c: T): T => (sockets.push(c.socket), c);
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await running?.close();
  running = undefined;
});

const DEVICE = 'privacy-device-aaaaaaaaaaaa';

describe('what the data folder can tell', () => {
  it("keys one phone's ballots in two activities differently, and the phone still finds its own", async () => {
    running = await startServer();
    const deck = track(await host(running.url, running.app.hostKey));
    const phone = track(await attendee(running.url, DEVICE));
    for (const [activityId, value] of [['check-force.before', 1], ['reflect-signs.before', 4]] as const) {
      await deck.socket.emitWithAck('activity:open', { activityId });
      expect((await phone.socket.emitWithAck('answer:submit', { activityId, value })).ok).toBe(true);
    }
    const db = new Database(join(running.dataDir, 'workshops.sqlite'), { readonly: true });
    const voters = db.prepare('SELECT voter FROM ballots').all() as { voter: string }[];
    db.close();
    expect(voters).toHaveLength(2);
    expect(voters[0]?.voter).not.toBe(voters[1]?.voter);
    // Nothing stored is the phone's own hash either.
    const salt = running.app.rooms.all()[0]?.record.salt ?? '';
    expect(voters.map((v) => v.voter)).not.toContain(phoneKey(salt, DEVICE));

    phone.socket.close();
    const again = track(await attendee(running.url, DEVICE));
    expect(again.state.mine).toBe(4);
  });

  it('migrates a data folder whose ballots shared one voter hash', async () => {
    const dataDir = tempDataDir();
    const db = new Database(join(dataDir, 'workshops.sqlite'));
    db.exec(`CREATE TABLE workshops (id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, host_key TEXT NOT NULL, salt TEXT NOT NULL, created_at INTEGER NOT NULL, current_activity TEXT);
      CREATE TABLE activity_states (workshop_id TEXT NOT NULL REFERENCES workshops(id), activity_id TEXT NOT NULL, status TEXT NOT NULL CHECK (status IN ('ready', 'open', 'locked')), revealed INTEGER NOT NULL, updated_at INTEGER NOT NULL, PRIMARY KEY (workshop_id, activity_id)) WITHOUT ROWID;
      CREATE TABLE ballots (workshop_id TEXT NOT NULL REFERENCES workshops(id), activity_id TEXT NOT NULL, voter TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (workshop_id, activity_id, voter)) WITHOUT ROWID;
      PRAGMA user_version = 2;`);
    const salt = 'old-salt';
    const old = phoneKey(salt, DEVICE);
    db.prepare("INSERT INTO workshops VALUES ('w1', 'OLDWS2', 'old-key', ?, 1, 'reflect-signs.before')").run(salt);
    db.prepare("INSERT INTO activity_states VALUES ('w1', 'reflect-signs.before', 'open', 0, 1)").run();
    for (const [activity, value] of [['check-force.before', '1'], ['reflect-signs.before', '3']]) {
      db.prepare("INSERT INTO ballots VALUES ('w1', ?, ?, ?)").run(activity, old, value);
    }
    db.close();

    running = await startServer(dataDir);
    const check = new Database(join(dataDir, 'workshops.sqlite'), { readonly: true });
    const rows = check.prepare('SELECT activity_id AS activityId, voter FROM ballots ORDER BY activity_id').all() as { activityId: string; voter: string }[];
    check.close();
    expect(rows).toEqual([
      { activityId: 'check-force.before', voter: ballotKey(salt, old, 'check-force.before') },
      { activityId: 'reflect-signs.before', voter: ballotKey(salt, old, 'reflect-signs.before') },
    ]);
    // The phone that answered before the upgrade still sees its answer, and is counted once.
    const phone = track(await attendee(running.url, DEVICE, 'OLDWS2'));
    expect(phone.state.mine).toBe(3);
    expect((await phone.socket.emitWithAck('answer:submit', { activityId: 'reflect-signs.before', value: 5 })).ok).toBe(true);
    expect(running.app.rooms.byJoinCode('OLDWS2')?.snapshot('reflect-signs.before')?.total).toBe(1);
  });
});
