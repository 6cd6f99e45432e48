/**
 * Every workshop in the store when the kit starts, found by join code. Each has its live
 * room (activities), its Q&A and its console (deck position, clock, pause).
 */
import type { Activity } from '../content/content.ts';
import type { Thresholds } from '../core/workshop.ts';
import { ConsoleRoom } from '../console/console-room.ts';
import { QaRoom } from '../qa/qa-room.ts';
import type { Store, WorkshopRecord } from '../store/store.ts';
import { JoinCounter } from './join-counter.ts';
import type { LiveWorkshop, LiveWorkshops } from './live-workshop.ts';
import { Room } from './room.ts';
import { createWriter, type Writer } from './writer.ts';

export interface RoomsOptions {
  store: Store;
  activities: readonly Activity[];
  thresholds: Thresholds;
  clock: () => number;
  joinUrl: (code: string) => string;
}

/** One workshop, live, on the data folder. */
export class SqliteWorkshop implements LiveWorkshop {
  readonly room: Room;
  readonly qa: QaRoom;
  readonly console: ConsoleRoom;
  private readonly joins: JoinCounter;

  constructor(
    readonly record: WorkshopRecord,
    options: RoomsOptions & { catalog: ReadonlyMap<string, Activity>; writer: Writer },
  ) {
    const { catalog, thresholds, store, writer, clock, joinUrl } = options;
    this.qa = new QaRoom(record, store, writer);
    // The question box is the same queue: its answers wait for the facilitator like any question.
    this.room = new Room({ record, catalog, thresholds, store, writer, clock, joinUrl, onQuestion: (text) => this.qa.ask(text) });
    this.console = new ConsoleRoom(clock);
    this.joins = new JoinCounter(record, (keys) => writer.write(record.id, keys.map((key) => ({ type: 'joined' as const, key }))));
  }

  joined(phone: string): void {
    this.joins.joined(phone);
  }

  stop(): void {
    this.joins.stop();
    this.room.stop();
    this.qa.stop();
  }
}

export class Rooms implements LiveWorkshops {
  private readonly byCode = new Map<string, SqliteWorkshop>();

  constructor(options: RoomsOptions) {
    const catalog: ReadonlyMap<string, Activity> = new Map(options.activities.map((a) => [a.id, a]));
    const writer = createWriter(options.store);
    for (const record of options.store.listWorkshops()) {
      this.byCode.set(record.code, new SqliteWorkshop(record, { ...options, catalog, writer }));
    }
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
