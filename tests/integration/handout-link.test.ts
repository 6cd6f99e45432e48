/**
 * The take-home handout's QR code (NM1 of the content review; issue 19): the kit prints it
 * only when there is a help page at an address that works after the workshop: the
 * organization's copy (`--help-url`, else the region pack's `help-url`), else the kit's own
 * /help at `--public-url`. Without one, its address is the laptop's on the venue's Wi-Fi,
 * which opens nothing at home: the sheet gives the numbers alone.
 */
import QRCode from 'qrcode';
import { afterEach, describe, expect, it } from 'vitest';
import type { Content } from '../../server/content/content.ts';
import { helpList } from '../../server/content/help.ts';
import { realContent, startServer, tempDataDir, type Running } from '../helpers/server.ts';

let running: Running | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

const handout = async (lang: string): Promise<string> => (await fetch(`${running?.url}/handout?lang=${lang}`)).text();

describe('the handout served by the kit', () => {
  it('has no QR code and no link to the laptop without a public URL, and says to keep the sheet', async () => {
    running = await startServer();
    for (const lang of ['en', 'es']) {
      const html = await handout(lang);
      expect(html).not.toMatch(/<svg|class="qr"|class="url"/);
      expect(html).not.toContain('127.0.0.1');
      expect(html).not.toMatch(/\/help\b/);
      expect(html).toContain(realContent().strings[lang]?.['handout.keep'] ?? 'none');
      // The numbers are there: the county's CPS line, for one.
      const cps = helpList(realContent().resources, lang).flatMap((g) => g.entries).find((e) => e.id === 'cps');
      expect(html).toContain(cps?.phones[0]?.number ?? 'no CPS line');
    }
  });

  it('has the QR code and the link of the public address’s help page with one', async () => {
    running = await startServer(tempDataDir(), { publicUrl: new URL('https://kit.example.org/csec') });
    for (const lang of ['en', 'es']) {
      const html = await handout(lang);
      expect(html).toMatch(/<svg role="img" aria-label="[^"]*https:\/\/kit\.example\.org\/csec\/help\?lang=/);
      expect(html).toContain(`<p class="url">https://kit.example.org/csec/help?lang=${lang}</p>`);
      expect(html).not.toContain('127.0.0.1');
      expect(html).not.toContain(realContent().strings[lang]?.['handout.keep'] ?? 'none');
    }
  });
});

/** The modules of the QR code of `url`, as the handout draws it: the SVG path that holds them. */
async function qrPathOf(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  const path = svg.match(/<path stroke="#000000" d="([^"]+)"/)?.[1];
  if (!path) throw new Error('no QR path');
  return path;
}

/** The real content, its region pack naming `helpUrl` as its hosted help page. */
function packWithHelpUrl(helpUrl: string): Content {
  const content = structuredClone(realContent());
  const place = content.place ?? { id: 'monterey-ca', name: { en: 'Monterey County', es: 'Condado de Monterey' }, stateLaw: 'california', helpUrl: undefined };
  content.place = { ...place, helpUrl };
  return content;
}

describe('the handout with a hosted help page (npm run export-help)', () => {
  const HOSTED = 'https://help.example.org/csec/';
  const HOSTED_PAGES = { en: 'https://help.example.org/csec/', es: 'https://help.example.org/csec/es.html' };

  it('encodes --help-url in its QR code, in the sheet’s language, before the public address', async () => {
    running = await startServer(tempDataDir(), { helpUrl: HOSTED, publicUrl: new URL('https://kit.example.org/csec') });
    for (const lang of ['en', 'es'] as const) {
      const html = await handout(lang);
      const url = HOSTED_PAGES[lang];
      // The very modules a phone's camera reads: the QR code of the hosted page, nothing else.
      expect(html).toContain(`d="${await qrPathOf(url)}"`);
      expect(html).toContain(`<p class="url">${url}</p>`);
      expect(html).not.toContain('kit.example.org');
      expect(html).not.toContain(realContent().strings[lang]?.['handout.keep'] ?? 'none');
    }
  });

  it('takes the region pack’s help-url without the flag, and the flag over the pack’s', async () => {
    running = await startServer(tempDataDir(), { content: packWithHelpUrl('https://pack.example.org/help') });
    expect(await handout('es')).toContain(`d="${await qrPathOf('https://pack.example.org/help/es.html')}"`);
    expect(await handout('en')).toContain('<p class="url">https://pack.example.org/help/</p>');
    await running.close();

    running = await startServer(tempDataDir(), { content: packWithHelpUrl('https://pack.example.org/help'), helpUrl: HOSTED });
    const html = await handout('en');
    expect(html).toContain(`d="${await qrPathOf(HOSTED)}"`);
    expect(html).not.toContain('pack.example.org');
  });
});
