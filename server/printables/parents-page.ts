/**
 * /handout/parents: one letter-size page for parents and caregivers to take home, in their
 * language. Conversation starters by age, the "you can always call me" safety plan, the
 * family plan to tick, what to do if their child tells them something, and the lines to call,
 * named in take-home.yaml and printed from resources.yaml. Sources in small print.
 */
import { citedSources, linesById, uncited } from './cited.ts';
import { contactHtml, escapeHtml, lastChecked, otherLanguages, page, wordsFor, type PageInput } from './shell.ts';

const CSS = `
body{max-width:52rem;font-size:.95rem;line-height:1.35}
h1{font-size:1.5rem;margin:.2rem 0 .3rem}
h2{font-size:1.1rem;margin:.55rem 0 .25rem}
h3{font-size:.95rem;margin:0 0 .2rem;padding-bottom:.1rem;border-bottom:1.5px solid #1a1a1a}
p{margin:.2rem 0}
ul{margin:.1rem 0;padding-left:1.1rem}
li{margin:0 0 .2rem}
.ages{display:grid;grid-template-columns:repeat(3,1fr);gap:0 1.2rem}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:0 1.5rem}
.say{border:2px solid #1a1a1a;border-radius:6px;padding:.35rem .6rem;font-weight:600}
.checklist{list-style:none;padding:0}
.checklist li{position:relative;padding-left:1.6em}
.checklist li::before{content:"";position:absolute;left:0;top:.15em;width:.95em;height:.95em;border:2px solid #1a1a1a;border-radius:2px}
.lines{list-style:none;padding:0}
.lines .ways{display:block}
.small,.sources{font-size:.8rem;color:#3a3a3a;margin:.15rem 0}
footer{border-top:1.5px solid #1a1a1a;margin-top:.5rem;padding-top:.2rem}
@media (max-width:36rem){.ages,.cols{grid-template-columns:1fr}}
/* The sheet's margins are the body's padding: the page looks in print mode as it prints. */
@page{size:letter;margin:0}
@media print{
  body{font-size:9.75pt;line-height:1.25;padding:.45in .5in}
  h1{font-size:16pt}
  h2{font-size:11.5pt}
  h3{font-size:9.75pt}
  .small,.sources{font-size:7pt}
  section,li{break-inside:avoid}
}`;

/** The parents' take-home page in `input.lang`, as a whole HTML document. */
export function renderParents(input: PageInput): string {
  const w = wordsFor(input.content, input.lang);
  const words = input.content.takeHome[w.lang] ?? input.content.takeHome['en'];
  if (!words) throw new Error(`no take-home words for "${w.lang}"`);
  const p = words.parents;
  const li = (items: readonly string[]): string => items.map((s) => `<li>${escapeHtml(uncited(s))}</li>`).join('');
  const ages = p.ages.map((a) => `<section class="age"><h3>${escapeHtml(a.label)}</h3><ul>${li(a.starters)}</ul></section>`);
  const lines = linesById(input.content, p.help.call, w.lang).map((e) => {
    const c = contactHtml(e, w);
    return `<li><strong>${escapeHtml(e.name)}</strong><span class="ways">${[...c.phones, ...(c.text ? [c.text] : []), ...(c.web ? [c.web] : [])].join(' · ')}</span></li>`;
  });
  const body = [
    `<p class="tools screen-only">${otherLanguages(input.content, w.lang, '/handout/parents', 'handout.thisPage')}<span>${escapeHtml(w.t('handout.print'))}</span></p>`,
    '<main>',
    `<h1>${escapeHtml(p.title)}</h1>`,
    `<p>${escapeHtml(uncited(p.intro))}</p>`,
    `<section aria-labelledby="ages-h"><h2 id="ages-h">${escapeHtml(p.ages_title)}</h2><div class="ages">${ages.join('')}</div></section>`,
    '<div class="cols"><div>',
    `<section aria-labelledby="plan-h"><h2 id="plan-h">${escapeHtml(p.safety_plan.title)}</h2><p class="say">${escapeHtml(uncited(p.safety_plan.say))}</p></section>`,
    `<section aria-labelledby="family-h"><h2 id="family-h">${escapeHtml(p.family_plan.title)}</h2><ul class="checklist">${li(p.family_plan.items)}</ul></section>`,
    '</div><div>',
    `<section aria-labelledby="help-h"><h2 id="help-h">${escapeHtml(p.help.title)}</h2><p>${escapeHtml(p.help.note)}</p><ul class="lines">${lines.join('')}</ul></section>`,
    `<section aria-labelledby="tell-h"><h2 id="tell-h">${escapeHtml(p.if_they_tell.title)}</h2><p>${escapeHtml(uncited(p.if_they_tell.text))}</p></section>`,
    '</div></div>',
    '</main>',
    `<footer><p class="sources">${escapeHtml(`${words.sources} ${citedSources(input.content, p).join(' · ')}`)}</p><p class="small">${escapeHtml(w.fill('handout.checked', { date: w.date(lastChecked(input.content)) }))}</p></footer>`,
  ].join('\n');
  return page({ lang: w.lang, title: p.title, css: CSS, body });
}
