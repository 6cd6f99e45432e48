import { describe, expect, it } from 'vitest';
import { parsePurgeArgs, parseAge } from '../../server/purge/purge-args.ts';
import { parseReportArgs } from '../../server/report/cli-args.ts';
import { csvCell } from '../../server/report/csv.ts';

describe('npm run report arguments', () => {
  it('reads the options, with the defaults of npm start', () => {
    expect(parseReportArgs(['--out', 'r.html'])).toEqual({ ok: true, args: { out: 'r.html', workshop: undefined, dataDir: './data', lang: 'en', threshold: undefined, region: 'monterey-ca', help: false } });
    expect(parseReportArgs(['--out', 'r.html', '--workshop', 'abc234', '--data-dir', '/d', '--lang', 'es', '--threshold', '3', '--region', 'us'])).toEqual({
      ok: true,
      args: { out: 'r.html', workshop: 'ABC234', dataDir: '/d', lang: 'es', threshold: 3, region: 'us', help: false },
    });
    expect(parseReportArgs(['--help'])).toMatchObject({ ok: true, args: { help: true } });
  });

  it.each([
    [[], '--out FILE is required: where to write the report, e.g. --out report.html'],
    [['--out', 'r.html', '--lang', 'fr'], '--lang must be one of en, es, not "fr"'],
    [['--out', 'r.html', '--threshold', '0'], '--threshold must be a whole number from 1 to 100, not "0"'],
    [['--out', 'r.html', '--workshop', 'AB-12'], '--workshop must be a join code like ABC234, not "AB-12"'],
    [['--out', 'r.html', '--data-dir', ' '], '--data-dir must not be empty'],
    [['--out'], 'option --out needs a value'],
    [['--bogus'], 'unknown option --bogus (see --help)'],
    [['r.html'], 'unexpected argument r.html (options start with --; see --help)'],
  ])('refuses %j with one line', (argv, message) => {
    expect(parseReportArgs(argv)).toEqual({ ok: false, message });
  });
});

describe('npm run purge arguments', () => {
  it('takes an age in days or hours, or one join code', () => {
    expect(parseAge('30d')).toBe(30 * 86_400_000);
    expect(parseAge('12h')).toBe(12 * 3_600_000);
    for (const bad of ['0d', '30', 'd', '30 d', '1.5d', '30m', '-1d', '30D', '2w']) expect(parseAge(bad), bad).toBeUndefined();
    expect(parsePurgeArgs(['--older-than', '30d'])).toEqual({ ok: true, args: { action: { type: 'older-than', ms: 30 * 86_400_000, text: '30d' }, dataDir: './data', help: false } });
    expect(parsePurgeArgs(['--workshop', 'abc234', '--data-dir', '/d'])).toEqual({ ok: true, args: { action: { type: 'delete', code: 'ABC234' }, dataDir: '/d', help: false } });
  });

  it.each([
    [['--older-than', '30m'], '--older-than must be a whole number of days or hours, like 30d or 12h, not "30m"'],
    [['--older-than', '30d', '--workshop', 'ABC234'], 'give either --older-than or --workshop, not both'],
    [[], 'say what to purge: --older-than 30d (keep only counts) or --workshop CODE (delete one workshop); see --help'],
    [['--workshop', '*'], '--workshop must be a join code like ABC234, not "*"'],
    [['--everything'], 'unknown option --everything (see --help)'],
  ])('refuses %j with one line', (argv, message) => {
    expect(parsePurgeArgs(argv)).toEqual({ ok: false, message });
  });
});

describe('a CSV cell', () => {
  it('quotes as RFC 4180 says', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "no"')).toBe('"say ""no"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(12)).toBe('12');
    expect(csvCell(null)).toBe('');
  });

  it('never lets a spreadsheet run a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${start}SUM(A1)`).replace(/^"/, '').startsWith(`'${start}`), JSON.stringify(start)).toBe(true);
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
  });
});
