/**
 * The SQLite schema, as the list of steps that built it. Each step upgrades the schema by
 * one version and runs once, in a transaction; never edit one that has shipped.
 */
import type Database from 'better-sqlite3';
import { ballotKey } from '../privacy/keys.ts';

type Step = string | ((db: Database.Database) => void);

const MIGRATIONS: readonly Step[] = [
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
  // Until now every ballot of a phone carried the same voter hash, so one person's answers
  // could be lined up across a workshop. Each ballot's key now also covers its activity.
  (db) => {
    const rows = db
      .prepare('SELECT b.workshop_id AS workshopId, b.activity_id AS activityId, b.voter, w.salt FROM ballots b JOIN workshops w ON w.id = b.workshop_id')
      .all() as { workshopId: string; activityId: string; voter: string; salt: string }[];
    const rekey = db.prepare('UPDATE ballots SET voter = ? WHERE workshop_id = ? AND activity_id = ? AND voter = ?');
    for (const r of rows) rekey.run(ballotKey(r.salt, r.voter, r.activityId), r.workshopId, r.activityId, r.voter);
  },
  `-- When the facilitator first and last did something (the workshop's date and length).
   ALTER TABLE workshops ADD COLUMN started_at INTEGER;
   ALTER TABLE workshops ADD COLUMN last_command_at INTEGER;
   -- Set by purge, which keeps only counts: these hold what the deleted rows added up to.
   ALTER TABLE workshops ADD COLUMN purged_at INTEGER;
   ALTER TABLE workshops ADD COLUMN purged_joined INTEGER;
   ALTER TABLE workshops ADD COLUMN purged_questions INTEGER;
   -- One row per phone that joined, keyed for "joined" only (privacy/keys.ts): a count, unlinkable to any ballot.
   CREATE TABLE phones (
     workshop_id TEXT NOT NULL REFERENCES workshops(id),
     key TEXT NOT NULL,
     PRIMARY KEY (workshop_id, key)
   ) WITHOUT ROWID;
   -- Anonymous questions: no asker, no time; seq keeps the order they came in.
   CREATE TABLE questions (
     workshop_id TEXT NOT NULL REFERENCES workshops(id),
     id TEXT NOT NULL,
     seq INTEGER NOT NULL,
     text TEXT NOT NULL,
     flagged INTEGER NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('waiting', 'approved', 'dismissed')),
     answered INTEGER NOT NULL,
     PRIMARY KEY (workshop_id, id)
   ) WITHOUT ROWID;
   -- One upvote per phone per question, keyed for that question only.
   CREATE TABLE votes (
     workshop_id TEXT NOT NULL REFERENCES workshops(id),
     question_id TEXT NOT NULL,
     voter TEXT NOT NULL,
     PRIMARY KEY (workshop_id, question_id, voter)
   ) WITHOUT ROWID;
   -- What purge keeps of an activity: its counts, never a ballot.
   CREATE TABLE summaries (
     workshop_id TEXT NOT NULL REFERENCES workshops(id),
     activity_id TEXT NOT NULL,
     total INTEGER NOT NULL,
     tally TEXT NOT NULL,
     PRIMARY KEY (workshop_id, activity_id)
   ) WITHOUT ROWID;`,
  `-- The threshold a workshop runs with, fixed when it is created, so a restart without
   -- --threshold shows the same results. NULL: made before it was kept (the kit's --threshold).
   ALTER TABLE workshops ADD COLUMN threshold INTEGER CHECK (threshold BETWEEN 1 AND 100);
   -- The console, so a restart changes nothing a person can see: the deck's slide, its clock
   -- (times in ms; spent per section as JSON), the pause, and when the kit last ran. No person in it.
   CREATE TABLE consoles (
     workshop_id TEXT PRIMARY KEY REFERENCES workshops(id),
     slide TEXT,
     plan TEXT NOT NULL CHECK (plan IN ('60', '90', 'full')),
     started_at INTEGER,
     since INTEGER NOT NULL,
     spent TEXT NOT NULL,
     paused INTEGER NOT NULL,
     alive_at INTEGER NOT NULL
   ) WITHOUT ROWID;`,
];

/** Brings `db` up to the latest schema. */
export function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  db.transaction(() => {
    for (let v = version; v < MIGRATIONS.length; v++) {
      const step = MIGRATIONS[v];
      if (typeof step === 'function') step(db);
      else if (step) db.exec(step);
      db.pragma(`user_version = ${v + 1}`);
    }
  })();
}

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;
