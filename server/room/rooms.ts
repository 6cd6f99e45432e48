/**
 * Every workshop in the store when the kit starts, found by join code. Each has its live
 * room (activities), its Q&A and its console (deck position, clock, pause).
 */
import type { Activity } from '../content/content.ts';
import type { Thresholds } from '../core/workshop.ts';
import { ConsoleRoom } from '../console/console-room.ts';
import { ballotKey } from '../privacy/keys.ts';
import { QaRoom } from '../qa/qa-room.ts';
import type { Store, WorkshopRecord } from '../store/store.ts';
import { Room } from './room.ts';
import { createWriter, type Writer } from './writer.ts';

export interface RoomsOptions {
  store: Store;
  activities: readonly Activity[];
  thresholds: Thresholds;
  clock: () => number;
  joinUrl: (code: string) => string;
}

/** Joins are written at most this often (a count for the report; no phone waits for it). */
const JOINED_INTERVAL_MS = 1000;

/** One workshop, live. */
export class LiveWorkshop {
  readonly room: Room;
  readonly qa: QaRoom;
  readonly console: ConsoleRoom;
  private readonly writer: Writer;
  /** Phones seen since the kit started, so a reconnect is not written again. */
  private readonly seen = new Set<string>();
  /** Joins not written yet: written together, at most every JOINED_INTERVAL_MS. */
  private readonly unwritten = new Map<string, string>();
  private joinedTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly record: WorkshopRecord,
    options: RoomsOptions & { catalog: ReadonlyMap<string, Activity>; writer: Writer },
  ) {
    const { catalog, thresholds, store, writer, clock, joinUrl } = options;
    this.qa = new QaRoom(record, store, writer);
    // The question box is the same queue: its answers wait for the facilitator like any question.
    this.room = new Room({ record, catalog, thresholds, store, writer, clock, joinUrl, onQuestion: (text) => this.qa.ask(text) });
    this.console = new ConsoleRoom(clock);
    this.writer = writer;
  }

  /**
   * Counts a phone as joined, once (a key for joining only, linkable to nothing else). Joins
   * are written in batches: after a restart 10,000 phones reconnect within seconds, and one
   * synchronous commit each would stall the answers they are re-sending.
   */
  joined(phone: string): void {
    if (this.seen.has(phone)) return;
    this.seen.add(phone);
    this.unwritten.set(phone, ballotKey(this.record.salt, phone, 'joined'));
    this.joinedTimer ??= setTimeout(() => this.writeJoined(), JOINED_INTERVAL_MS);
  }

  private writeJoined(): void {
    this.joinedTimer = undefined;
    const batch = [...this.unwritten];
    this.unwritten.clear();
    if (batch.length === 0) return;
    // A lost count is not worth refusing a phone for: on failure each is counted when it comes back.
    this.writer.write(this.record.id, batch.map(([, key]) => ({ type: 'joined' as const, key }))).catch(() => {
      for (const [phone] of batch) this.seen.delete(phone);
    });
  }

  stop(): void {
    clearTimeout(this.joinedTimer);
    this.writeJoined();
    this.room.stop();
    this.qa.stop();
  }
}

export class Rooms {
  private readonly byCode = new Map<string, LiveWorkshop>();

  constructor(options: RoomsOptions) {
    const catalog: ReadonlyMap<string, Activity> = new Map(options.activities.map((a) => [a.id, a]));
    const writer = createWriter(options.store);
    for (const record of options.store.listWorkshops()) {
      this.byCode.set(record.code, new LiveWorkshop(record, { ...options, catalog, writer }));
    }
  }

  /** A workshop's live room, by join code. */
  byJoinCode(code: string): Room | undefined {
    return this.byCode.get(code)?.room;
  }

  /** A workshop with its Q&A and console, by join code. */
  workshop(code: string): LiveWorkshop | undefined {
    return this.byCode.get(code);
  }

  all(): Room[] {
    return [...this.byCode.values()].map((w) => w.room);
  }

  workshops(): LiveWorkshop[] {
    return [...this.byCode.values()];
  }

  stop(): void {
    for (const w of this.byCode.values()) w.stop();
  }
}
