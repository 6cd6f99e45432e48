/**
 * The SQLite store (better-sqlite3): one file in the data folder, WAL mode, schema
 * migrations run on open. Writes are synchronous and committed when a call returns.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Event } from '../core/workshop.ts';
import type { ActivityStatus, AnswerValue } from '../protocol.ts';
import type { Store, StoredRoom, WorkshopRecord } from './store.ts';

/** Each entry upgrades the schema by one version; never edit one that has shipped. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE workshops (
     id TEXT PRIMARY KEY,
     code TEXT NOT NULL UNIQUE,
     host_key TEXT NOT NULL,
     salt TEXT NOT NULL,
     created_at INTEGER NOT NULL
   )`,
  `ALTER TABLE workshops ADD COLUMN current_activity TEXT;
   CREATE TABLE activity_states (
     workshop_id TEXT NOT NULL REFERENCES workshops(id),
     activity_id TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('ready', 'open', 'locked')),
     revealed INTEGER NOT NULL,
     updated_at INTEGER NOT NULL,
     PRIMARY KEY (workshop_id, activity_id)
   ) WITHOUT ROWID;
   -- One ballot per attendee per activity, enforced here as well as in the core.
   CREATE TABLE ballots (
     workshop_id TEXT NOT NULL REFERENCES workshops(id),
     activity_id TEXT NOT NULL,
     voter TEXT NOT NULL,
     value TEXT NOT NULL,
     PRIMARY KEY (workshop_id, activity_id, voter)
   ) WITHOUT ROWID;`,
];

/** Opens (creating when needed) the store in `dataDir`. */
export function openSqliteStore(dataDir: string): Store {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'workshops.sqlite'));
  db.pragma('journal_mode = WAL');
  // FULL: a committed answer survives power loss, not only a crash of the process.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  migrate(db);

  const q = {
    insertWorkshop: db.prepare(
      'INSERT INTO workshops (id, code, host_key, salt, created_at) VALUES (@id, @code, @hostKey, @salt, @createdAt)',
    ),
    workshops: db.prepare('SELECT id, code, host_key AS hostKey, salt, created_at AS createdAt FROM workshops ORDER BY created_at, rowid'),
    current: db.prepare('SELECT current_activity AS current FROM workshops WHERE id = ?'),
    activities: db.prepare('SELECT activity_id AS activityId, status, revealed FROM activity_states WHERE workshop_id = ?'),
    ballots: db.prepare('SELECT activity_id AS activityId, voter, value FROM ballots WHERE workshop_id = ?'),
    setCurrent: db.prepare('UPDATE workshops SET current_activity = ? WHERE id = ?'),
    upsertActivity: db.prepare(
      `INSERT INTO activity_states (workshop_id, activity_id, status, revealed, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (workshop_id, activity_id) DO UPDATE SET status = excluded.status, revealed = excluded.revealed, updated_at = excluded.updated_at`,
    ),
    upsertBallot: db.prepare(
      `INSERT INTO ballots (workshop_id, activity_id, voter, value) VALUES (?, ?, ?, ?)
       ON CONFLICT (workshop_id, activity_id, voter) DO UPDATE SET value = excluded.value`,
    ),
    clearBallots: db.prepare('DELETE FROM ballots WHERE workshop_id = ? AND activity_id = ?'),
  };

  const write = (workshopId: string, e: Event): void => {
    switch (e.type) {
      case 'ballot':
        q.upsertBallot.run(workshopId, e.activityId, e.voter, JSON.stringify(e.value));
        break;
      case 'activity':
        q.upsertActivity.run(workshopId, e.activityId, e.status, e.revealed ? 1 : 0, e.at);
        break;
      case 'cleared':
        q.clearBallots.run(workshopId, e.activityId);
        break;
      case 'current':
        q.setCurrent.run(e.activityId, workshopId);
        break;
    }
  };
  const commit = db.transaction((batches: Parameters<Store['commit']>[0]) => {
    for (const { workshopId, events } of batches) for (const e of events) write(workshopId, e);
  });

  return {
    listWorkshops: () => q.workshops.all() as WorkshopRecord[],
    createWorkshop: (w) => void q.insertWorkshop.run(w),
    loadRoom(workshopId): StoredRoom {
      const row = q.current.get(workshopId) as { current: string | null } | undefined;
      const activities = q.activities.all(workshopId) as { activityId: string; status: ActivityStatus; revealed: number }[];
      const ballots = q.ballots.all(workshopId) as { activityId: string; voter: string; value: string }[];
      return {
        current: row?.current ?? null,
        activities: activities.map((a) => ({ ...a, revealed: a.revealed === 1 })),
        ballots: ballots.map((b) => ({ ...b, value: JSON.parse(b.value) as AnswerValue })),
      };
    },
    commit: (batches) => commit(batches),
    close: () => db.close(),
  };
}

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  db.transaction(() => {
    for (let v = version; v < MIGRATIONS.length; v++) {
      db.exec(MIGRATIONS[v] ?? '');
      db.pragma(`user_version = ${v + 1}`);
    }
  })();
}
