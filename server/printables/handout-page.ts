/**
 * /handout: one letter-size page for every attendee to take home. Warning signs, what to do
 * when a young person tells you something, every line of resources.yaml, and, only when there
 * is a help page at an address that still works after the workshop (the organization's copy,
 * `--help-url` or the pack's `help-url`; else the kit's /help at `--public-url`:
 * help-address.ts), its QR code (drawn here as SVG, so the page needs no image file and no
 * script). Without one, the kit's address is the laptop's on the venue's Wi-Fi, which opens
 * nothing at home: the sheet then prints the numbers alone, and says they work any time.
 */
import QRCode from 'qrcode';
import { helpList } from '../content/help.ts';
import { contactHtml, escapeHtml, lastChecked, otherLanguages, page, wordsFor, type PageInput, type Words } from './shell.ts';

const CSS = `
body{max-width:52rem;font-size:.95rem;line-height:1.35}
h1{font-size:1.45rem;margin:.2rem 0 .5rem}
h2{font-size:1.1rem;margin:.5rem 0 .25rem}
h3{font-size:.8rem;margin:.4rem 0 .2rem;padding-bottom:.1rem;border-bottom:1.5px solid #1a1a1a;text-transform:uppercase;letter-spacing:.05em;break-after:avoid}
.groups>h3:first-child{margin-top:0}
ul{margin:.1rem 0;padding-left:1.1rem}
.top{display:grid;grid-template-columns:1fr 1fr;gap:0 1.5rem}
.note{margin:.1rem 0 .3rem}
.groups{columns:2;column-gap:1.5rem}
.resources{list-style:none;padding:0}
.resources li{break-inside:avoid;margin:0 0 .35rem}
.resources .ways{display:block}
.resources .more{display:block;font-size:.85rem;color:#3a3a3a}
.qr{display:flex;gap:1rem;align-items:center;border-top:2px solid #1a1a1a;margin-top:.4rem;padding-top:.4rem;break-inside:avoid}
.qr svg{width:1.25in;height:1.25in;flex:none}
.qr p,.keep p{margin:.1rem 0}
.keep{border-top:2px solid #1a1a1a;margin-top:.4rem;padding-top:.4rem;break-inside:avoid}
.url{font-weight:700;overflow-wrap:anywhere}
@media (max-width:36rem){.top{grid-template-columns:1fr}.groups{columns:1}}
@page{size:letter;margin:.45in .5in}
@media print{
  body{font-size:9pt;line-height:1.28}
  h1{font-size:15pt}
  h2{font-size:11pt}
  h3{font-size:8pt}
  .resources .more{font-size:8pt}
}`;

function resourcesHtml(input: PageInput, w: Words): string {
  return helpList(input.content.resources, w.lang)
    .map((group) => {
      const items = group.entries.map((e) => {
        const c = contactHtml(e, w);
        const ways = [...c.phones, ...(c.text ? [c.text] : []), ...(c.web ? [c.web] : [])].join(' · ');
        const more = [e.hours, e.languages?.join('; '), e.note].filter((x): x is string => Boolean(x)).map(escapeHtml).join(' · ');
        return `<li><strong>${escapeHtml(e.name)}</strong><span class="ways">${ways}</span>${more ? `<span class="more">${more}</span>` : ''}</li>`;
      });
      return `<h3>${escapeHtml(group.title)}</h3><ul class="resources">${items.join('')}</ul>`;
    })
    .join('\n');
}

/** The QR code of `url` as inline SVG, named for screen readers. */
async function qrSvg(url: string, label: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return svg.replace(/^<svg /, `<svg role="img" aria-label="${escapeHtml(label)}" `);
}

/** The foot of the sheet: the QR code of `helpUrl` and its link, or, with none, "keep this sheet". */
async function footHtml(input: PageInput, w: Words, helpUrl: string | undefined): Promise<string> {
  const checked = `<p>${escapeHtml(w.fill('handout.checked', { date: w.date(lastChecked(input.content)) }))}</p>`;
  if (helpUrl === undefined) return `<div class="keep"><p><strong>${escapeHtml(w.t('handout.keep'))}</strong></p>${checked}</div>`;
  const qr = await qrSvg(helpUrl, w.fill('handout.qr', { url: helpUrl }));
  return `<div class="qr">${qr}<div><p><strong>${escapeHtml(w.text.handout.qr_caption)}</strong></p><p class="url">${escapeHtml(helpUrl)}</p>\n${checked}</div></div>`;
}

/**
 * The handout in `input.lang`. `helpUrl` is the help page in that language at an address
 * that works after the workshop, or undefined when there is none (no QR code then).
 */
export async function renderHandout(input: PageInput, helpUrl: string | undefined): Promise<string> {
  const w = wordsFor(input.content, input.lang);
  const h = w.text.handout;
  const body = [
    `<p class="tools screen-only">${otherLanguages(input.content, w.lang, '/handout', 'handout.thisPage')}<span>${escapeHtml(w.t('handout.print'))}</span></p>`,
    `<p class="tools screen-only"><a href="/handout/parents?lang=${w.lang}">${escapeHtml(w.t('handout.parents'))}</a> · <a href="/handout/teens?lang=${w.lang}">${escapeHtml(w.t('handout.teens'))}</a></p>`,
    '<main>',
    `<h1>${escapeHtml(h.title)}</h1>`,
    '<div class="top">',
    `<section aria-labelledby="signs-h"><h2 id="signs-h">${escapeHtml(h.signs_title)}</h2><ul>${h.signs.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul></section>`,
    `<section aria-labelledby="do-h"><h2 id="do-h">${escapeHtml(h.do_title)}</h2><ul>${h.do.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul></section>`,
    '</div>',
    `<section aria-labelledby="help-h"><h2 id="help-h">${escapeHtml(h.help_title)}</h2>`,
    `<p class="note">${escapeHtml(h.help_note)}</p>`,
    `<div class="groups">${resourcesHtml(input, w)}</div>`,
    '</section>',
    await footHtml(input, w, helpUrl),
    '</main>',
  ].join('\n');
  return page({ lang: w.lang, title: h.title, css: CSS, body });
}
