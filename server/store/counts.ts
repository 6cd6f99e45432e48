/**
 * The store's one query for counts: each activity's counts of a workshop, tallied from the
 * stored ballots (core/tally.ts, the same code the live room runs) or, once the workshop was
 * purged, rebuilt from the summaries purge kept. The report shows them and purge keeps them:
 * both read this query, so the report reads the same before and after a purge. A ballot goes
 * no further than this module.
 */
import type { Activity } from '../content/schema.ts';
import { count, emptyTally, MIN_WORD_REPEATS, type Tally } from '../core/tally.ts';
import type { ActivitySummary, Store } from './store.ts';

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
 * What purge keeps of each answered activity. A word fewer than MIN_WORD_REPEATS phones gave
 * is never shown (it is the one most likely to be personal), so it is not kept either: the
 * report reads the same before and after, and the data folder holds less.
 */
export function summariesOf(counts: ReadonlyMap<string, ActivityCounts>): ActivitySummary[] {
  return [...counts]
    .filter(([, c]) => c.total > 0)
    .map(([activityId, { total, tally }]) => ({
      activityId,
      total,
      tally: { counts: [...tally.counts], words: [...tally.words].filter(([, n]) => n >= MIN_WORD_REPEATS), sum: tally.sum },
    }));
}
