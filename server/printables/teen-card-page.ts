/**
 * /handout/teens: a card for a young person about sextortion, addressed to them, two copies
 * on one letter-size sheet to cut apart. What to do (it is not your fault; don't pay; stop
 * replying; keep the account and the messages; never save or forward the image; tell an
 * adult you trust) and where to get help, with the lines named in take-home.yaml and printed
 * from resources.yaml. The screen shows one card; the second copy exists only on paper and is
 * hidden from screen readers, so nobody hears the card twice.
 */
import type { HelpEntry } from '../content/help.ts';
import type { TakeHome } from '../content/take-home.ts';
import { citedSources, linesById, uncited } from './cited.ts';
import { escapeHtml, lastChecked, otherLanguages, page, siteName, wordsFor, type PageInput, type Words } from './shell.ts';

const CSS = `
body{max-width:46rem;font-size:1rem;line-height:1.35}
.card{border:1.5px dashed #1a1a1a;border-radius:4px;padding:.8rem 1rem;margin:0 0 1rem}
.card h1{font-size:1.45rem;margin:0 0 .3rem}
.card h2{font-size:1.05rem;margin:.3rem 0 .25rem}
.lead{font-weight:700;font-size:1.08rem;margin:0 0 .3rem}
.cols{display:grid;grid-template-columns:1fr 1.2fr;gap:0 1.2rem}
ol,ul{margin:0;padding-left:1.2rem}
li{margin:0 0 .3rem}
.help{list-style:none;padding:0}
.help p{margin:0}
.line{font-weight:700}
.sources{font-size:.75rem;color:#3a3a3a;margin:.3rem 0 0}
.copy{display:none}
@media (max-width:36rem){.cols{grid-template-columns:1fr}}
/* The sheet's margins are the cards' padding, so that the cut falls at the middle of the sheet. */
@page{size:letter;margin:0}
@media print{
  body{font-size:10.5pt;line-height:1.28;padding:0}
  .card{height:5.5in;margin:0;padding:.35in .5in .25in;border:0;border-radius:0}
  .card.copy{display:block;border-top:1.5px dashed #1a1a1a}
  .card h1{font-size:17pt}
  .card h2{font-size:12.5pt}
  .lead{font-size:12pt}
  .sources{font-size:6.5pt}
}`;

/** A line's ways to reach it, bare (the card's own words say "call or text"): numbers and site. */
function waysHtml(e: HelpEntry): string {
  const numbers = e.phones.map((p) => p.number + (p.label ? ` (${p.label})` : ''));
  if (e.text && !e.phones.some((p) => p.number === e.text?.number)) numbers.push(e.text.number);
  const ways = [...numbers, ...(e.web ? [siteName(e.web)] : [])].map((x) => `<span class="nowrap">${escapeHtml(x)}</span>`);
  return `<p class="line">${escapeHtml(e.name)}: ${ways.join(' · ')}</p>`;
}

/** One card; `copy` is the second, printed-only one (no ids, hidden from screen readers). */
function cardHtml(t: TakeHome, input: PageInput, w: Words, copy: boolean): string {
  const c = t.teens;
  const id = (name: string): string => (copy ? '' : ` id="${name}"`);
  const labelled = (name: string): string => (copy ? '' : ` aria-labelledby="${name}"`);
  const help = c.help.items.map((item) => `<li><p>${escapeHtml(uncited(item.say))}</p>${linesById(input.content, item.call, w.lang).map(waysHtml).join('')}</li>`);
  return [
    copy ? '<article class="card copy" aria-hidden="true">' : '<article class="card" aria-labelledby="card-h">',
    `<h1${id('card-h')}>${escapeHtml(c.title)}</h1>`,
    `<p class="lead">${escapeHtml(uncited(c.lead))}</p>`,
    '<div class="cols">',
    `<section${labelled('do-h')}><h2${id('do-h')}>${escapeHtml(c.do.title)}</h2><ol>${c.do.items.map((s) => `<li>${escapeHtml(uncited(s))}</li>`).join('')}</ol></section>`,
    `<section${labelled('help-h')}><h2${id('help-h')}>${escapeHtml(c.help.title)}</h2><ul class="help">${help.join('')}</ul></section>`,
    '</div>',
    `<p class="sources">${escapeHtml(`${t.sources} ${citedSources(input.content, c).join(' · ')}. ${w.fill('handout.checked', { date: w.date(lastChecked(input.content)) })}`)}</p>`,
    '</article>',
  ].join('\n');
}

/** The young person's card in `input.lang`, twice on the printed sheet, as a whole HTML document. */
export function renderTeenCard(input: PageInput): string {
  const w = wordsFor(input.content, input.lang);
  const t = input.content.takeHome[w.lang] ?? input.content.takeHome['en'];
  if (!t) throw new Error(`no take-home words for "${w.lang}"`);
  const body = [
    `<p class="tools screen-only">${otherLanguages(input.content, w.lang, '/handout/teens', 'handout.thisPage')}<span>${escapeHtml(w.t('handout.print'))} ${escapeHtml(t.teens.print)}</span></p>`,
    '<main>',
    cardHtml(t, input, w, false),
    cardHtml(t, input, w, true),
    '</main>',
  ].join('\n');
  return page({ lang: w.lang, title: t.teens.title, css: CSS, body });
}
