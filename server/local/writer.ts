/**
 * Group commit: every write asked for in the same turn of the event loop goes into one
 * SQLite transaction, and each caller hears back only once that transaction committed.
 * A burst of 2,000 answers costs a few fsyncs instead of 2,000.
 */
import type { EventBatch, Store } from '../store/store.ts';

export interface Writer {
  /** Resolves once `events` are durably stored; rejects when the transaction failed. */
  write(workshopId: string, events: EventBatch['events']): Promise<void>;
}

export function createWriter(store: Store): Writer {
  let queue: { batch: EventBatch; done: () => void; failed: (error: unknown) => void }[] = [];
  const flush = (): void => {
    const pending = queue;
    queue = [];
    try {
      store.commit(pending.map((p) => p.batch));
    } catch (error) {
      for (const p of pending) p.failed(error);
      return;
    }
    for (const p of pending) p.done();
  };
  return {
    write(workshopId, events) {
      return new Promise((done, failed) => {
        if (queue.length === 0) setImmediate(flush);
        queue.push({ batch: { workshopId, events }, done, failed });
      });
    },
  };
}
