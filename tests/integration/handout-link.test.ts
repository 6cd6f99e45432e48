/**
 * The take-home handout's QR code (NM1 of the content review): the kit prints it only when
 * it has an address that works after the workshop (`--public-url`). Without one, its address
 * is the laptop's on the venue's Wi-Fi, which opens nothing at home: the sheet gives the
 * numbers alone.
 */
import { afterEach, describe, expect, it } from 'vitest';
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
