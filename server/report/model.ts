/**
 * The report of one workshop as plain data, computed from the store alone, so it can be
 * made with no server running. It holds what the room could be shown and counts: no device
 * key, no ballot, no per-person row, no time of any answer. Pure apart from reading `store`.
 */
import type { Activity, Content } from '../content/content.ts';
import { activityText } from '../content/localize.ts';
import { learningGain } from '../core/learning.ts';
import { board, emptyQa } from '../core/questions.ts';
import { results } from '../core/tally.ts';
import { atLeast, ranWith } from '../core/threshold-floor.ts';
import { thresholdOf, type Thresholds } from '../core/workshop.ts';
import { LANGUAGES, type ActivityKind, type LearningGain, type Results } from '../protocol.ts';
import type { Store, StoredQuestions, WorkshopRecord } from '../store/store.ts';
import { storedCounts } from '../store/counts.ts';
import { workshopDate } from './dates.ts';

/** An activity's words in one language. */
export interface ReportText {
  prompt: string;
  /** A few words naming a question asked twice, for the before-and-after tables. */
  short?: string;
  /** A scenario's title. */
  title?: string;
  options?: string[];
  /** A scale's two ends. */
  labels?: [string, string];
}

export interface ReportActivity {
  id: string;
  kind: ActivityKind;
  round: 'before' | 'after' | null;
  /** By language code: `en` and every translation. */
  text: Record<string, ReportText>;
  /** A scale's first and last point. */
  scale: { min: number; max: number } | null;
  /** The best option of a knowledge check or scenario. */
  answer: number | null;
  /** Fewest answers before results are shown. */
  threshold: number;
  total: number;
  /** As the room shows them once revealed: null under the threshold, and always for free text. */
  results: Results | null;
}

/** An approved question: its text and upvotes, never who asked or when. */
export interface ReportQuestion {
  text: string;
  votes: number;
  answered: boolean;
}

export interface Report {
  code: string;
  createdAt: number;
  /** When purge kept only the counts; null before. */
  purgedAt: number | null;
  /** The day of the workshop (YYYY-MM-DD, local time). */
  date: string;
  /** From the facilitator's first to last command; null when nothing was ever opened. */
  minutes: number | null;
  joined: number;
  questionsAsked: number;
  thresholds: Thresholds;
  activities: ReportActivity[];
  learning: LearningGain;
  /** Empty once purged: questions are deleted with the raw answers. */
  questions: ReportQuestion[];
  /** A rehearsal's report (--rehearse): simulated phones, not a real workshop; said first on every format. */
  rehearsal?: true;
}

/**
 * The report of `record`, from the store, holding back what `asked` holds back, and never
 * less than the workshop ran with (core/threshold-floor.ts): for a workshop made before
 * thresholds were kept, `asked` alone.
 */
export function buildReport(store: Store, content: Content, record: WorkshopRecord, asked: Thresholds): Report {
  const thresholds = atLeast(asked, ranWith(record.threshold, asked));
  const facts = store.facts(record.id);
  const counts = storedCounts(store, content.activities, record.id);
  const countOf = (id: string): { total: number; counts: number[] } => {
    const c = counts.get(id);
    return { total: c?.total ?? 0, counts: c?.tally.counts ?? [] };
  };
  const activities = content.activities.map((activity): ReportActivity => {
    const c = counts.get(activity.id);
    const total = c?.total ?? 0;
    const threshold = thresholdOf(activity, thresholds);
    return {
      id: activity.id,
      kind: activity.kind,
      round: activity.round ?? null,
      text: Object.fromEntries(LANGUAGES.map((lang) => [lang, wordsOf(activity, lang)])),
      scale: activity.kind === 'scale' ? { min: activity.min, max: activity.max } : null,
      answer: 'answer' in activity && activity.answer !== undefined ? activity.answer : null,
      threshold,
      total,
      results: c && total >= threshold ? results(c.tally, activity, total) : null,
    };
  });
  return {
    code: record.code,
    createdAt: record.createdAt,
    purgedAt: facts.purgedAt,
    date: workshopDate(record.createdAt, facts.startedAt),
    minutes: facts.startedAt !== null && facts.lastCommandAt !== null ? Math.round((facts.lastCommandAt - facts.startedAt) / 60_000) : null,
    joined: facts.joined,
    questionsAsked: facts.questionsAsked,
    thresholds: { ...thresholds },
    activities,
    learning: learningGain(content.activities, countOf, (a) => thresholdOf(a, thresholds)),
    questions: approved(store.loadQuestions(record.id)),
  };
}

/** The words a report shows: no explanation or story (they are the deck's, not the room's). */
function wordsOf(activity: Activity, lang: string): ReportText {
  const all = activityText(activity, lang);
  const words: ReportText = { prompt: all.prompt };
  if (all.short !== undefined) words.short = all.short;
  if (all.title !== undefined) words.title = all.title;
  if (all.options !== undefined) words.options = [...all.options];
  if (all.labels !== undefined) words.labels = [all.labels[0], all.labels[1]];
  return words;
}

/** Approved questions in the room's order: core/questions.ts `board` itself, over the stored questions. */
function approved({ questions, votes }: StoredQuestions): ReportQuestion[] {
  const state = emptyQa();
  for (const q of questions) state.questions.set(q.id, { ...q, votes: new Set() });
  for (const v of votes) state.questions.get(v.id)?.votes.add(v.voter);
  return board(state).map((q) => ({ text: q.text, votes: q.votes.size, answered: q.answered }));
}
