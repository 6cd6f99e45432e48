/**
 * Where the help page lasts (issue 19): the hosted copy's address in each language, the
 * kit's own /help as before, and npm run export-help's arguments.
 */
import { describe, expect, it } from 'vitest';
import { helpFile, helpPageAt, hostedHelpPage } from '../../server/printables/help-address.ts';
import { parseExportArgs } from '../../server/printables/help-export.ts';

describe('the hosted help page in a language', () => {
  it.each([
    ['https://help.example.org/csec/', 'https://help.example.org/csec/', 'https://help.example.org/csec/es.html'],
    ['https://help.example.org/csec', 'https://help.example.org/csec/', 'https://help.example.org/csec/es.html'],
    ['https://help.example.org/csec/index.html', 'https://help.example.org/csec/index.html', 'https://help.example.org/csec/es.html'],
    ['https://help.example.org', 'https://help.example.org/', 'https://help.example.org/es.html'],
    ['http://10.0.0.5:8080/help/', 'http://10.0.0.5:8080/help/', 'http://10.0.0.5:8080/help/es.html'],
  ])('%s: English the folder (with its slash) or the page given, Spanish the file beside it', (base, en, es) => {
    expect(hostedHelpPage(base, 'en')).toBe(en);
    expect(hostedHelpPage(base, 'es')).toBe(es);
  });

  it('names the files the export writes', () => {
    expect(helpFile('en')).toBe('index.html');
    expect(helpFile('es')).toBe('es.html');
  });

  it('takes the hosted copy first, else the kit’s /help at the public address, else none', () => {
    const publicUrl = new URL('https://kit.example.org/csec');
    expect(helpPageAt('https://help.example.org/', publicUrl)?.('es')).toBe('https://help.example.org/es.html');
    expect(helpPageAt(undefined, publicUrl)?.('es')).toBe('https://kit.example.org/csec/help?lang=es');
    expect(helpPageAt(undefined, undefined)).toBeUndefined();
  });
});

describe('npm run export-help arguments', () => {
  it('reads the folder and the pack', () => {
    expect(parseExportArgs(['--out', 'help-page'])).toEqual({ ok: true, args: { out: 'help-page', region: 'monterey-ca', help: false } });
    expect(parseExportArgs(['--out', '/srv/h', '--region', 'us'])).toEqual({ ok: true, args: { out: '/srv/h', region: 'us', help: false } });
    expect(parseExportArgs(['--help'])).toMatchObject({ ok: true, args: { help: true } });
  });

  it.each([
    [[], '--out DIR is required: the folder to write the help page into, e.g. --out help-page'],
    [['--out', ' '], '--out DIR is required: the folder to write the help page into, e.g. --out help-page'],
    [['--out'], 'option --out needs a value'],
    [['--out', 'h', '--region', '../etc'], '--region must be the name of a folder in regions/, like monterey-ca or us, not "../etc"'],
    [['--out', 'h', '--help-url', 'https://x'], 'unknown option --help-url (see --help)'],
    [['h'], 'unexpected argument h (options start with --; see --help)'],
  ])('refuses %j with one line', (argv, message) => {
    expect(parseExportArgs(argv)).toEqual({ ok: false, message });
  });
});
