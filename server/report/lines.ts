/**
 * An activity's results as lines of a chart or rows of a table: one per option, scale point
 * or word, with its count and percent of the answers. Shared by the HTML and CSV reports so
 * both say exactly the same. Pure.
 */
import type { ReportActivity, ReportText } from './model.ts';

export interface ResultLine {
  label: string;
  count: number;
  /** Of all answers to the activity, rounded to a whole number (multi answers add up to more than 100). */
  percent: number;
  /** The best option of a knowledge check or scenario. */
  best: boolean;
}

/** Rounded percent, 0 when there is nothing to divide by. */
export function percentOf(part: number, whole: number): number {
  return whole > 0 ? Math.round((100 * part) / whole) : 0;
}

/** The activity's words in `lang`, English where it has none. */
export function textOf(activity: ReportActivity, lang: string): ReportText {
  return activity.text[lang] ?? activity.text['en'] ?? { prompt: activity.id };
}

/** A scale point's label: the number, with the end's words at either end ("1 (Not confident)"). */
export function scalePoint(activity: ReportActivity, point: number, lang: string): string {
  const labels = textOf(activity, lang).labels;
  const end = point === activity.scale?.min ? labels?.[0] : point === activity.scale?.max ? labels?.[1] : undefined;
  return end ? `${point} (${end})` : String(point);
}

/** Its results as lines; none when they are hidden (under the threshold, or free text). */
export function resultLines(activity: ReportActivity, lang: string): ResultLine[] {
  const { results, total } = activity;
  if (!results) return [];
  const line = (label: string, count: number, best = false): ResultLine => ({ label, count, percent: percentOf(count, total), best });
  switch (results.kind) {
    case 'words':
      return results.words.map((w) => line(w.text, w.count));
    case 'scale':
      return results.counts.map((n, i) => line(scalePoint(activity, (activity.scale?.min ?? 0) + i, lang), n));
    case 'options': {
      const options = textOf(activity, lang).options ?? [];
      return results.counts.map((n, i) => line(options[i] ?? String(i + 1), n, i === activity.answer));
    }
  }
}
