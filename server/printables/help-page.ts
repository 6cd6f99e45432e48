/**
 * The help page: who to call, for any phone. Every line of resources.yaml with a link that
 * calls or texts it (helpEntry's tel: and sms: addresses), a short word of reassurance, a
 * link to the other language and a quick exit. No script, no image, no web font: it must open
 * quickly on an old phone on a weak network. One renderer for two places: the kit's /help
 * (routes.ts) and the static files `npm run export-help` writes for an organization to host
 * (help-export.ts), which the handout's QR code and the phones' "keep this page" link open
 * after the workshop.
 *
 * A static host sends none of the kit's headers, so the page carries what matters of them
 * itself: a Content-Security-Policy that lets nothing run or load (not even a script the
 * host adds, such as analytics: nobody's visit to a help page should be recorded by it), no
 * referrer (tapping a line's site or the quick exit tells nobody which page the person came
 * from), and noindex (htmlDocument): the page is reached from the handout or the phone, and
 * a search engine's copy would keep old numbers after the organization updates them.
 */
import { helpList, type HelpEntry } from '../content/help.ts';
import { helpFile } from './help-address.ts';
import { contactHtml, escapeHtml, lastChecked, otherLanguages, page, wordsFor, type PageInput, type Words } from './shell.ts';

const CSS = `
body{max-width:36rem;font-size:1.05rem}
h1{font-size:1.5rem}
h2{font-size:1.15rem;border-bottom:2px solid #1a1a1a;padding-bottom:.2rem}
h3{font-size:1.05rem;margin:.1rem 0 .3rem}
.list{list-style:none;padding:0;margin:0}
.list>li{border:1px solid #767676;border-radius:8px;padding:.6rem .75rem;margin:0 0 .7rem}
.go{display:block;min-height:44px;margin:.35rem 0;padding:.55rem .75rem;border:2px solid #0b4f9c;border-radius:6px;font-weight:700;text-decoration:none;overflow-wrap:anywhere}
.go:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}
.list p{margin:.25rem 0}
.exit{margin-left:auto;display:inline-block;min-height:44px;padding:.55rem .75rem;border-radius:6px;background:#1b2330;color:#fff;font-weight:700;text-decoration:none}
`;

function entryHtml(e: HelpEntry, w: Words): string {
  const c = contactHtml(e, w);
  const links = [
    ...e.phones.map((p, i) => `<a class="go" href="${escapeHtml(p.href)}">${c.phones[i] ?? escapeHtml(p.number)}</a>`),
    e.text && c.text ? `<a class="go" href="${escapeHtml(e.text.href)}">${c.text}</a>` : '',
    e.web && c.web ? `<a class="go" href="${escapeHtml(e.web)}">${w.fillHtml('helpPage.web', { site: c.web })}</a>` : '',
  ];
  const more = [e.hours, e.languages?.join('; '), e.note].filter((x): x is string => Boolean(x)).map((x) => `<p class="meta">${escapeHtml(x)}</p>`);
  return `<li><h3>${escapeHtml(e.name)}</h3>${links.join('')}${more.join('')}</li>`;
}

/** Where the page is read: served by the kit at /help, or exported as files (export-help). */
export type HelpServed = 'kit' | 'export';

/** What the exported files carry so that export-help knows a folder it wrote before. */
export const EXPORT_MARK = '<meta name="generator" content="csec-workshop-kit export-help">';

/** Nothing runs and nothing loads but the page's own style and its empty icon, wherever it is served. */
const OWN_POLICY = [
  `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`,
  '<meta name="referrer" content="no-referrer">',
];

/**
 * The help page in `input.lang`, as a whole HTML document. `served`: on the kit its other
 * language is `/help?lang=es`; exported, the file beside it (`es.html`, `index.html`).
 */
export function renderHelp(input: PageInput, served: HelpServed = 'kit'): string {
  const w = wordsFor(input.content, input.lang);
  const groups = helpList(input.content.resources, w.lang).map(
    (g, i) => `<section aria-labelledby="g${i}"><h2 id="g${i}">${escapeHtml(g.title)}</h2><ul class="list">${g.entries.map((e) => entryHtml(e, w)).join('')}</ul></section>`,
  );
  const body = [
    // A page with no script cannot wipe the tab's history as the phone page's quick exit does; a link away is what it can offer.
    `<p class="tools">${otherLanguages(input.content, w.lang, served === 'kit' ? '/help' : helpFile, 'helpPage.thisPage')} <a class="exit" href="${escapeHtml(w.t('join.exit.url'))}" rel="noreferrer">${escapeHtml(w.t('join.exit'))}</a></p>`,
    '<main>',
    `<h1>${escapeHtml(w.t('helpPage.title'))}</h1>`,
    `<p>${escapeHtml(w.t('helpPage.intro'))}</p>`,
    ...groups,
    '</main>',
    `<footer><p class="meta">${escapeHtml(w.fill('helpPage.checked', { date: w.date(lastChecked(input.content)) }))}</p></footer>`,
  ].join('\n');
  return page({ lang: w.lang, title: w.t('helpPage.title'), css: CSS, body, head: served === 'kit' ? OWN_POLICY : [...OWN_POLICY, EXPORT_MARK] });
}
