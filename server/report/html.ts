/**
 * The report as one self-contained HTML document (page.ts): the workshop's facts, every
 * activity as a bar chart with its numbers as text, word clouds as lists, the learning gain,
 * the approved questions and what the report never holds. Every word from `strings`, every
 * piece of text escaped. Pure.
 */
import { escapeHtml } from '../content/escape-html.ts';
import { MIN_WORD_REPEATS } from '../core/tally.ts';
import type { ScaleRound } from '../protocol.ts';
import { localDate, longDate } from './dates.ts';
import { percentOf, resultLines, scalePoint, textOf } from './lines.ts';
import type { Report, ReportActivity } from './model.ts';
import { barLine, documentHtml } from './page.ts';
import { translator, type StringMap, type Translate } from './strings.ts';

/** Where the served report links to (the file the CLI writes has none). */
export interface ReportLinks {
  index: string;
  csv: string;
  json: string;
  languages: { lang: string; name: string; href: string }[];
  /** Ends the report cookie on this browser (routes.ts). */
  signOut?: string;
}

export function reportHtml(report: Report, lang: string, strings: StringMap, links?: ReportLinks): string {
  const t = translator(strings, lang);
  const date = longDate(report.date, lang);
  const body = [
    links ? nav(links, t) : '',
    '<header>',
    `<h1>${escapeHtml(t(report.rehearsal ? 'report.rehearsal.title' : 'report.title'))}</h1>`,
    report.rehearsal ? rehearsalNotice(t) : '',
    facts(report, date, lang, t),
    report.purgedAt !== null ? `<p class="notice">${escapeHtml(t('report.purged', { date: longDate(localDate(report.purgedAt), lang) }))}</p>` : '',
    '</header>',
    '<main>',
    `<section aria-labelledby="results"><h2 id="results">${escapeHtml(t('report.results'))}</h2>`,
    ...report.activities.map((a) => activityHtml(a, lang, t)),
    '</section>',
    learningHtml(report, lang, t),
    questionsHtml(report, t),
    neverHtml(report, t),
    '</main>',
  ].join('\n');
  return documentHtml(lang, t(report.rehearsal ? 'report.rehearsal.titleFull' : 'report.titleFull', { code: report.code, date }), body);
}

/** What a rehearsal's report says first: these are not a room's answers. */
export function rehearsalNotice(t: Translate): string {
  return `<p class="notice rehearsal"><strong>${escapeHtml(t('report.rehearsal.label'))}</strong> ${escapeHtml(t('report.rehearsal.body'))}</p>`;
}

function nav(links: ReportLinks, t: Translate): string {
  const items = [
    `<li><a href="${escapeHtml(links.index)}">${escapeHtml(t('report.nav.all'))}</a></li>`,
    `<li><a href="${escapeHtml(links.csv)}" download>${escapeHtml(t('report.nav.csv'))}</a></li>`,
    `<li><a href="${escapeHtml(links.json)}" download>${escapeHtml(t('report.nav.json'))}</a></li>`,
    ...links.languages.map((l) => `<li><a href="${escapeHtml(l.href)}" hreflang="${escapeHtml(l.lang)}" lang="${escapeHtml(l.lang)}">${escapeHtml(l.name)}</a></li>`),
    links.signOut ? `<li><a href="${escapeHtml(links.signOut)}">${escapeHtml(t('report.signOut'))}</a></li>` : '',
  ];
  return `<nav aria-label="${escapeHtml(t('report.nav.label'))}"><ul>${items.join('')}</ul></nav>`;
}

function facts(report: Report, date: string, lang: string, t: Translate): string {
  const row = (key: string, value: string): string => `<dt>${escapeHtml(t(key))}</dt><dd>${escapeHtml(value)}</dd>`;
  const number = (n: number): string => n.toLocaleString(lang);
  return [
    '<dl class="facts">',
    row('report.facts.date', date),
    row('report.facts.length', report.minutes === null ? t('report.facts.lengthUnknown') : t.plural('report.minutes', report.minutes)),
    row('report.facts.joined', number(report.joined)),
    row('report.facts.asked', number(report.questionsAsked)),
    row('report.facts.code', report.code),
    '</dl>',
  ].join('');
}

/** The small label above a prompt: what kind of activity, and which round. */
export function kindLabel(a: ReportActivity, t: Translate): string {
  if (a.round) return t(a.kind === 'scale' ? `report.checkin.${a.round}` : `report.round.${a.round}`);
  return t(`activity.kind.${a.kind}`);
}

