/**
 * The SQLite store (better-sqlite3): one file in the data folder, WAL mode, schema
 * migrations run on open. Writes are synchronous and committed when a call returns.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Store, WorkshopRecord } from './store.ts';

/** Each entry upgrades the schema by one version; never edit one that has shipped. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE workshops (
     id TEXT PRIMARY KEY,
     code TEXT NOT NULL UNIQUE,
     host_key TEXT NOT NULL,
     salt TEXT NOT NULL,
     created_at INTEGER NOT NULL
   )`,
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

  const insertWorkshop = db.prepare(
    'INSERT INTO workshops (id, code, host_key, salt, created_at) VALUES (@id, @code, @hostKey, @salt, @createdAt)',
  );
  const selectWorkshops = db.prepare(
    'SELECT id, code, host_key AS hostKey, salt, created_at AS createdAt FROM workshops ORDER BY created_at, rowid',
  );

  return {
    listWorkshops: () => selectWorkshops.all() as WorkshopRecord[],
    createWorkshop: (w) => void insertWorkshop.run(w),
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
