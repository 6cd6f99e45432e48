/**
 * The "What we learned together" slide (`data-learning`): each knowledge check's percent
 * correct before and after, overall, and how the check-ins moved. Aggregates of each round
 * only, as the server sends them; a round under the threshold shows its count, no percent,
 * and a round still taking answers shows only that it is open (its figures come once it is locked).
 * The table is the text equivalent of the bars (a screen reader reads it as a table).
 */
import type { ActivityView, LearningGain, LearningRound, ScaleRound } from '../../server/protocol.ts';
import { el } from '../dom.ts';
import { localView, t, tn } from '../i18n.ts';

/** Draws the gain on every `data-learning` slide. `views` gives each activity's words. */
export function renderLearning(gain: LearningGain, views: ReadonlyMap<string, ActivityView>): void {
  for (const slide of document.querySelectorAll<HTMLElement>('section[data-learning]')) {
    slide.querySelector('.learning')?.remove();
    slide.append(learningElement(gain, views));
  }
}

function learningElement(gain: LearningGain, views: ReadonlyMap<string, ActivityView>): HTMLElement {
  const prompt = (id: string): string => {
    const view = views.get(`${id}.after`);
    const words = view ? localView(view) : undefined;
    return words?.short ?? words?.prompt ?? id;
  };
  const overall = el('p', 'learning-overall', [
    el('span', '', t('present.learning.overall')),
    ' ',
    el('strong', '', percentText(gain.overall.before)),
    ' → ',
    el('strong', '', percentText(gain.overall.after)),
  ]);

  const checks = table('learning-checks', t('present.learning.checks'), t('present.learning.question'), gain.checks.map((c) => [prompt(c.id), roundCell(c.before), roundCell(c.after)]));
  const scales = table('learning-scales', t('present.learning.scales'), t('present.learning.checkin'), gain.scales.map((s) => [prompt(s.id), scaleCell(s.before), scaleCell(s.after)]));
  return el('div', 'learning', [overall, el('div', 'learning-grid', [checks, scales])]);
}

/** A before-and-after table: one row per question, its name as the row's header. */
function table(className: string, caption: string, first: string, rows: [string, HTMLElement, HTMLElement][]): HTMLTableElement {
  const header = (text: string, scope: 'col' | 'row'): HTMLTableCellElement => {
    const th = el('th', '', text);
    th.scope = scope;
    return th;
  };
  return el('table', className, [
    el('caption', '', caption),
    el('thead', '', [el('tr', '', [header(first, 'col'), header(t('present.learning.before'), 'col'), header(t('present.learning.after'), 'col')])]),
    el('tbody', '', rows.map(([name, before, after]) => el('tr', '', [header(name, 'row'), before, after]))),
  ]);
}

function percentText(percent: number | null): string {
  return percent === null ? '–' : `${percent}%`;
}

function roundCell(round: LearningRound): HTMLElement {
  if (round.open) return el('td', 'learning-held', t('present.learning.open'));
  if (round.percent === null) return el('td', 'learning-held', tn('present.learning.few', round.total));
  const bar = el('span', 'learning-bar');
  bar.style.width = `${round.percent}%`;
  return el('td', '', [el('span', 'learning-track', [bar]), el('strong', 'learning-percent', `${round.percent}%`)]);
}

function scaleCell(round: ScaleRound): HTMLElement {
  if (round.open) return el('td', 'learning-held', t('present.learning.open'));
  if (!round.counts || round.mean === null) return el('td', 'learning-held', tn('present.learning.few', round.total));
  const max = Math.max(1, ...round.counts);
  const columns = round.counts.map((n, i) => {
    const column = el('span', 'learning-column');
    column.style.height = `${Math.round((100 * n) / max)}%`;
    column.title = `${i + 1}: ${n}`;
    return column;
  });
  const text = round.counts.map((n, i) => `${i + 1}: ${n}`).join(', ');
  return el('td', '', [
    el('span', 'learning-histogram', columns),
    el('strong', 'learning-percent', t('present.learning.mean', { mean: round.mean })),
    el('span', 'visually-hidden', ` (${text})`),
  ]);
}
