/** Every workshop in the store, each in its own room, found by join code or id. */
import type { Activity } from '../content/content.ts';
import type { Thresholds } from '../core/workshop.ts';
import type { Store, WorkshopRecord } from '../store/store.ts';
import { Room } from './room.ts';
import { createWriter } from './writer.ts';

export interface RoomsOptions {
  store: Store;
  activities: readonly Activity[];
  thresholds: Thresholds;
  clock: () => number;
  joinUrl: (code: string) => string;
}

export class Rooms {
  private readonly byCode = new Map<string, Room>();
  private readonly options: RoomsOptions;
  private readonly catalog: ReadonlyMap<string, Activity>;
  private readonly writer;

  constructor(options: RoomsOptions) {
    this.options = options;
    this.catalog = new Map(options.activities.map((a) => [a.id, a]));
    this.writer = createWriter(options.store);
    for (const record of options.store.listWorkshops()) this.add(record);
  }

  /** Opens the room of a workshop created after start. */
  add(record: WorkshopRecord): Room {
    const existing = this.byCode.get(record.code);
    if (existing) return existing;
    const { store, thresholds, clock, joinUrl } = this.options;
    const room = new Room({ record, catalog: this.catalog, thresholds, store, writer: this.writer, clock, joinUrl });
    this.byCode.set(record.code, room);
    return room;
  }

  byJoinCode(code: string): Room | undefined {
    return this.byCode.get(code);
  }

  all(): Room[] {
    return [...this.byCode.values()];
  }

  stop(): void {
    for (const room of this.byCode.values()) room.stop();
  }
}
