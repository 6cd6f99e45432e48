/**
 * The served pages around the reports: the list of workshops a key opens, and the short page
 * shown instead of a report (no key, a wrong key, no such workshop). Pure.
 */
import { escapeHtml } from '../content/escape-html.ts';
import { longDate, workshopDate, localDate } from './dates.ts';
import { rehearsalNotice } from './html.ts';
import { documentHtml } from './page.ts';
import { translator, type StringMap } from './strings.ts';

/** What the list says of one workshop. */
export interface WorkshopListing {
  code: string;
  createdAt: number;
  startedAt: number | null;
  joined: number;
  purgedAt: number | null;
}

/** The address of a workshop's report (`.csv`, `.json` or the page), in `lang`. */
export function reportPath(code: string, lang: string, ext: '' | '.csv' | '.json' = ''): string {
  return `/report/${encodeURIComponent(code)}${ext}?lang=${encodeURIComponent(lang)}`;
}

/** The address that ends the report cookie on this browser, answering in `lang`. */
export function signOutPath(lang: string): string {
  return `/report/sign-out?lang=${encodeURIComponent(lang)}`;
}

/** The workshops, in the order given, each linking to its report, CSV and JSON; and a way to sign out. A rehearsal's list says so. */
export function reportIndexHtml(workshops: readonly WorkshopListing[], lang: string, strings: StringMap, rehearsal = false): string {
  const t = translator(strings, lang);
  const head = ['report.facts.code', 'report.facts.date', 'report.facts.joined', 'report.index.status', 'report.index.downloads'];
  const rows = workshops.map((w) => {
    const code = escapeHtml(w.code);
    // The code, hidden but read aloud, tells the links of one row from the next.
    const named = (key: string): string => `${escapeHtml(t(key))}<span class="sr-only"> ${code}</span>`;
    const status = w.purgedAt === null ? t('report.index.kept') : t('report.index.purgedOn', { date: longDate(localDate(w.purgedAt), lang) });
    return [
      '<tr>',
      `<th scope="row"><a href="${escapeHtml(reportPath(w.code, lang))}">${code}</a></th>`,
      `<td>${escapeHtml(longDate(workshopDate(w.createdAt, w.startedAt), lang))}</td>`,
      `<td>${w.joined.toLocaleString(lang)}</td>`,
      `<td>${escapeHtml(status)}</td>`,
      '<td><ul class="downloads">',
      `<li><a href="${escapeHtml(reportPath(w.code, lang))}">${named('report.index.open')}</a></li>`,
      `<li><a href="${escapeHtml(reportPath(w.code, lang, '.csv'))}" download>${named('report.nav.csv')}</a></li>`,
      `<li><a href="${escapeHtml(reportPath(w.code, lang, '.json'))}" download>${named('report.nav.json')}</a></li>`,
      '</ul></td>',
      '</tr>',
    ].join('');
  });
  const table =
    workshops.length === 0
      ? `<p>${escapeHtml(t('report.index.none'))}</p>`
      : `<table><thead><tr>${head.map((k) => `<th scope="col">${escapeHtml(t(k))}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
  const signOut = `<p><a href="${escapeHtml(signOutPath(lang))}">${escapeHtml(t('report.signOut'))}</a></p>`;
  const body = `<main><h1>${escapeHtml(t('report.index.title'))}</h1>${rehearsal ? rehearsalNotice(t) : ''}${table}${signOut}</main>`;
  return documentHtml(lang, t('report.index.title'), body);
}

/** A page with a title and one paragraph: why there is no report here. */
export function messageHtml(lang: string, strings: StringMap, titleKey: string, bodyKey: string): string {
  const t = translator(strings, lang);
  return documentHtml(lang, t(titleKey), `<main><h1>${escapeHtml(t(titleKey))}</h1><p>${escapeHtml(t(bodyKey))}</p></main>`);
}