function activityHtml(a: ReportActivity, lang: string, t: Translate): string {
  const text = textOf(a, lang);
  const heading = `a-${a.id.replace(/[^a-z0-9-]/g, '-')}`;
  const parts = [
    `<article class="activity${a.total === 0 ? ' empty' : ''}" aria-labelledby="${heading}">`,
    `<p class="kind">${escapeHtml(kindLabel(a, t))}</p>`,
    text.title !== undefined ? `<p class="story">${escapeHtml(text.title)}</p>` : '',
    `<h3 id="${heading}">${escapeHtml(text.prompt)}</h3>`,
  ];
  // An activity nobody answered (an optional module, say) takes one line, not a block.
  if (a.total > 0) parts.push(`<p class="total">${escapeHtml(t.plural('report.answers', a.total))}</p>`);
  if (a.total === 0) parts.push(`<p class="hidden">${escapeHtml(t('report.noAnswers'))}</p>`);
  else if (a.kind === 'text') parts.push(`<p class="hidden">${escapeHtml(t('report.freeText'))}</p>`);
  else if (!a.results) parts.push(`<p class="hidden">${escapeHtml(t('report.hidden', { threshold: a.threshold }))}</p>`);
  else if (a.results.kind === 'words') parts.push(cloudHtml(a, lang, t));
  else {
    parts.push(chartHtml(a, lang, t));
    if (a.results.kind === 'scale') parts.push(`<p>${escapeHtml(t('report.mean', { mean: a.results.mean.toLocaleString(lang) }))}</p>`);
  }
  parts.push('</article>');
  return parts.join('\n');
}

/** One row per option or scale point: its words, then the bar with "count (percent)". */
function chartHtml(a: ReportActivity, lang: string, t: Translate): string {
  const rows = resultLines(a, lang).map((line) => {
    const best = line.best ? ` <span class="best-tag">(${escapeHtml(t('report.best'))})</span>` : '';
    return `<tr${line.best ? ' class="best"' : ''}><th scope="row">${escapeHtml(line.label)}${best}</th><td>${barLine(t('report.countPercent', { count: line.count, percent: line.percent }), line.percent)}</td></tr>`;
  });
  return [
    '<table>',
    `<caption class="sr-only">${escapeHtml(textOf(a, lang).prompt)}</caption>`,
    `<thead><tr><th scope="col">${escapeHtml(t('report.column.answer'))}</th><th scope="col">${escapeHtml(t('report.column.result'))}</th></tr></thead>`,
    `<tbody>${rows.join('')}</tbody>`,
    '</table>',
  ].join('');
}

/** A word cloud as a list: bigger words were given more often, and each says its count. */
function cloudHtml(a: ReportActivity, lang: string, t: Translate): string {
  const lines = resultLines(a, lang);
  const note = `<p class="meta">${escapeHtml(t('report.words.note', { min: MIN_WORD_REPEATS }))}</p>`;
  if (lines.length === 0) return `${note}<p class="hidden">${escapeHtml(t('report.words.none'))}</p>`;
  const most = Math.max(...lines.map((l) => l.count));
  const items = lines.map((l) => {
    const size = (1 + l.count / most).toFixed(2);
    return `<li style="font-size:${size}em"><span class="word">${escapeHtml(l.label)}</span> <span class="n">${escapeHtml(t('report.countPercent', { count: l.count, percent: l.percent }))}</span></li>`;
  });
  return `${note}<ul class="cloud">${items.join('')}</ul>`;
}

function learningHtml(report: Report, lang: string, t: Translate): string {
  const { checks, overall, scales } = report.learning;
  const byId = new Map(report.activities.map((a) => [a.id, a]));
  // A row names its check by its short name (the prompt is on the activity itself, above).
  const promptOf = (id: string): string => {
    const a = byId.get(`${id}.before`);
    return a ? (textOf(a, lang).short ?? textOf(a, lang).prompt) : id;
  };
  const round = (r: { total: number; percent: number | null }): string => {
    const answers = t.plural('report.answers', r.total);
    return r.percent === null
      ? `<span class="hidden">${escapeHtml(t('report.learning.hidden', { answers }))}</span>`
      : `${barLine(t('report.percent', { percent: r.percent }), r.percent)}<span class="meta">${escapeHtml(answers)}</span>`;
  };
  const parts = [`<section aria-labelledby="learning"><h2 id="learning">${escapeHtml(t('report.learning'))}</h2>`];
  if (checks.length === 0 && scales.length === 0) parts.push(`<p>${escapeHtml(t('report.learning.none'))}</p>`);
  if (checks.length > 0) {
    const overallCell = (p: number | null): string => (p === null ? `<span class="hidden">${escapeHtml(t('report.learning.notShown'))}</span>` : barLine(t('report.percent', { percent: p }), p));
    parts.push(
      `<div class="learning-block"><h3 id="checks">${escapeHtml(t('report.learning.checks'))}</h3><table aria-labelledby="checks">`,
      `<thead><tr><th scope="col">${escapeHtml(t('report.learning.check'))}</th><th scope="col">${escapeHtml(t('report.learning.before'))}</th><th scope="col">${escapeHtml(t('report.learning.after'))}</th></tr></thead><tbody>`,
      ...checks.map((c) => `<tr><th scope="row">${escapeHtml(promptOf(c.id))}</th><td>${round(c.before)}</td><td>${round(c.after)}</td></tr>`),
      `<tr><th scope="row"><strong>${escapeHtml(t('report.learning.overall'))}</strong></th><td>${overallCell(overall.before)}</td><td>${overallCell(overall.after)}</td></tr>`,
      '</tbody></table></div>',
    );
  }
  if (scales.length > 0) {
    parts.push(`<h3>${escapeHtml(t('report.learning.checkins'))}</h3>`);
    for (const s of scales) {
      const before = byId.get(`${s.id}.before`);
      if (before) parts.push(scaleTable(before, s.before, s.after, lang, t));
    }
  }
  parts.push('</section>');
  return parts.join('\n');
}

