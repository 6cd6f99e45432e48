/** The SQLite tables of anonymous Q&A: questions (no asker, no time) and one vote per phone per question. */
import type Database from 'better-sqlite3';
import type { QaEvent, QuestionStatus } from '../core/questions.ts';
import type { StoredQuestions } from './store.ts';

export function openQuestionTables(db: Database.Database) {
  const q = {
    insert: db.prepare("INSERT INTO questions (workshop_id, id, seq, text, flagged, status, answered) VALUES (?, ?, ?, ?, ?, 'waiting', 0)"),
    status: db.prepare('UPDATE questions SET status = ?, answered = ? WHERE workshop_id = ? AND id = ?'),
    vote: db.prepare('INSERT OR IGNORE INTO votes (workshop_id, question_id, voter) VALUES (?, ?, ?)'),
    unvote: db.prepare('DELETE FROM votes WHERE workshop_id = ? AND question_id = ? AND voter = ?'),
    questions: db.prepare('SELECT id, seq, text, flagged, status, answered FROM questions WHERE workshop_id = ? ORDER BY seq'),
    votes: db.prepare('SELECT question_id AS id, voter FROM votes WHERE workshop_id = ?'),
  };
  return {
    write(workshopId: string, e: QaEvent): void {
      if (e.type === 'question') q.insert.run(workshopId, e.id, e.seq, e.text, e.flagged ? 1 : 0);
      else if (e.type === 'question-status') q.status.run(e.status, e.answered ? 1 : 0, workshopId, e.id);
      else (e.on ? q.vote : q.unvote).run(workshopId, e.id, e.voter);
    },
    load(workshopId: string): StoredQuestions {
      const rows = q.questions.all(workshopId) as { id: string; seq: number; text: string; flagged: number; status: QuestionStatus; answered: number }[];
      return {
        questions: rows.map((r) => ({ ...r, flagged: r.flagged === 1, answered: r.answered === 1 })),
        votes: q.votes.all(workshopId) as { id: string; voter: string }[],
      };
    },
  };
}
