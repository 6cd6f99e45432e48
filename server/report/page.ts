/**
 * The shell every report page shares: one self-contained HTML document with its style
 * inline and no script, no font, no image file and no address outside it, so a report
 * saved to disk opens offline years later and prints the same.
 */
import { escapeHtml } from '../content/escape-html.ts';
import { htmlDocument } from '../http/document.ts';

/** Big type and thick bars: a chart the back row of a room could read off a projector. */
const STYLE = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #4a4a4a; --bar: #1f5f99; --best: #17663a; --track: #e6edf3; --rule: #c9d3dc; }
* { box-sizing: border-box; }
html { font-size: 18px; }
body { margin: 0; font: 1rem/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); background: #fff; }
.page { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 2rem; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.5rem; margin: 2.5rem 0 1rem; padding-bottom: 0.25rem; border-bottom: 2px solid var(--rule); }
h3 { font-size: 1.2rem; margin: 0.25rem 0 0.5rem; }
a { color: #0b4f8a; }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; padding: 0; margin: 0; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1.5rem; margin: 0 0 1rem; }
.facts dt { font-weight: 700; }
.facts dd { margin: 0; }
.notice { border-left: 6px solid var(--bar); background: var(--track); padding: 0.75rem 1rem; }
.notice.rehearsal { border-left-color: #8a4b00; background: #fff3df; }
.activity { border-top: 1px solid var(--rule); padding: 1rem 0 1.25rem; }
.activity.empty { padding: 0.5rem 0; }
.activity.empty h3 { font-size: 1rem; font-weight: 600; }
.activity.empty .hidden { margin: 0; }
.kind { margin: 0; color: var(--muted); font-size: 0.95rem; }
.story { margin: 0 0 0.25rem; font-weight: 700; }
.total { margin: 0.25rem 0 0.75rem; }
.hidden { color: var(--muted); font-style: italic; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: middle; padding: 0.3rem 0.5rem 0.3rem 0; }
thead th { font-size: 0.9rem; color: var(--muted); border-bottom: 1px solid var(--rule); }
tbody th { font-weight: 400; width: 40%; }
.line { display: flex; align-items: center; gap: 0.75rem; }
.track { flex: 1 1 auto; max-width: 24rem; height: 1.6rem; background: var(--track); border: 1px solid var(--rule); }
.bar { display: block; height: 100%; background: var(--bar); border-right: 2px solid var(--bar); }
.best .bar { background: var(--best); border-color: var(--best); }
.value { min-width: 6.5rem; font-weight: 700; font-size: 1.15rem; font-variant-numeric: tabular-nums; }
.best-tag { font-weight: 700; color: var(--best); }
.cloud { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; align-items: baseline; }
.cloud .n { font-size: 1rem; color: var(--muted); }
.learning-block { margin: 1.5rem 0; }
.caption { caption-side: top; text-align: left; font-weight: 700; margin: 0 0 0.5rem; padding-bottom: 0.25rem; }
td .meta { display: block; font-size: 0.9rem; }
.questions li { margin-bottom: 0.5rem; }
.downloads { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
.meta { color: var(--muted); }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.bar, .track { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@page { size: letter; margin: 0.6in; }
@media print {
  html { font-size: 11pt; }
  .page { max-width: none; padding: 0; }
  nav { display: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  .activity, table, tr, .learning-block, .questions li { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;

/** A complete HTML document around `body` (already escaped HTML). */
export function documentHtml(lang: string, title: string, body: string): string {
  return htmlDocument({ lang, title, style: STYLE, body: `<div class="page">${body}</div>` });
}

/** A bar `percent` wide (0-100) and the count and percent beside it, as text. */
export function barLine(value: string, percent: number): string {
  const width = Math.max(0, Math.min(100, percent));
  // The bar is drawing only: the text beside it says the same to a screen reader.
  return `<div class="line"><span class="track" aria-hidden="true"><span class="bar" style="width:${width}%"></span></span><span class="value">${escapeHtml(value)}</span></div>`;
}
