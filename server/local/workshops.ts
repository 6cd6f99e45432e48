/**
 * The live workshops of one process on its data folder (SQLite, store/): every workshop in
 * the store when the kit starts, found by join code, and the one it runs (`npm start -- --new`
 * chooses it at start: one process, so it never changes while it runs). Each has its live
 * room (activities), its Q&A and its console (deck position, clock, pause), each kept
 * in the store and rebuilt from it, and runs with its own threshold when it keeps one.
 */
import type { Activity } from '../content/content.ts';
import type { Thresholds } from '../core/workshop.ts';
import type { EventBatch, Store, StoredConsole, WorkshopRecord } from '../store/store.ts';
import { workshopThresholds } from '../workshops.ts';
import { Asking } from '../live/asking.ts';
import { JoinCounter } from '../live/join-counter.ts';
import type { LiveWorkshops, WorkshopsFollower } from '../live/live-workshop.ts';
import { WorkshopOf } from '../live/workshop-of.ts';
import { ConsoleRoom } from './console-room.ts';
import { QaRoom } from './qa-room.ts';
import { Room } from './room.ts';
import { createWriter, type Writer } from './writer.ts';

export interface LocalWorkshopsOptions {
  store: Store;
  /** The id of the workshop `npm start` runs (workshops.ts, openDefaultWorkshop). */
  running: string;
  activities: readonly Activity[];
  /** For workshops that keep no threshold of their own (made before it was kept). */
  thresholds: Thresholds;
  clock: () => number;
  joinUrl: (code: string) => string;
  /** A rehearsal (--rehearse): simulated phones, a temporary folder; the deck and the console say so. */
  rehearsal?: boolean;
}

/** One workshop, live, on the data folder. */
export type SqliteWorkshop = WorkshopOf<Room, QaRoom, ConsoleRoom>;

function sqliteWorkshop(record: WorkshopRecord, options: LocalWorkshopsOptions & { catalog: ReadonlyMap<string, Activity>; writer: Writer }): SqliteWorkshop {
  const { catalog, store, writer, clock, joinUrl, rehearsal } = options;
  const thresholds = workshopThresholds(record, options.thresholds);
  const qa = new QaRoom(record, store, writer);
  const asking = new Asking(qa);
  // The question box is the same queue: its answers wait for the facilitator like any question.
  const room = new Room({ record, catalog, thresholds, store, writer, clock, joinUrl, rehearsal, onQuestion: (text, phone, activityId) => asking.fromBox(phone, activityId, text) });
  const joins = new JoinCounter(
    record,
    (keys) => writer.write(record.id, keys.map((key) => ({ type: 'joined' as const, key }))),
    async () => store.facts(record.id).joined,
  );
  const kept = (state: StoredConsole): EventBatch => ({ workshopId: record.id, events: [{ type: 'console', console: state }] });
  const tools = new ConsoleRoom(clock, {
    stored: store.loadConsole(record.id),
    save: (state) => writer.write(record.id, kept(state).events),
    saveNow: (state) => store.commit([kept(state)]),
  });
  return new WorkshopOf(record, room, qa, tools, joins, asking);
}

export class LocalWorkshops implements LiveWorkshops {
  private readonly byCode = new Map<string, SqliteWorkshop>();
  private readonly runs: SqliteWorkshop;

  constructor(options: LocalWorkshopsOptions) {
    const catalog: ReadonlyMap<string, Activity> = new Map(options.activities.map((a) => [a.id, a]));
    const writer = createWriter(options.store);
    for (const record of options.store.listWorkshops()) {
      this.byCode.set(record.code, sqliteWorkshop(record, { ...options, catalog, writer }));
    }
    const runs = this.workshops().find((w) => w.record.id === options.running);
    if (!runs) throw new Error(`the workshop to run (${options.running}) is not in the data folder`);
    this.runs = runs;
  }

  running(): SqliteWorkshop {
    return this.runs;
  }

  /** Every workshop is open from the start, and the running one never changes. */
  follow(follower: WorkshopsFollower): void {
    for (const w of this.byCode.values()) follower.opened?.(w);
  }

  /** A workshop's live room, by join code. */
  byJoinCode(code: string): Room | undefined {
    return this.byCode.get(code)?.room;
  }

  /** A workshop with its Q&A and console, by join code. */
  workshop(code: string): SqliteWorkshop | undefined {
    return this.byCode.get(code);
  }

  all(): Room[] {
    return [...this.byCode.values()].map((w) => w.room);
  }

  workshops(): SqliteWorkshop[] {
    return [...this.byCode.values()];
  }

  stop(): void {
    for (const w of this.byCode.values()) w.stop();
  }
}
