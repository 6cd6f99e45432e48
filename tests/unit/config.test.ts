import { describe, expect, it } from 'vitest';
import { parseConfig, USAGE } from '../../server/config.ts';

const ok = (argv: string[], env: Record<string, string> = {}) => {
  const r = parseConfig(argv, env);
  if (!r.ok) throw new Error(r.message);
  return r.config;
};
const fail = (argv: string[], env: Record<string, string> = {}) => {
  const r = parseConfig(argv, env);
  if (r.ok) throw new Error('expected an error');
  return r.message;
};

describe('settings', () => {
  it('has defaults a facilitator needs no flag for', () => {
    expect(ok([])).toEqual({ port: 3000, hostKey: undefined, dataDir: './data', publicUrl: undefined, newWorkshop: false, threshold: undefined, lang: 'en', redisUrl: undefined, redisWaitSeconds: 30, trustProxy: false, region: 'monterey-ca', helpUrl: undefined, help: false });
  });

  it('takes flags over environment variables', () => {
    const c = ok(['--port', '4000', '--data-dir', '/tmp/x'], { PORT: '5000', DATA_DIR: '/tmp/y', HOST_KEY: 'abcdefghijkl-mnopqrst' });
    expect(c.port).toBe(4000);
    expect(c.dataDir).toBe('/tmp/x');
    expect(c.hostKey).toBe('abcdefghijkl-mnopqrst');
  });

  it('reads the privacy threshold, and says when none was given (a resumed workshop keeps its own)', () => {
    expect(ok(['--threshold', '10']).threshold).toBe(10);
    expect(ok([], { THRESHOLD: '8' }).threshold).toBe(8);
    expect(ok([], { THRESHOLD: '' }).threshold).toBeUndefined();
  });

  it('reads the deck\'s language, never from the system locale (LANG)', () => {
    expect(ok(['--lang', 'es']).lang).toBe('es');
    expect(ok([], { DECK_LANG: 'es' }).lang).toBe('es');
    expect(ok([], { LANG: 'es_MX.UTF-8' }).lang).toBe('en');
  });

  it('reads the region pack and where its help page is hosted', () => {
    expect(ok(['--region', 'us']).region).toBe('us');
    expect(ok([], { REGION: 'my-county' }).region).toBe('my-county');
    expect(fail(['--region', '../slides'])).toBe('--region must be the name of a folder in regions/, in lowercase letters, digits and dashes, like monterey-ca or us, not "../slides"');
    expect(ok(['--help-url', 'https://help.example.org/csec/']).helpUrl?.href).toBe('https://help.example.org/csec/');
    expect(ok([], { HELP_URL: 'https://help.example.org' }).helpUrl?.host).toBe('help.example.org');
    expect(fail(['--help-url', 'javascript:alert(1)'])).toBe('--help-url must be an http:// or https:// address, not "javascript:alert(1)"');
    expect(USAGE).toContain('--region NAME');
    expect(USAGE).toContain('--help-url URL');
  });

  it('reads PUBLIC_URL and --new', () => {
    const c = ok(['--new'], { PUBLIC_URL: 'https://kit.example.org/room' });
    expect(c.publicUrl?.href).toBe('https://kit.example.org/room');
    expect(c.newWorkshop).toBe(true);
  });

  it('reads REDIS_URL (several processes), never echoing it: it may hold a password', () => {
    expect(ok([], { REDIS_URL: 'redis://:secret@10.0.0.5:6379/2' }).redisUrl?.host).toBe('10.0.0.5:6379');
    expect(ok(['--trust-proxy']).trustProxy).toBe(true);
    expect(ok(['--report-key', 'a-report-key-of-24-chars', '--public-url', 'https://kit.example.org']).reportKey).toBe('a-report-key-of-24-chars');
    expect(parseConfig(['--report-key', 'a-report-key-of-24-chars'], {})).toEqual({ ok: false, message: '--report-key needs an https:// --public-url: the key and the reports must not cross a network in clear' });
    expect(parseConfig(['--report-key', 'a-report-key-of-24-chars', '--public-url', 'http://192.168.1.20:3000'], {}).ok).toBe(false);
    expect(ok([], { TRUST_PROXY: '1' }).trustProxy).toBe(true);
    expect(ok(['--redis-url', 'rediss://cache.example.org']).redisUrl?.protocol).toBe('rediss:');
    expect(fail([], { REDIS_URL: 'http://:secret@x' })).toBe('--redis-url must be a redis:// or rediss:// address');
  });

  it('reads how long writes wait for Redis while it is away (--redis-wait, REDIS_WAIT_S), in whole seconds', () => {
    expect(ok(['--redis-wait', '45']).redisWaitSeconds).toBe(45);
    expect(ok([], { REDIS_WAIT_S: '120' }).redisWaitSeconds).toBe(120);
    expect(ok(['--redis-wait', '10'], { REDIS_WAIT_S: '120' }).redisWaitSeconds).toBe(10);
    expect(ok([], { REDIS_WAIT_S: '' }).redisWaitSeconds).toBe(30);
    expect(ok(['--redis-wait', '1']).redisWaitSeconds).toBe(1);
    expect(ok(['--redis-wait', '300']).redisWaitSeconds).toBe(300);
    for (const wrong of ['0', '301', '2.5', '30s', '-5', ' 30', 'abc']) {
      expect(parseConfig([`--redis-wait=${wrong}`], {})).toEqual({ ok: false, message: `--redis-wait must be a whole number of seconds from 1 to 300, not "${wrong}"` });
    }
    expect(fail([], { REDIS_WAIT_S: '1e3' })).toBe('--redis-wait must be a whole number of seconds from 1 to 300, not "1e3"');
    expect(USAGE).toContain('--redis-wait S');
    expect(USAGE).toContain('REDIS_WAIT_S; default 30');
  });

  it.each([
    [['--port', 'abc'], '--port must be a whole number from 0 to 65535, not "abc"'],
    [['--port', '70000'], '--port must be a whole number from 0 to 65535, not "70000"'],
    [['--port', '-1'], 'option --port needs a value'],
    [['--colour'], 'unknown option --colour (see --help)'],
    [['--port'], 'option --port needs a value'],
    [['present'], 'unexpected argument present (options start with --; see --help)'],
    [['--host-key', 'short'], '--host-key must be 20 to 128 letters, digits, "-" or "_" (a key that is hard to guess)'],
    [['--host-key', 'sixteen-chars-ky'], '--host-key must be 20 to 128 letters, digits, "-" or "_" (a key that is hard to guess)'],
    [['--public-url', 'ftp://x.org'], '--public-url must be a plain http:// or https:// address, not "ftp://x.org"'],
    [['--public-url', 'not a url'], '--public-url must be a plain http:// or https:// address, not "not a url"'],
    [['--data-dir', ' '], '--data-dir must not be empty'],
    [['--threshold', '0'], '--threshold must be a whole number from 1 to 100, not "0"'],
    [['--threshold', 'ten'], '--threshold must be a whole number from 1 to 100, not "ten"'],
    [['--lang', 'fr'], '--lang must be one of en, es, not "fr"'],
  ])('refuses %j with one clear line', (argv, message) => {
    expect(fail(argv)).toBe(message);
  });

  it('refuses a bad value from the environment too', () => {
    expect(fail([], { PORT: '80a' })).toBe('--port must be a whole number from 0 to 65535, not "80a"');
  });
});

