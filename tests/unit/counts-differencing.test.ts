/**
 * Counts that cannot be differenced (issue 18, finding 4), below the wire: the learning
 * figures of a round appear only once it is locked, a reader's threshold never goes under
 * the workshop's own, and purge keeps no count per option under the threshold.
 */
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Activity } from '../../server/content/content.ts';
import { learningGain } from '../../server/core/learning.ts';
import { atLeast, ranWith } from '../../server/core/threshold-floor.ts';
import { emptyTally } from '../../server/core/tally.ts';
import { Room } from '../../server/local/room.ts';
import { createWriter } from '../../server/local/writer.ts';
import { summariesOf, type ActivityCounts } from '../../server/store/counts.ts';
import { openSqliteStore } from '../../server/store/sqlite.ts';
import { newWorkshop } from '../../server/workshops.ts';
import { tempDataDir } from '../helpers/server.ts';

const ACTIVITIES: Activity[] = [
  { id: 'quiz.before', kind: 'choice', prompt: 'Quiz', options: ['A', 'B'], answer: 1, round: 'before' },
  { id: 'quiz.after', kind: 'choice', prompt: 'Quiz', options: ['A', 'B'], answer: 1, round: 'after' },
  { id: 'sure.before', kind: 'scale', prompt: 'Sure?', min: 1, max: 3, labels: ['No', 'Yes'], round: 'before' },
  { id: 'sure.after', kind: 'scale', prompt: 'Sure?', min: 1, max: 3, labels: ['No', 'Yes'], round: 'after' },
  { id: 'word', kind: 'words', prompt: 'One word', maxLength: 20 },
];
const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanup.splice(0)) f();
});

describe('learning figures', () => {
  const counts = { total: 4, counts: [1, 3] };

  it('show nothing of a round that still takes answers, and count it in no overall figure', () => {
    const gain = learningGain(ACTIVITIES, (id) => (id === 'quiz.after' ? { ...counts, open: true } : counts), () => 3);
    expect(gain.checks).toEqual([{ id: 'quiz', before: { total: 4, percent: 75 }, after: { total: 4, percent: null, open: true } }]);
    expect(gain.overall).toEqual({ before: 75, after: null });
    const scales = learningGain(ACTIVITIES, (id) => ({ total: 4, counts: [1, 1, 2], open: id === 'sure.before' }), () => 3).scales;
    expect(scales).toEqual([{ id: 'sure', before: { total: 4, counts: null, mean: null, open: true }, after: { total: 4, counts: [1, 1, 2], mean: 2.25 } }]);
  });

  it('in a live room, appear when the round is locked and go when it is reopened', async () => {
    const dir = tempDataDir();
    const store = openSqliteStore(dir);
    const sent: unknown[] = [];
    const room = new Room({
      record: newWorkshop(store, 1),
      catalog: new Map(ACTIVITIES.map((a) => [a.id, a])),
      thresholds: { default: 3, text: 10 },
      store,
      writer: createWriter(store),
      clock: () => 42,
      joinUrl: (code) => `http://kit.test/?code=${code}`,
    });
    room.attach({ toHosts: (event, payload) => void (event === 'learning:update' && sent.push(payload)), toAttendees: () => undefined, attendeeCount: () => 0 });
    cleanup.push(() => {
      room.stop();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const after = () => room.learning().checks[0]?.after;

    await room.command('open', 'quiz.after');
    for (const [i, v] of [1, 1, 0, 1].entries()) {
      await room.submit(`phone-${i}`, 'quiz.after', v);
      // Answer by answer, nothing moves but the count: no percent to subtract from the next.
      expect(after()).toEqual({ total: i + 1, percent: null, open: true });
    }
    await room.command('lock', 'quiz.after');
    expect(after()).toEqual({ total: 4, percent: 75 });
    // The lock is sent to the deck at once (a facilitator's command), with the figures.
    expect(sent.at(-1)).toEqual(room.learning());
    await room.command('unlock', 'quiz.after');
    expect(after()).toEqual({ total: 4, percent: null, open: true });
    expect(sent.at(-1)).toEqual(room.learning());
  });
});

describe("a workshop's threshold is the floor", () => {
  it('a lower threshold asked later is raised to the one the workshop ran with; a higher one holds back more', () => {
    expect(ranWith(10)).toEqual({ default: 10, text: 10 });
    expect(ranWith(3)).toEqual({ default: 3, text: 10 });
    expect(ranWith(null)).toEqual({ default: 10, text: 10 });
    expect(atLeast({ default: 1, text: 10 }, ranWith(10))).toEqual({ default: 10, text: 10 });
    expect(atLeast({ default: 20, text: 20 }, ranWith(10))).toEqual({ default: 20, text: 20 });
  });

  it('purge keeps only the total of an activity answered by fewer than its threshold, and every count of one over it', () => {
    const counted = (activity: Activity, total: number, counts: number[], words: [string, number][] = []): [string, ActivityCounts] => {
      const tally = emptyTally(activity);
      tally.counts = counts;
      tally.words = new Map(words);
      return [activity.id, { total, tally }];
    };
    const [before, after, , , word] = ACTIVITIES as [Activity, Activity, Activity, Activity, Activity];
    const counts = new Map([counted(before, 9, [4, 5]), counted(after, 10, [3, 7]), counted(word, 9, [], [['trust', 5]])]);
    expect(summariesOf(counts, ACTIVITIES, ranWith(10))).toEqual([
      { activityId: 'quiz.before', total: 9, tally: { counts: [], words: [], sum: 0 } },
      { activityId: 'quiz.after', total: 10, tally: { counts: [3, 7], words: [], sum: 0 } },
      { activityId: 'word', total: 9, tally: { counts: [], words: [], sum: 0 } },
    ]);
  });
});