/** A check-in's distribution before and after: one row per point, then the average. */
function scaleTable(a: ReportActivity, before: ScaleRound, after: ScaleRound, lang: string, t: Translate): string {
  const min = a.scale?.min ?? 0;
  const points = (a.scale?.max ?? 0) - min + 1;
  const cell = (r: ScaleRound, i: number): string =>
    r.counts === null ? `<span class="hidden">${escapeHtml(t('report.learning.notShown'))}</span>` : barLine(t('report.countPercent', { count: r.counts[i] ?? 0, percent: percentOf(r.counts[i] ?? 0, r.total) }), percentOf(r.counts[i] ?? 0, r.total));
  const rows = Array.from({ length: points }, (_, i) => `<tr><th scope="row">${escapeHtml(scalePoint(a, min + i, lang))}</th><td>${cell(before, i)}</td><td>${cell(after, i)}</td></tr>`);
  const mean = (r: ScaleRound): string => escapeHtml(r.mean === null ? t('report.learning.notShown') : r.mean.toLocaleString(lang));
  const caption = escapeHtml(textOf(a, lang).prompt);
  if (before.counts === null && after.counts === null) {
    // Both rounds under the threshold: a table of "Hidden" cells would say nothing more than this.
    const rounds = t('report.learning.rounds', { before: t.plural('report.answers', before.total), after: t.plural('report.answers', after.total) });
    return `<div class="learning-block"><p class="caption">${caption}</p><p class="hidden">${escapeHtml(rounds)} ${escapeHtml(t('report.hidden', { threshold: a.threshold }))}</p></div>`;
  }
  return [
    '<div class="learning-block"><table>',
    `<caption class="caption">${caption}</caption>`,
    `<thead><tr><th scope="col">${escapeHtml(t('report.column.answer'))}</th><th scope="col">${escapeHtml(t('report.learning.before'))}</th><th scope="col">${escapeHtml(t('report.learning.after'))}</th></tr></thead><tbody>`,
    ...rows,
    `<tr><th scope="row">${escapeHtml(t('report.learning.answers'))}</th><td>${before.total}</td><td>${after.total}</td></tr>`,
    `<tr><th scope="row">${escapeHtml(t('report.learning.mean'))}</th><td>${mean(before)}</td><td>${mean(after)}</td></tr>`,
    '</tbody></table></div>',
  ].join('');
}

function questionsHtml(report: Report, t: Translate): string {
  const parts = [`<section aria-labelledby="questions"><h2 id="questions">${escapeHtml(t('report.questions'))}</h2>`];
  if (report.purgedAt !== null) parts.push(`<p>${escapeHtml(t('report.questions.purged'))}</p>`);
  else if (report.questions.length === 0) parts.push(`<p>${escapeHtml(t('report.questions.none'))}</p>`);
  else {
    const items = report.questions.map((q) => {
      const meta = [t.plural('report.votes', q.votes), ...(q.answered ? [t('report.answered')] : [])].join(', ');
      return `<li>${escapeHtml(q.text)} <span class="meta">(${escapeHtml(meta)})</span></li>`;
    });
    parts.push(`<ol class="questions">${items.join('')}</ol>`);
  }
  parts.push('</section>');
  return parts.join('\n');
}

function neverHtml(report: Report, t: Translate): string {
  const items = ['names', 'devices', 'rows', 'times'].map((k) => `<li>${escapeHtml(t(`report.never.${k}`))}</li>`);
  items.push(`<li>${escapeHtml(t('report.never.threshold', { threshold: report.thresholds.default }))}</li>`);
  return `<section aria-labelledby="never"><h2 id="never">${escapeHtml(t('report.never.title'))}</h2><ul>${items.join('')}</ul></section>`;
}
