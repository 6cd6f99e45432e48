import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, tempDataDir } from '../helpers/server.ts';

const START = join(ROOT, 'scripts/start.mjs');
const children: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Starts `npm start`'s script and resolves with everything it printed up to the QR. */
function start(args: string[], env: Record<string, string> = {}): Promise<string> {
  const child = spawn(process.execPath, [START, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Press Ctrl+C to stop')) resolve(out);
    });
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

/** The links `npm start` keeps in the data folder when its output is not a terminal (as here). */
const linksOf = (dataDir: string): string => readFileSync(join(dataDir, 'links.txt'), 'utf8');

describe('npm start', () => {
  it.each([
    [['--port', 'abc'], 'error: --port must be a whole number from 0 to 65535, not "abc"'],
    [['--bogus'], 'error: unknown option --bogus (see --help)'],
    [['--public-url', 'ftp://x'], 'error: --public-url must be a plain http:// or https:// address, not "ftp://x"'],
  ])('exits 2 with one line for %j', (args, line) => {
    const r = spawnSync(process.execPath, [START, ...args], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(line);
    expect(r.stdout).toBe('');
  });

  it('stops with one line, and no password, when REDIS_URL does not answer', () => {
    const r = spawnSync(process.execPath, [START, '--port', '0'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, REDIS_URL: 'redis://:not-to-be-printed@127.0.0.1:1' } });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('error: Redis at 127.0.0.1:1 did not answer within 10 s; nothing was started');
    expect(r.stdout + r.stderr).not.toContain('not-to-be-printed');
  }, 30_000);

  it('prints help and exits 0', () => {
    const r = spawnSync(process.execPath, [START, '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--public-url URL');
  });

  it('prints the presenter link, the attendee link and a QR, and keeps the key across restarts', async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const out = await start(['--port', '0', '--data-dir', dataDir, '--public-url', 'https://kit.example.org']);
    const links = linksOf(dataDir);
    const presenter = links.match(/http:\/\/localhost:(\d+)\/present\?plan=90&key=([\w-]+)/);
    expect(presenter).not.toBeNull();
    // The full-workshop link, with the optional modules, is printed beside the core's.
    expect(links).toContain(`http://localhost:${presenter?.[1]}/present?plan=60&key=${presenter?.[2]}`);
    expect(links).toContain(`http://localhost:${presenter?.[1]}/present?full&key=${presenter?.[2]}`);
    // Each plan with its planned minutes, as npm run check:content counts them.
    expect(links).toMatch(/60 minutes \(PTA meeting: the essentials, \d+ min planned\)/);
    expect(links).toMatch(/the full set \(every module, about \d+ min\)/);
    expect(out).toContain('https://kit.example.org/');
    expect(out).toMatch(/[▀▄█]/); // the QR drawn with block characters
    const health = await fetch(`http://127.0.0.1:${presenter?.[1]}/healthz`);
    expect(await health.json()).toEqual({ ok: true });

    children[0]?.kill('SIGKILL');
    await start(['--port', '0', '--data-dir', dataDir]);
    expect(linksOf(dataDir)).toContain(`/present?plan=90&key=${presenter?.[2]}`);
  });

  it('starts a fresh workshop with --new, with its own code and key', async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const first = await start(['--port', '0', '--data-dir', dataDir]);
    const firstKey = linksOf(dataDir).match(/key=([\w-]+)/)?.[1];
    children[0]?.kill('SIGKILL');
    const fresh = await start(['--port', '0', '--data-dir', dataDir, '--new']);
    const code = (out: string) => out.match(/join code ([A-Z0-9]{6})/)?.[1];
    expect(code(fresh)).toBeDefined();
    expect(code(fresh)).not.toBe(code(first));
    expect(firstKey).toBeDefined();
    expect(linksOf(dataDir).match(/key=([\w-]+)/)?.[1]).not.toBe(firstKey);
  });

  it('uses the key given by HOST_KEY', async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    await start(['--port', '0', '--data-dir', dataDir], { HOST_KEY: 'my-own-key-1234-abcdef' });
    expect(linksOf(dataDir)).toContain('/present?plan=90&key=my-own-key-1234-abcdef');
  });

  it('prints presenter links for the Spanish deck with --lang es', async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    await start(['--port', '0', '--data-dir', dataDir, '--lang', 'es'], { HOST_KEY: 'my-own-key-1234-abcdef' });
    expect(linksOf(dataDir)).toContain('/present?lang=es&plan=60&key=my-own-key-1234-abcdef');
    expect(linksOf(dataDir)).toContain('/present?lang=es&full&key=my-own-key-1234-abcdef');
  });

  it('prints no key and no pairing code when its output is not a terminal (a log, the journal)', async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const out = await start(['--port', '0', '--data-dir', dataDir], { HOST_KEY: 'a-key-for-the-journal-test' });
    expect(out).not.toContain('a-key-for-the-journal-test');
    expect(out).not.toContain('key=');
    expect(out).not.toContain('#pair=');
    expect(out).toContain(`They are in ${join(dataDir, 'links.txt')} (readable by you only), or run npm start in a terminal.`);
    // The links are kept where only the facilitator can read them.
    expect(statSync(join(dataDir, 'links.txt')).mode & 0o777).toBe(0o600);
    const links = linksOf(dataDir);
    expect(links).toContain('/present?plan=90&key=a-key-for-the-journal-test');
    expect(links).toMatch(/\/host#pair=[A-Z2-9]{8}/);
    expect(links).toContain('/report?key=a-key-for-the-journal-test');
  });
});
