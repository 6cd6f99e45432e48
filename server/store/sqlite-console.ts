/**
 * The SQLite side of a workshop's console: the deck's slide and clock, the pause, and when
 * the kit last ran, in one row per workshop, replaced whole at every write.
 */
import type Database from 'better-sqlite3';
import type { PlanId } from '../protocol.ts';
import type { StoredConsole } from './store.ts';

interface Row {
  slide: string | null;
  plan: PlanId;
  startedAt: number | null;
  since: number;
  spent: string;
  paused: number;
  aliveAt: number;
}

export function openConsoleTable(db: Database.Database) {
  const q = {
    load: db.prepare(
      `SELECT slide, plan, started_at AS startedAt, since, spent, paused, alive_at AS aliveAt
       FROM consoles WHERE workshop_id = ?`,
    ),
    save: db.prepare(
      `INSERT OR REPLACE INTO consoles (workshop_id, slide, plan, started_at, since, spent, paused, alive_at)
       VALUES (@workshopId, @slide, @plan, @startedAt, @since, @spent, @paused, @aliveAt)`,
    ),
  };
  return {
    load(workshopId: string): StoredConsole | undefined {
      const row = q.load.get(workshopId) as Row | undefined;
      if (!row) return undefined;
      const clock = { slide: row.slide, plan: row.plan, startedAt: row.startedAt, since: row.since, spent: JSON.parse(row.spent) as Record<string, number> };
      return { clock, paused: row.paused === 1, aliveAt: row.aliveAt };
    },
    save(workshopId: string, { clock, paused, aliveAt }: StoredConsole): void {
      q.save.run({ workshopId, ...clock, spent: JSON.stringify(clock.spent), paused: paused ? 1 : 0, aliveAt });
    },
  };
}
