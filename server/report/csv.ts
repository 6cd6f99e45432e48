/**
 * The report as a spreadsheet (CSV) and as JSON. The CSV has one row per line of a result
 * (an option, a scale point or a word: counts, never answers), then the learning gain, then
 * the approved questions with their votes (as the room saw them: never a dismissed or
 * waiting one, never who asked), then the workshop's facts. Pure.
 */
import { localDate } from './dates.ts';
import { resultLines, textOf } from './lines.ts';
import type { Report, ReportActivity } from './model.ts';
import { translator, type StringMap } from './strings.ts';

const COLUMNS = ['section', 'id', 'kind', 'round', 'prompt', 'answer', 'count', 'percent', 'total'] as const;
type Row = Partial<Record<(typeof COLUMNS)[number], string | number | null>>;

/**
 * One CSV cell (RFC 4180). A cell a spreadsheet would run as a formula (= + - @, or a tab or
 * carriage return first) gets a ' in front: a word typed on a phone must never run in the
 * facilitator's spreadsheet.
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The report as CSV, with headings and words in `lang`. Starts with a byte-order mark so spreadsheets read the accents right. */
export function reportCsv(report: Report, lang: string, strings: StringMap): string {
  const t = translator(strings, lang);
  const rows: Row[] = [];
  // A rehearsal says so on its first row, before any figure a reader could take for a room's.
  if (report.rehearsal) rows.push({ section: 'summary', id: 'rehearsal', prompt: t('report.rehearsal.label'), answer: t('report.rehearsal.body') });
  for (const a of report.activities) rows.push(...activityRows(a, lang, t));

  const prompts = new Map(report.activities.map((a) => [a.id, textOf(a, lang).prompt]));
  const percentCorrect = t('report.csv.percentCorrect');
  for (const c of report.learning.checks) {
    for (const round of ['before', 'after'] as const) {
      const r = c[round];
      rows.push({ section: 'learning', id: c.id, kind: 'choice', round, prompt: prompts.get(`${c.id}.${round}`) ?? c.id, answer: r.percent === null ? hidden(report, `${c.id}.${round}`, t) : percentCorrect, percent: r.percent, total: r.total });
    }
  }
  for (const round of ['before', 'after'] as const) {
    const percent = report.learning.overall[round];
    rows.push({ section: 'learning', id: 'overall', round, prompt: t('report.learning.overall'), answer: percentCorrect, percent });
  }

  // Typed on phones: csvCell keeps a question that starts like a formula from running.
  report.questions.forEach((q, i) => rows.push({ section: 'questions', id: i + 1, prompt: q.text, answer: q.answered ? t('report.answered') : '', count: q.votes }));

  const summary = (id: string, key: string, value: string | number): Row => ({ section: 'summary', id, prompt: t(key), answer: value });
  rows.push(summary('date', 'report.facts.date', report.date));
  rows.push(summary('minutes', 'report.csv.minutes', report.minutes ?? ''));
  rows.push(summary('joined', 'report.facts.joined', report.joined));
  rows.push(summary('questions', 'report.facts.asked', report.questionsAsked));
  rows.push(summary('code', 'report.facts.code', report.code));
  if (report.purgedAt !== null) rows.push(summary('purged', 'report.csv.purgedOn', localDate(report.purgedAt)));

  const header = COLUMNS.map((c) => csvCell(t(`report.csv.${c}`)));
  return `\uFEFF${[header.join(','), ...rows.map((r) => COLUMNS.map((c) => csvCell(r[c])).join(','))].join('\r\n')}\r\n`;
}

/** The rows of one activity: a row per result line, or one row saying why there are none. */
function activityRows(a: ReportActivity, lang: string, t: ReturnType<typeof translator>): Row[] {
  const base: Row = { section: 'results', id: a.id, kind: a.kind, round: a.round, prompt: textOf(a, lang).prompt, total: a.total };
  if (a.kind === 'text') return [{ ...base, answer: t('report.csv.freeText') }];
  if (!a.results) return [{ ...base, answer: t('report.hidden', { threshold: a.threshold }) }];
  const lines = resultLines(a, lang);
  if (lines.length === 0) return [{ ...base, answer: t('report.words.none') }];
  return lines.map((l) => ({ ...base, answer: l.label, count: l.count, percent: l.percent }));
}

function hidden(report: Report, activityId: string, t: ReturnType<typeof translator>): string {
  const threshold = report.activities.find((a) => a.id === activityId)?.threshold ?? report.thresholds.default;
  return t('report.hidden', { threshold });
}

/** The report as JSON, indented for reading. */
export function reportJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
