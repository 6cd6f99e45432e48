/**
 * Everything the kit keeps, behind one interface, so a Redis store can later sit
 * beside SQLite. Implementations must make every write durable before returning.
 * No names, addresses or user agents: a ballot is an activity, a salted device hash
 * and the answer, with no time.
 */
import type { Event } from '../core/workshop.ts';
import type { ActivityStatus, AnswerValue } from '../protocol.ts';

/** A workshop as stored: its short join code, the facilitator's key and the salt for device hashes. */
export interface WorkshopRecord {
  id: string;
  code: string;
  hostKey: string;
  salt: string;
  createdAt: number;
}

/** What a workshop's room is rebuilt from after a restart. */
export interface StoredRoom {
  current: string | null;
  activities: { activityId: string; status: ActivityStatus; revealed: boolean }[];
  ballots: { activityId: string; voter: string; value: AnswerValue }[];
}

/** One workshop's events, in order. */
export interface EventBatch {
  workshopId: string;
  events: readonly Event[];
}

export interface Store {
  /** All workshops, oldest first. */
  listWorkshops(): WorkshopRecord[];
  createWorkshop(workshop: WorkshopRecord): void;
  loadRoom(workshopId: string): StoredRoom;
  /** Stores every batch in one transaction; durable when it returns, nothing stored when it throws. */
  commit(batches: readonly EventBatch[]): void;
  close(): void;
}
