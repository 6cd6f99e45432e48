/**
 * The SQLite store (better-sqlite3): one file in the data folder, WAL mode, schema
 * migrations run on open. Writes are synchronous and committed when a call returns.
 * Deleting means gone: deleted rows are overwritten (secure_delete), and `vacuum` rewrites the
 * file and empties the write-ahead log after a purge, so no page keeps a purged answer.
 */
import Database from 'better-sqlite3';
import type { ActivityStatus, AnswerValue } from '../protocol.ts';
import { migrate } from './migrations.ts';
import { openConsoleTable } from './sqlite-console.ts';
import { openQuestionTables } from './sqlite-questions.ts';
import { prepareDataDir, tightenFiles } from './sqlite-files.ts';
import { openRecordTables } from './sqlite-records.ts';
import type { StoredEvent, Store, StoredRoom, WorkshopRecord } from './store.ts';

const MEMORY = ':memory:';

/** Opens (creating when needed) the store in `dataDir`. */
export function openSqliteStore(dataDir: string): Store {
  // ':memory:' (nothing on disk): a copy of what Redis holds, made for one report (redis/).
  const onDisk = dataDir !== MEMORY;
  const db = new Database(onDisk ? prepareDataDir(dataDir) : MEMORY);
  // Deleted rows are overwritten with zeros, not left in free pages for `strings` to find.
  db.pragma('secure_delete = ON');
  // VACUUM's scratch copy of every row stays in memory, never in a temporary file.
  db.pragma('temp_store = MEMORY');
  db.pragma('journal_mode = WAL');
  if (onDisk) tightenFiles(dataDir);
  // FULL: a committed answer survives power loss, not only a crash of the process.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  migrate(db);

  const q = {
    insertWorkshop: db.prepare(
      'INSERT INTO workshops (id, code, host_key, salt, created_at, threshold) VALUES (@id, @code, @hostKey, @salt, @createdAt, @threshold)',
    ),
    workshops: db.prepare('SELECT id, code, host_key AS hostKey, salt, created_at AS createdAt, threshold FROM workshops ORDER BY created_at, rowid'),
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

  const questions = openQuestionTables(db);
  const records = openRecordTables(db);
  const consoles = openConsoleTable(db);
  const write = (workshopId: string, e: StoredEvent): void => {
    switch (e.type) {
      case 'question':
      case 'question-status':
      case 'vote':
        return questions.write(workshopId, e);
      case 'joined':
        return records.joined(workshopId, e.key);
      case 'console':
        return consoles.save(workshopId, e.console);
      case 'ballot':
        q.upsertBallot.run(workshopId, e.activityId, e.voter, JSON.stringify(e.value));
        break;
      case 'activity':
        q.upsertActivity.run(workshopId, e.activityId, e.status, e.revealed ? 1 : 0, e.at);
        records.command(workshopId, e.at);
        break;
      case 'cleared':
        q.clearBallots.run(workshopId, e.activityId);
        break;
      case 'current':
        q.setCurrent.run(e.activityId, workshopId);
        records.command(workshopId, e.at);
        break;
    }
  };
  const commit = db.transaction((batches: Parameters<Store['commit']>[0]) => {
    for (const { workshopId, events } of batches) for (const e of events) write(workshopId, e);
  });

  return {
    listWorkshops: () => q.workshops.all() as WorkshopRecord[],
    createWorkshop: (w) => void q.insertWorkshop.run({ ...w, threshold: w.threshold ?? null }),
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
    loadQuestions: (workshopId) => questions.load(workshopId),
    loadConsole: (workshopId) => consoles.load(workshopId),
    commit: (batches) => commit(batches),
    facts: (workshopId) => records.facts(workshopId),
    summaries: (workshopId) => records.summaries(workshopId),
    purge: (workshopId, summaries, at, kept) => records.purge(workshopId, summaries, at, kept),
    deleteWorkshop: (workshopId) => records.delete(workshopId),
    vacuum() {
      // Rewrites the file from the rows kept (through the WAL), then copies the WAL back and
      // truncates it to nothing: the pages of deleted rows are neither in the file nor the log.
      db.exec('VACUUM');
      const [checkpoint] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
      // Another program reading the data folder (a backup) keeps the log: what was purged would stay in it.
      if (checkpoint?.busy) throw new Error('another program is reading the data folder, so the purged answers are still in its log; run the purge again once it is done');
      if (onDisk) tightenFiles(dataDir);
    },
    close: () => db.close(),
  };
}
