/**
 * What the printable pages (/guide, /handout, /help) share: the HTML document around them,
 * their words in one language, dates and minutes written the language's way, and a
 * resource's ways to reach it. The pages are made on the server from checked content, hold
 * no secret and run no script (the kit's Content-Security-Policy allows none inline); every
 * piece of text from content goes through escapeHtml.
 */
import type { Content } from '../content/content.ts';
import { escapeHtml } from '../content/escape-html.ts';
import { htmlDocument } from '../http/document.ts';
import type { Guide } from '../content/guide.ts';
import type { HelpEntry } from '../content/help.ts';

export { escapeHtml };

/** What a page is made from: the content, the page's language and the time it is made. */
export interface PageInput {
  content: Content;
  lang: string;
  now: Date;
}

/** A page's words in its language (falling back to English, then to the key itself). */
export interface Words {
  lang: string;
  /** The words of guide.yaml in this language. */
  text: Guide;
  t(key: string): string;
  /** A string with its {placeholders} filled in. Values are text: escape the result. */
  fill(key: string, values: Record<string, string | number>): string;
  /** A string as HTML (escaped), with its {placeholders} filled in by HTML `values`. */
  fillHtml(key: string, values: Record<string, string>): string;
  number(n: number): string;
  /** A date (a Date, or an ISO day like 2026-11-29) written out in the language. */
  date(d: Date | string): string;
}

export function wordsFor(content: Content, lang: string): Words {
  const strings = content.strings[lang] ?? {};
  const t = (key: string): string => strings[key] ?? content.strings['en']?.[key] ?? key;
  const guide = content.guide[lang] ?? content.guide['en'];
  if (!guide) throw new Error(`no guide words for "${lang}"`);
  const numbers = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  return {
    lang,
    text: guide,
    t,
    fill: (key, values) => t(key).replace(/\{(\w+)\}/g, (m, name: string) => (values[name] === undefined ? m : String(values[name]))),
    fillHtml: (key, values) =>
      t(key)
        .split(/(\{\w+\})/)
        .map((part) => values[part.slice(1, -1)] ?? escapeHtml(part))
        .join(''),
    number: (n) => numbers.format(n),
    date: (d) => {
      // An ISO day is a calendar day, not a moment: written as it is, whatever the time zone.
      const day = typeof d === 'string' ? new Date(`${d}T12:00:00Z`) : d;
      return new Intl.DateTimeFormat(lang, { dateStyle: 'long', ...(typeof d === 'string' ? { timeZone: 'UTC' } : {}) }).format(day);
    },
  };
}

/** The day the resources were last checked: the latest `checked` of resources.yaml. */
export function lastChecked(content: Content): string {
  return Object.values(content.resources.groups)
    .flatMap((g) => g.entries.map((r) => r.checked))
    .reduce((a, b) => (b > a ? b : a), '');
}

/** A number that is never split over two lines. */
const unbroken = (text: string): string => `<span class="nowrap">${escapeHtml(text)}</span>`;

/**
 * A resource's ways to reach it, as HTML: "Call 1-800-...", "Text HELP to 233733", its site.
 * Numbers never break at their dashes, on paper or on a phone.
 */
export function contactHtml(e: HelpEntry, w: Words): { phones: string[]; text?: string; web?: string } {
  const phones = e.phones.map((p) => w.fillHtml('present.resources.call', { number: unbroken(p.number) + (p.label ? ` (${escapeHtml(p.label)})` : '') }));
  const out: { phones: string[]; text?: string; web?: string } = { phones };
  if (e.text) {
    const number = unbroken(e.text.number);
    out.text = e.text.word ? w.fillHtml('present.resources.textWord', { word: escapeHtml(e.text.word), number }) : w.fillHtml('present.resources.text', { number });
  }
  if (e.web) out.web = escapeHtml(siteName(e.web));
  return out;
}

/** A web address as people read it: no scheme, no trailing slash. */
export function siteName(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

/** The languages a page can be made in: those with both the guide's words and the page strings. */
export function pageLanguages(content: Content): string[] {
  return Object.keys(content.guide).filter((l) => content.strings[l] !== undefined);
}

/**
 * Links to the same page in the kit's other languages, each named in its own language:
 * `path?lang=xx` on the kit, or `path(xx)` where the page lives elsewhere (an exported file).
 */
export function otherLanguages(content: Content, lang: string, path: string | ((lang: string) => string), key: string): string {
  const href = typeof path === 'string' ? (l: string) => `${path}?lang=${l}` : path;
  return pageLanguages(content)
    .filter((l) => l !== lang)
    .map((l) => `<a href="${escapeHtml(href(l))}" lang="${escapeHtml(l)}" hreflang="${escapeHtml(l)}">${escapeHtml(content.strings[l]?.[key] ?? l)}</a>`)
    .join(' ');
}

/** Colours meet WCAG AA on white (text at least 7:1, borders 3:1); fonts are the system's. */
const BASE_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;color-scheme:light}
body{margin:0 auto;max-width:50rem;padding:1rem;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1a1a1a;background:#fff}
h1,h2,h3,h4,h5{line-height:1.25;margin:1.2em 0 .4em}
h1{font-size:1.7em;margin-top:.4em}
a{color:#0b4f9c}
.meta{color:#4a4a4a}
.nowrap{white-space:nowrap}
.tools{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;margin:0 0 .5rem;font-size:.95rem}
@media print{
  .screen-only{display:none!important}
  body{max-width:none;padding:0}
  a{color:inherit;text-decoration:none}
}`;

/** A whole HTML document: language, title, inline styles, no script; `head`: more of its head (meta tags). */
export function page({ lang, title, css, body, head }: { lang: string; title: string; css: string; body: string; head?: readonly string[] }): string {
  return htmlDocument({ lang, title, style: `${BASE_CSS}${css}`, body, head });
}
