/** Every workshop in the store when the kit starts, each in its own room, found by join code. */
import type { Activity } from '../content/content.ts';
import type { Thresholds } from '../core/workshop.ts';
import type { Store } from '../store/store.ts';
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

  constructor(options: RoomsOptions) {
    const catalog: ReadonlyMap<string, Activity> = new Map(options.activities.map((a) => [a.id, a]));
    const writer = createWriter(options.store);
    const { store, thresholds, clock, joinUrl } = options;
    for (const record of store.listWorkshops()) {
      this.byCode.set(record.code, new Room({ record, catalog, thresholds, store, writer, clock, joinUrl }));
    }
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
