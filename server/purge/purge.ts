/**
 * Data lifecycle: what a workshop keeps once it is old. Purge keeps each activity's counts
 * (store/counts.ts, the same query the report reads; under the threshold, only the total) and
 * the number of phones and questions, and deletes the ballots, questions, votes and
 * joined-phone keys: the report still shows the counts and the learning gain. Deleting
 * removes a workshop and everything of it.
 */
import type { Activity } from '../content/content.ts';
import { keptSummaries } from '../store/counts.ts';
import type { Store, WorkshopRecord } from '../store/store.ts';

/**
 * Keeps only the counts of one workshop. Counted per activity of the content, as the report
 * reads them: answers to an activity the content no longer has would never be reported, and go.
 * Counts under the threshold the workshop ran with are not kept (store/counts.ts): a workshop
 * that kept no threshold is summarised with the kit's default, 10, since what it ran with is
 * unknown and a summary cannot be made less private later.
 */
export function purgeWorkshop(store: Store, activities: readonly Activity[], record: WorkshopRecord, now: number): void {
  store.purge(record.id, keptSummaries(store, activities, record), now);
}

/**
 * Purges every workshop created more than `ageMs` before `now` and not purged yet, except the
 * newest: that is the one `npm start` resumes, still in use (`--workshop CODE` deletes it).
 * Returns the purged ones, oldest first.
 */
export function purgeOlderThan(store: Store, activities: readonly Activity[], ageMs: number, now: number): WorkshopRecord[] {
  const all = store.listWorkshops();
  const due = all.slice(0, -1).filter((w) => w.createdAt < now - ageMs && store.facts(w.id).purgedAt === null);
  for (const w of due) purgeWorkshop(store, activities, w, now);
  // Purged means gone from the disk too, not only from the tables.
  if (due.length > 0) store.vacuum();
  return due;
}

/** Deletes the workshop with join code `code` entirely; returns it, or undefined when there is none. */
export function deleteWorkshopByCode(store: Store, code: string): WorkshopRecord | undefined {
  const record = store.listWorkshops().find((w) => w.code === code);
  if (record) {
    store.deleteWorkshop(record.id);
    store.vacuum();
  }
  return record;
}
