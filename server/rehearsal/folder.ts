/**
 * Where a rehearsal keeps its workshop: a fresh temporary folder (mkdtemp, 0700), never the
 * facilitator's data folder, deleted when the kit stops. Its name carries the kit's process
 * id, so that a rehearsal killed outright (the laptop's power, kill -9) leaves a folder that
 * the next rehearsal recognises as this user's and deletes.
 */
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The start of every rehearsal folder's name, then the kit's process id and a dash. */
export const FOLDER_PREFIX = 'csec-rehearsal-';
const FOLDER = new RegExp(`^${FOLDER_PREFIX}(\\d+)-`);

export interface RehearsalFolder {
  dir: string;
  /** Deletes the folder and everything in it; safe to call more than once. */
  remove(): void;
}

/** A new rehearsal folder in `base` (the system's temporary folder), after deleting those of rehearsals whose kit is gone. */
export function makeRehearsalFolder(base = tmpdir()): RehearsalFolder {
  removeLeftovers(base);
  const dir = mkdtempSync(join(base, `${FOLDER_PREFIX}${process.pid}-`));
  chmodSync(dir, 0o700);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Deletes this user's rehearsal folders in `base` whose kit no longer runs. */
export function removeLeftovers(base: string): void {
  let names: string[];
  try {
    names = readdirSync(base);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = FOLDER.exec(name)?.[1];
    if (pid === undefined || running(Number(pid))) continue;
    const path = join(base, name);
    try {
      if (!process.getuid || statSync(path).uid === process.getuid()) rmSync(path, { recursive: true, force: true });
    } catch {
      // Gone meanwhile, or not ours to delete: leave it.
    }
  }
}

/** Whether a process with this id runs (EPERM: it does, as another user). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
