/**
 * The SQLite side of a workshop's record: who joined (a count), when the facilitator
 * started and last acted, and purge, which keeps only the counts a report needs.
 */
import type Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import type { ActivitySummary, PurgedCounts, WorkshopFacts } from './store.ts';

/** A value nobody knows, to overwrite a salt or a key with (the columns take no NULL). */
const unknowable = (): string => randomBytes(32).toString('base64url');

/** Tables holding a workshop's raw rows, child tables first. */
const RAW_TABLES = ['ballots', 'votes', 'questions', 'phones'] as const;

export function openRecordTables(db: Database.Database) {
  const q = {
    joined: db.prepare('INSERT OR IGNORE INTO phones (workshop_id, key) VALUES (?, ?)'),
    command: db.prepare('UPDATE workshops SET started_at = COALESCE(started_at, @at), last_command_at = @at WHERE id = @id'),
    facts: db.prepare(
      `SELECT started_at AS startedAt, last_command_at AS lastCommandAt, purged_at AS purgedAt,
              COALESCE(purged_joined, (SELECT COUNT(*) FROM phones WHERE workshop_id = w.id)) AS joined,
              COALESCE(purged_questions, (SELECT COUNT(*) FROM questions WHERE workshop_id = w.id)) AS questionsAsked
       FROM workshops w WHERE id = ?`,
    ),
    summaries: db.prepare('SELECT activity_id AS activityId, total, tally FROM summaries WHERE workshop_id = ? ORDER BY activity_id'),
    summary: db.prepare('INSERT OR REPLACE INTO summaries (workshop_id, activity_id, total, tally) VALUES (?, ?, ?, ?)'),
    purged: db.prepare('UPDATE workshops SET purged_at = ?, purged_joined = ?, purged_questions = ? WHERE id = ?'),
    // The salt turned a device token into the keys of its ballots and votes; destroyed, a token
    // (kept on a phone, or taken from one) can no longer be matched to what it left. The key
    // goes too: the running workshop's key still opens this report.
    destroySecrets: db.prepare('UPDATE workshops SET salt = ?, host_key = ? WHERE id = ?'),
    deleteFrom: Object.fromEntries(
      [...RAW_TABLES, 'summaries', 'activity_states', 'consoles'].map((t) => [t, db.prepare(`DELETE FROM ${t} WHERE workshop_id = ?`)]),
    ),
    deleteWorkshop: db.prepare('DELETE FROM workshops WHERE id = ?'),
  };
  const facts = (workshopId: string): WorkshopFacts => {
    const row = q.facts.get(workshopId) as WorkshopFacts | undefined;
    return row ?? { startedAt: null, lastCommandAt: null, purgedAt: null, joined: 0, questionsAsked: 0 };
  };
  return {
    joined: (workshopId: string, key: string): void => void q.joined.run(workshopId, key),
    command: (workshopId: string, at: number): void => {
      if (at > 0) q.command.run({ at, id: workshopId });
    },
    facts,
    summaries: (workshopId: string): ActivitySummary[] =>
      (q.summaries.all(workshopId) as { activityId: string; total: number; tally: string }[]).map((r) => ({ ...r, tally: JSON.parse(r.tally) as ActivitySummary['tally'] })),
    purge: db.transaction((workshopId: string, summaries: readonly ActivitySummary[], at: number, kept?: PurgedCounts) => {
      const { joined, questionsAsked } = kept ?? facts(workshopId);
      for (const s of summaries) q.summary.run(workshopId, s.activityId, s.total, JSON.stringify(s.tally));
      for (const table of RAW_TABLES) q.deleteFrom[table]?.run(workshopId);
      q.purged.run(at, joined, questionsAsked, workshopId);
      q.destroySecrets.run(unknowable(), unknowable(), workshopId);
    }),
    delete: db.transaction((workshopId: string) => {
      for (const statement of Object.values(q.deleteFrom)) statement.run(workshopId);
      q.deleteWorkshop.run(workshopId);
    }),
  };
}
