import { describe, expect, it } from 'vitest';
import { dialable, helpList } from '../../server/content/help.ts';
import { realContent } from '../helpers/server.ts';

describe("the phone's help list", () => {
  it('turns numbers as people dial them into tel: and sms: addresses', () => {
    expect(dialable('911')).toBe('911');
    expect(dialable('988')).toBe('988');
    expect(dialable('233733')).toBe('233733');
    expect(dialable('1-800-606-6618')).toBe('+18006066618');
    expect(dialable('(831) 375-4357')).toBe('+18313754357');
  });

  it('lists every resource of resources.yaml, in English and in Spanish, with links to call or text', () => {
    const { resources } = realContent();
    const all = Object.values(resources.groups).flatMap((g) => g.entries);
    for (const lang of ['en', 'es']) {
      const entries = helpList(resources, lang).flatMap((g) => g.entries);
      expect(entries).toHaveLength(all.length);
      entries.forEach((entry, i) => {
        const phones = all[i]?.phone;
        expect(entry.phones).toHaveLength(phones === undefined ? 0 : Array.isArray(phones) ? phones.length : 1);
        for (const p of entry.phones) expect(p.href).toMatch(/^tel:(\+1\d{10}|\d{3})$/);
      });
    }
    const en = helpList(resources, 'en').flatMap((g) => g.entries);
    const es = helpList(resources, 'es').flatMap((g) => g.entries);
    expect(en.find((e) => e.name === 'National Human Trafficking Hotline')?.text).toEqual({ number: '233733', word: 'HELP', href: 'sms:233733?body=HELP' });
    expect(es.some((e) => e.name === 'Línea Nacional Contra la Trata de Personas')).toBe(true);
    expect(en.flatMap((e) => e.phones.map((p) => p.href))).toEqual(expect.arrayContaining(['tel:911', 'tel:988', 'tel:+18006066618', 'tel:+18313754357', 'tel:+18314244357']));
  });
});
