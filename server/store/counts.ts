/**
 * The store's one query for counts: each activity's counts of a workshop, tallied from the
 * stored ballots (core/tally.ts, the same code the live room runs) or, once the workshop was
 * purged, rebuilt from the summaries purge kept. The report shows them and purge keeps them:
 * both read this query, so the report reads the same before and after a purge. A ballot goes
 * no further than this module.
 */
import type { Activity } from '../content/schema.ts';
import { count, emptyTally, MIN_WORD_REPEATS, type Tally } from '../core/tally.ts';
import { ranWith } from '../core/threshold-floor.ts';
import { thresholdOf, type Thresholds } from '../core/workshop.ts';
import type { ActivitySummary, Store, WorkshopRecord } from './store.ts';

/** How many answered an activity, and its tally. */
export interface ActivityCounts {
  total: number;
  tally: Tally;
}

/** Counts of every activity of `activities` from ballots; ballots of activities the content no longer has are left out. */
function countsFromBallots(activities: readonly Activity[], ballots: ReturnType<Store['loadRoom']>['ballots']): Map<string, ActivityCounts> {
  const byId = new Map(activities.map((a) => [a.id, a]));
  const counts = new Map(activities.map((a) => [a.id, { total: 0, tally: emptyTally(a) }]));
  for (const b of ballots) {
    const activity = byId.get(b.activityId);
    const current = counts.get(b.activityId);
    if (!activity || !current) continue;
    current.total += 1;
    count(current.tally, activity, b.value, 1);
  }
  return counts;
}

/** Counts of every activity of `activities` from what purge kept (nothing kept: no answers). */
function countsFromSummaries(activities: readonly Activity[], summaries: readonly ActivitySummary[]): Map<string, ActivityCounts> {
  const kept = new Map(summaries.map((s) => [s.activityId, s]));
  return new Map(
    activities.map((a) => {
      const s = kept.get(a.id);
      const tally = emptyTally(a);
      if (s) {
        tally.counts = [...s.tally.counts];
        tally.words = new Map(s.tally.words);
        tally.sum = s.tally.sum;
      }
      return [a.id, { total: s?.total ?? 0, tally }];
    }),
  );
}

/** A workshop's counts, from its ballots or, once purged, its summaries. */
export function storedCounts(store: Store, activities: readonly Activity[], workshopId: string): Map<string, ActivityCounts> {
  return store.facts(workshopId).purgedAt === null
    ? countsFromBallots(activities, store.loadRoom(workshopId).ballots)
    : countsFromSummaries(activities, store.summaries(workshopId));
}

/**
 * What purge keeps of each answered activity, for a workshop that ran with `thresholds`
 * (never lower: core/threshold-floor.ts). What the room never shows is not kept, so the
 * report reads the same before and after and the data folder holds less:
 * - an activity answered by fewer than its threshold keeps its total only, no count per
 *   option, word or point (the total says how many answered, never what anyone chose;
 *   the report shows it before and after, "hidden (4 answers)");
 * - a word fewer than MIN_WORD_REPEATS phones gave (the one most likely to be personal).
 */
export function summariesOf(counts: ReadonlyMap<string, ActivityCounts>, activities: readonly Activity[], thresholds: Thresholds): ActivitySummary[] {
  const byId = new Map(activities.map((a) => [a.id, a]));
  return [...counts]
    .filter(([, c]) => c.total > 0)
    .map(([activityId, { total, tally }]) => {
      const activity = byId.get(activityId);
      if (!activity || total < thresholdOf(activity, thresholds)) return { activityId, total, tally: { counts: [], words: [], sum: 0 } };
      return { activityId, total, tally: { counts: [...tally.counts], words: [...tally.words].filter(([, n]) => n >= MIN_WORD_REPEATS), sum: tally.sum } };
    });
}

/**
 * What purge keeps of `record`: its counts, summarised with the threshold it ran with. A
 * workshop that kept none is summarised with the kit's default, 10: what it ran with is
 * unknown, and a summary can never be made more private later.
 */
export function keptSummaries(store: Store, activities: readonly Activity[], record: WorkshopRecord): ActivitySummary[] {
  return summariesOf(storedCounts(store, activities, record.id), activities, ranWith(record.threshold));
}