describe('--rehearse', () => {
  it('takes a number of simulated phones, or none for the default; a real workshop has none', () => {
    expect(ok([]).rehearse).toBeUndefined();
    expect(ok(['--rehearse']).rehearse).toBe(25);
    expect(ok(['--rehearse', '40']).rehearse).toBe(40);
    expect(ok(['--rehearse=40']).rehearse).toBe(40);
    expect(ok(['--rehearse', '--port', '4000'])).toMatchObject({ rehearse: 25, port: 4000 });
    expect(ok(['--port', '4000', '--rehearse'])).toMatchObject({ rehearse: 25, port: 4000 });
    expect(ok(['--rehearse', '1']).rehearse).toBe(1);
    expect(ok(['--rehearse', '200']).rehearse).toBe(200);
  });

  it('is never read from the environment: a leftover variable never turns a real workshop into a rehearsal', () => {
    expect(ok([], { REHEARSE: '25' }).rehearse).toBeUndefined();
  });

  it.each([
    [['--rehearse', '0'], '--rehearse takes a number of simulated phones from 1 to 200, not "0"'],
    [['--rehearse', '201'], '--rehearse takes a number of simulated phones from 1 to 200, not "201"'],
    [['--rehearse', 'many'], '--rehearse takes a number of simulated phones from 1 to 200, not "many"'],
    [['--rehearse=2.5'], '--rehearse takes a number of simulated phones from 1 to 200, not "2.5"'],
    [['--rehearse', '--redis-url', 'redis://127.0.0.1:6379'], '--rehearse runs on this computer alone, with a temporary folder: it cannot be used with --redis-url (or REDIS_URL)'],
  ])('refuses %j with one clear line', (argv, message) => {
    expect(fail(argv)).toBe(message);
  });

  it('refuses a shared Redis given by the environment too, and is listed in the help', () => {
    expect(fail(['--rehearse'], { REDIS_URL: 'redis://127.0.0.1:6379' })).toMatch(/cannot be used with --redis-url/);
    expect(USAGE).toContain('--rehearse [N]');
  });
});
