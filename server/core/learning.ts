/**
 * What the room learned: each knowledge check's percent correct before and after, overall,
 * and how the confidence check-ins moved. Aggregates of each round only: a phone's two
 * answers carry different keys (privacy/keys.ts) and are never matched here or anywhere.
 * A round with fewer answers than the threshold shows its count and nothing else. A round
 * that still takes answers shows nothing but that it is open: figures that moved with each
 * answer would show, by difference, what each phone chose. Pure.
 */
import type { Activity } from '../content/schema.ts';
import type { LearningGain, LearningRound, ScaleRound } from '../protocol.ts';

/** The counts of one activity: answers in all, and per option (or per scale point). */
export interface Counts {
  total: number;
  counts: readonly number[];
  /** Answers are still taken (the live room): no figure of it is shown until it is locked. */
  open?: boolean;
}

const percent = (part: number, whole: number): number => Math.round((100 * part) / whole);

/** The learning gain of every knowledge check and check-in that has two rounds. */
export function learningGain(activities: readonly Activity[], countsOf: (activityId: string) => Counts, thresholdOf: (activity: Activity) => number): LearningGain {
  const paired = (kind: 'choice' | 'scale'): { base: string; before: Activity; after: Activity }[] =>
    activities.flatMap((before) => {
      if (before.kind !== kind || before.round !== 'before') return [];
      const base = before.id.replace(/\.before$/, '');
      const after = activities.find((a) => a.id === `${base}.after`);
      return after ? [{ base, before, after }] : [];
    });

  const pooled = { before: { correct: 0, total: 0 }, after: { correct: 0, total: 0 } };
  const checks = paired('choice').map(({ base, before, after }) => {
    const round = (activity: Activity, which: 'before' | 'after'): LearningRound => {
      const { total, counts, open } = countsOf(activity.id);
      if (open) return { total, percent: null, open: true };
      const answer = 'answer' in activity ? activity.answer : undefined;
      if (total < thresholdOf(activity) || answer === undefined) return { total, percent: null };
      const correct = counts[answer] ?? 0;
      pooled[which].correct += correct;
      pooled[which].total += total;
      return { total, percent: percent(correct, total) };
    };
    return { id: base, before: round(before, 'before'), after: round(after, 'after') };
  });

  const scales = paired('scale').map(({ base, before, after }) => {
    const round = (activity: Activity): ScaleRound => {
      const { total, counts, open } = countsOf(activity.id);
      if (open) return { total, counts: null, mean: null, open: true };
      if (total < thresholdOf(activity) || activity.kind !== 'scale') return { total, counts: null, mean: null };
      const sum = counts.reduce((s, n, i) => s + n * (activity.min + i), 0);
      return { total, counts: [...counts], mean: Math.round((sum / total) * 100) / 100 };
    };
    return { id: base, before: round(before), after: round(after) };
  });

  const overall = (r: { correct: number; total: number }): number | null => (r.total > 0 ? percent(r.correct, r.total) : null);
  return { checks, overall: { before: overall(pooled.before), after: overall(pooled.after) }, scales };
}
