/**
 * The guide's referral flow chart: one box per situation, "when" → "what to do", with the
 * lines to call named by their `id` in resources.yaml and printed through helpEntry, so a
 * number changed there changes here. An ordered list of boxes: readable on paper, and read
 * in order by a screen reader (the arrows are decoration).
 */
import type { Content } from '../content/content.ts';
import { helpEntry } from '../content/help.ts';
import type { Resource } from '../content/schema.ts';
import { contactHtml, escapeHtml, type Words } from './shell.ts';

/** The resource of resources.yaml with this `id`. */
export function resourceById(content: Content, id: string): Resource | undefined {
  for (const group of Object.values(content.resources.groups)) {
    const found = group.entries.find((r) => r.id === id);
    if (found) return found;
  }
  return undefined;
}

function callItem(r: Resource, w: Words): string {
  const e = helpEntry(r, w.lang);
  const c = contactHtml(e, w);
  const ways = [...c.phones, ...(c.text ? [c.text] : []), ...(c.web ? [c.web] : [])].join('; ');
  return `<li><strong>${escapeHtml(e.name)}</strong>${ways ? `: ${ways}` : ''}</li>`;
}

export const FLOW_CSS = `
.flow{list-style:none;padding:0;margin:0;counter-reset:step}
.flow>li{counter-increment:step;display:grid;grid-template-columns:minmax(0,2fr) 1.5em minmax(0,3fr);gap:.5em;align-items:start;border:2px solid #1a1a1a;border-radius:6px;padding:.6em .7em;margin:0 0 .6em;break-inside:avoid}
.flow .when .label::before{content:counter(step) ". "}
.flow .when p,.flow .then p{margin:.1em 0}
.flow .arrow{font-size:1.4em;line-height:1.2;text-align:center}
.flow .label{display:block;font-size:.8em;font-weight:700;text-transform:uppercase;letter-spacing:.04em;color:#4a4a4a}
.flow .calls{margin:.3em 0 0;padding-left:1.1em}
@media (max-width:36rem){.flow>li{grid-template-columns:1fr}.flow .arrow{transform:rotate(90deg);justify-self:start}}
`;

/** The referral flow as an ordered list of boxes. */
export function referralFlow(content: Content, w: Words): string {
  const steps = w.text.guide.referral.steps.map((step) => {
    const calls = step.call.flatMap((id) => resourceById(content, id) ?? []);
    const who = calls.length > 0 ? `<span class="label">${escapeHtml(w.t('guide.flow.call'))}</span><ul class="calls">${calls.map((r) => callItem(r, w)).join('')}</ul>` : '';
    return [
      '<li>',
      `<div class="when"><span class="label">${escapeHtml(w.t('guide.flow.when'))}</span><p>${escapeHtml(step.when)}</p></div>`,
      '<span class="arrow" aria-hidden="true">→</span>',
      `<div class="then"><span class="label">${escapeHtml(w.t('guide.flow.then'))}</span><p>${escapeHtml(step.then)}</p>${who}</div>`,
      '</li>',
    ].join('');
  });
  return `<ol class="flow">${steps.join('\n')}</ol>`;
}
