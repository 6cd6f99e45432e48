/**
 * The HTML a slide is given from the data files: an activity's question as the projector
 * shows it, a resource list and a source list. Every word from data is HTML-escaped.
 */
import { escapeHtml } from './escape-html.ts';
import { helpEntry } from './help.ts';
import { activityText } from './localize.ts';
import type { Activity, Resource, Source } from './schema.ts';

/** The question as the room sees it on the projector; the live panel is added by the deck. */
export function activityHtml(a: Activity, lang: string, t: (key: string) => string): string {
  const label = a.round ? t(a.kind === 'scale' ? `activity.checkin.${a.round}` : `activity.round.${a.round}`) : t(`activity.kind.${a.kind}`);
  const words = activityText(a, lang);
  const parts = [`<p class="activity-label">${escapeHtml(label)}</p>`];
  if (words.story !== undefined) parts.push(`<p class="activity-story">${escapeHtml(words.story)}</p>`);
  parts.push(`<p class="activity-prompt">${escapeHtml(words.prompt)}</p>`);
  if (words.options) {
    const items = words.options.map(
      (o, i) => `<li data-option="${i}"><span class="option-letter">${String.fromCharCode(65 + i)}</span><span class="option-text">${escapeHtml(o)}</span></li>`,
    );
    parts.push(`<ol class="activity-options">${items.join('')}</ol>`);
  }
  if (a.kind === 'scale' && words.labels) {
    parts.push(`<p class="activity-scale">${a.min} = ${escapeHtml(words.labels[0])} &#8230; ${a.max} = ${escapeHtml(words.labels[1])}</p>`);
  }
  return `<div class="activity" data-kind="${a.kind}">${parts.join('')}</div>`;
}

/** A resource group's entries, each with its numbers, hours and languages in `lang`. */
export function resourceList(entries: Resource[], lang: string, t: (key: string) => string): string {
  const fill = (key: string, values: Record<string, string>): string => t(key).replace(/\{(\w+)\}/g, (m, name: string) => values[name] ?? m);
  const items = entries.map((r) => {
    const e = helpEntry(r, lang);
    const texting = e.text && (e.text.word ? fill('present.resources.textWord', { word: e.text.word, number: e.text.number }) : fill('present.resources.text', { number: e.text.number }));
    const parts = [
      `<strong class="resource-name">${escapeHtml(e.name)}</strong>`,
      ...e.phones.map((p) => `<span class="resource-phone">${escapeHtml(fill('present.resources.call', { number: p.label ? `${p.number} (${p.label})` : p.number }))}</span>`),
      texting && `<span class="resource-text">${escapeHtml(texting)}</span>`,
      e.web && `<span class="resource-web">${escapeHtml(e.web.replace(/^https?:\/\//, ''))}</span>`,
      e.hours && `<span class="resource-hours">${escapeHtml(e.hours)}</span>`,
      e.languages && `<span class="resource-languages">${escapeHtml(e.languages.join('; '))}</span>`,
      e.note && `<span class="resource-note">${escapeHtml(e.note)}</span>`,
    ].filter(Boolean);
    return `<li class="resource">${parts.join(' ')}</li>`;
  });
  return `<ul class="resources">${items.join('')}</ul>`;
}

/** One slide's page of the source list. */
export function sourceList(sources: readonly Source[], t: (key: string) => string): string {
  const items = sources.map((s) => {
    const urls = s.urls ?? (s.url ? [s.url] : []);
    const secondary = s.secondary ? ` <em>(${escapeHtml(t('present.sources.secondary'))})</em>` : '';
    return `<li><span class="source-id">[${escapeHtml(s.id)}]</span> ${escapeHtml(s.title)}${secondary}<br><span class="source-url">${urls.map(escapeHtml).join(' ; ')}</span></li>`;
  });
  return `<ul class="sources">${items.join('')}</ul>`;
}
