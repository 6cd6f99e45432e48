/**
 * The data folder on disk: only the facilitator's own user may enter it or read its files
 * (the folder 0700, the files 0600), since they hold answers and questions until purged.
 * Created that way, and tightened on every open when made by an older kit or another umask.
 */
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';

/** The database's file in `dataDir`. */
export const databaseFile = (dataDir: string): string => join(dataDir, 'workshops.sqlite');

/** SQLite's own files beside the database (its write-ahead log and its index, a rollback journal). */
const COMPANIONS = ['-wal', '-shm', '-journal'] as const;

/** Creates `dataDir` and an empty database file in it, private to this user, or makes them so. */
export function prepareDataDir(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  const file = databaseFile(dataDir);
  // The mode applies only when the file is created; SQLite then gives its -wal and -shm the same.
  closeSync(openSync(file, 'a', 0o600));
  tightenFiles(dataDir);
  return file;
}

/** Makes the database and every companion file that exists readable by this user only. */
export function tightenFiles(dataDir: string): void {
  const file = databaseFile(dataDir);
  for (const path of [file, ...COMPANIONS.map((suffix) => file + suffix)]) {
    try {
      chmodSync(path, 0o600);
    } catch (error) {
      // SQLite removes its companions when the last connection closes: one gone is fine.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}
