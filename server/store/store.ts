/**
 * The records the kit keeps, behind one interface (implemented on SQLite: sqlite.ts): what
 * the live workshops of one process (local/) write and are rebuilt from, and what the report
 * and purge read (on Redis, the report reads a copy made in memory: redis/report-store.ts).
 * Implementations must make every write durable before returning. No names, addresses or
 * user agents: a ballot is an activity, a salted device hash and the answer, with no time.
 */
import type { ClockData } from '../core/deck-clock.ts';
import type { QaEvent, QuestionStatus } from '../core/questions.ts';
import type { Event } from '../core/workshop.ts';
import type { ActivityStatus, AnswerValue } from '../protocol.ts';

/** A workshop as stored: its short join code, the facilitator's key and the salt for device hashes. */
export interface WorkshopRecord {
  id: string;
  code: string;
  hostKey: string;
  salt: string;
  createdAt: number;
  /**
   * Fewest answers before counts are shown (free text: never under 10), fixed when the
   * workshop is created, so a restart shows the same results. Null or absent for a workshop
   * made before it was kept: it runs with the kit's --threshold.
   */
  threshold?: number | null;
}

/** What a workshop's room is rebuilt from after a restart. */
export interface StoredRoom {
  current: string | null;
  activities: { activityId: string; status: ActivityStatus; revealed: boolean }[];
  ballots: { activityId: string; voter: string; value: AnswerValue }[];
}

/** A phone joined (keyed for joining only: a count, linkable to nothing). */
export interface JoinedEvent {
  type: 'joined';
  key: string;
}

/**
 * The console as kept: where the deck is, its clock, the pause, and when the kit was last
 * known to run (the clock does not count the time after it, until the kit starts again).
 */
export interface StoredConsole {
  clock: ClockData;
  paused: boolean;
  aliveAt: number;
}

/** The console's whole state, replacing what was kept (it is a few numbers). */
export interface ConsoleEvent {
  type: 'console';
  console: StoredConsole;
}

/** Everything the kit stores happens as one of these. */
export type StoredEvent = Event | QaEvent | JoinedEvent | ConsoleEvent;

/** One workshop's events, in order. */
export interface EventBatch {
  workshopId: string;
  events: readonly StoredEvent[];
}

/** A workshop's questions and votes, to rebuild its Q&A after a restart. */
export interface StoredQuestions {
  questions: { id: string; seq: number; text: string; flagged: boolean; status: QuestionStatus; answered: boolean }[];
  votes: { id: string; voter: string }[];
}

/** Counts of one activity as purge keeps them (core/tally.ts's Tally, with words as pairs). */
export interface ActivitySummary {
  activityId: string;
  total: number;
  tally: { counts: number[]; words: [string, number][]; sum: number };
}

/** How many phones joined and questions were asked, as purge keeps them. */
export interface PurgedCounts {
  joined: number;
  questionsAsked: number;
}

/** What a report says about a workshop beyond its activities. */
export interface WorkshopFacts {
  /** When the facilitator first and last opened, locked or revealed something; null before. */
  startedAt: number | null;
  lastCommandAt: number | null;
  /** How many phones joined. */
  joined: number;
  /** How many questions were asked. */
  questionsAsked: number;
  /** Set once purge kept only the counts. */
  purgedAt: number | null;
}

export interface Store {
  /** All workshops, oldest first. */
  listWorkshops(): WorkshopRecord[];
  createWorkshop(workshop: WorkshopRecord): void;
  loadRoom(workshopId: string): StoredRoom;
  loadQuestions(workshopId: string): StoredQuestions;
  /** The console as last kept; undefined when the deck never said where it is. */
  loadConsole(workshopId: string): StoredConsole | undefined;
  /** Stores every batch in one transaction; durable when it returns, nothing stored when it throws. */
  commit(batches: readonly EventBatch[]): void;
  facts(workshopId: string): WorkshopFacts;
  /** The counts purge kept, by activity (empty until purged). */
  summaries(workshopId: string): ActivitySummary[];
  /**
   * Keeps only `summaries` and counts: deletes the ballots, questions, votes and joined phones,
   * and destroys the workshop's salt and key, so a device token matches nothing it left.
   * `kept` gives the numbers of phones and questions when the rows are not here to count (a
   * copy of a workshop purged in Redis).
   */
  purge(workshopId: string, summaries: readonly ActivitySummary[], at: number, kept?: PurgedCounts): void;
  /** Deletes the workshop and everything of it. */
  deleteWorkshop(workshopId: string): void;
  /**
   * After a purge or a delete: rewrites the storage so nothing deleted can be read back from
   * it (no free page, no write-ahead log keeps it). Slow on a large store: once per purge.
   */
  vacuum(): void;
  close(): void;
}
