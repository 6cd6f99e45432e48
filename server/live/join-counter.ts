/**
 * Counts each phone once as joined (a key for joining only, linkable to nothing else), for
 * the report. Joins are written in batches: after a restart 10,000 phones reconnect within
 * seconds, and one write each would stall the answers they are re-sending.
 */
import { ballotKey } from '../privacy/keys.ts';
import type { WorkshopRecord } from '../store/store.ts';

/** Joins are written at most this often (a count for the report; no phone waits for it). */
const JOINED_INTERVAL_MS = 1000;

export class JoinCounter {
  /** Phones seen since the kit started, so a reconnect is not written again. */
  private readonly seen = new Set<string>();
  /** Joins not written yet: written together, at most every JOINED_INTERVAL_MS. */
  private readonly unwritten = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;

  /** `write` stores the keys durably (a key stored twice counts once); `count` reads how many are stored. */
  constructor(
    private readonly record: WorkshopRecord,
    private readonly write: (keys: string[]) => Promise<void>,
    private readonly count: () => Promise<number>,
  ) {}

  /** Phones joined since the workshop began (before a restart too), the ones not written yet included. */
  async joinedSoFar(): Promise<number> {
    return (await this.count()) + this.unwritten.size;
  }

  joined(phone: string): void {
    if (this.seen.has(phone)) return;
    this.seen.add(phone);
    this.unwritten.set(phone, ballotKey(this.record.salt, phone, 'joined'));
    this.timer ??= setTimeout(() => this.flush(), JOINED_INTERVAL_MS);
  }

  private flush(): void {
    this.timer = undefined;
    const batch = [...this.unwritten];
    this.unwritten.clear();
    if (batch.length === 0) return;
    // A lost count is not worth refusing a phone for: on failure each is counted when it comes back.
    this.write(batch.map(([, key]) => key)).catch(() => {
      for (const [phone] of batch) this.seen.delete(phone);
    });
  }

  /** Writes what is waiting (the server is closing). */
  stop(): void {
    clearTimeout(this.timer);
    this.flush();
  }
}
