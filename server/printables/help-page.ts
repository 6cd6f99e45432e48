/**
 * /help: who to call, for any phone. Every line of resources.yaml with a link that calls or
 * texts it (helpEntry's tel: and sms: addresses), a short word of reassurance and a link to
 * the other language. No script, no image, no web font: it must open quickly on an old
 * phone on a weak network, and it is what the handout's QR code opens.
 */
import { helpList, type HelpEntry } from '../content/help.ts';
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

/** The help page in `input.lang`, as a whole HTML document. */
export function renderHelp(input: PageInput): string {
  const w = wordsFor(input.content, input.lang);
  const groups = helpList(input.content.resources, w.lang).map(
    (g, i) => `<section aria-labelledby="g${i}"><h2 id="g${i}">${escapeHtml(g.title)}</h2><ul class="list">${g.entries.map((e) => entryHtml(e, w)).join('')}</ul></section>`,
  );
  const body = [
    // A page with no script cannot wipe the tab's history as the phone page's quick exit does; a link away is what it can offer.
    `<p class="tools">${otherLanguages(input.content, w.lang, '/help', 'helpPage.thisPage')} <a class="exit" href="${escapeHtml(w.t('join.exit.url'))}" rel="noreferrer">${escapeHtml(w.t('join.exit'))}</a></p>`,
    '<main>',
    `<h1>${escapeHtml(w.t('helpPage.title'))}</h1>`,
    `<p>${escapeHtml(w.t('helpPage.intro'))}</p>`,
    ...groups,
    '</main>',
    `<footer><p class="meta">${escapeHtml(w.fill('helpPage.checked', { date: w.date(lastChecked(input.content)) }))}</p></footer>`,
  ].join('\n');
  return page({ lang: w.lang, title: w.t('helpPage.title'), css: CSS, body });
}
