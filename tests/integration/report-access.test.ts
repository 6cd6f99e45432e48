/**
 * Who may open the reports, and for how long: on the laptop with the host key; from another
 * machine only with the deployment's report key (never the host key, which must not cross
 * the network); a cookie that expires, is `Secure` and `__Host-` behind HTTPS, and that
 * /report/sign-out ends.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startLanKit, type LanKit } from '../helpers/lan-kit.ts';

const REPORT_KEY = 'a-report-key-of-24-chars';
let kit: LanKit | undefined;

afterEach(async () => {
  await kit?.close();
  kit = undefined;
});

function get(url: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { redirect: 'manual', headers });
}

/** The cookie's name=value, for the next request. */
const pair = (setCookie: string | null): string => (setCookie ?? '').split(';')[0] ?? '';

describe('report access', () => {
  it('opens only on the laptop by default, even with the right key', async () => {
    kit = await startLanKit();
    const { remote } = kit;
    for (const path of ['/report', `/report?key=${kit.app.hostKey}`, `/report/${kit.code}.json`]) {
      const refused = await get(`${remote.url}${path}`, remote.headers);
      expect(refused.status).toBe(403);
      expect(refused.headers.get('set-cookie')).toBeNull();
      expect(await refused.text()).toContain('Open the reports on the laptop');
    }
    // A proxy on the laptop (nginx, a tunnel) relays the network: it does not count as the laptop.
    expect((await get(`${kit.local}/report?key=${kit.app.hostKey}`, { 'x-forwarded-for': '192.0.2.9' })).status).toBe(403);
    const here = await get(`${kit.local}/report?key=${kit.app.hostKey}`);
    expect(here.status).toBe(303);
    expect((await get(`${kit.local}/report`, { cookie: pair(here.headers.get('set-cookie')) })).status).toBe(200);
  });

  it('opens from another machine with the report key, never with the host key', async () => {
    kit = await startLanKit({ reportKey: REPORT_KEY });
    const { remote } = kit;
    expect((await get(`${remote.url}/report?key=${kit.app.hostKey}`, remote.headers)).status).toBe(401);
    const opened = await get(`${remote.url}/report?key=${REPORT_KEY}`, remote.headers);
    expect(opened.status).toBe(303);
    const list = await get(`${remote.url}/report`, { ...remote.headers, cookie: pair(opened.headers.get('set-cookie')) });
    expect(list.status).toBe(200);
    expect(await list.text()).toContain(kit.code);
    // The host key's cookie from the laptop does not open reports from elsewhere.
    const laptop = await get(`${kit.local}/report?key=${kit.app.hostKey}`);
    expect((await get(`${remote.url}/report`, { ...remote.headers, cookie: pair(laptop.headers.get('set-cookie')) })).status).toBe(401);
  });

  it('refuses report keys from elsewhere at once, unchecked, after a few wrong guesses a minute', async () => {
    kit = await startLanKit({ reportKey: REPORT_KEY });
    const { remote } = kit;
    for (let i = 0; i < 5; i++) expect((await get(`${remote.url}/report?key=guess-number-${i}-of-many`, remote.headers)).status).toBe(401);
    expect((await get(`${remote.url}/report?key=${REPORT_KEY}`, remote.headers)).status).toBe(401);
    // The laptop is never locked out by someone else's guesses.
    expect((await get(`${kit.local}/report?key=${REPORT_KEY}`)).status).toBe(303);
  });

  it('gives a cookie that expires, on the browser and on the server', async () => {
    let now = Date.now();
    kit = await startLanKit({ clock: () => now });
    const opened = await get(`${kit.local}/report?key=${kit.app.hostKey}`);
    const cookie = opened.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^report=[^;]+; HttpOnly; SameSite=Strict; Path=\/report; Max-Age=28800$/);
    now += 8 * 60 * 60_000 + 1000;
    expect((await get(`${kit.local}/report`, { cookie: pair(cookie) })).status).toBe(401);
  });

  it('marks the cookie Secure with the __Host- prefix behind HTTPS', async () => {
    kit = await startLanKit({ publicUrl: new URL('https://kit.example.org/') });
    const opened = await get(`${kit.local}/report?key=${kit.app.hostKey}`);
    const cookie = opened.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-report=[^;]+; HttpOnly; SameSite=Strict; Path=\/; Secure; Max-Age=28800$/);
    expect((await get(`${kit.local}/report`, { cookie: pair(cookie) })).status).toBe(200);
  });

  it('signs out from a link on the report pages', async () => {
    kit = await startLanKit();
    const opened = await get(`${kit.local}/report?key=${kit.app.hostKey}`);
    const cookie = pair(opened.headers.get('set-cookie'));
    const list = await (await get(`${kit.local}/report`, { cookie })).text();
    expect(list).toContain('href="/report/sign-out?lang=en"');
    const report = await (await get(`${kit.local}/report/${kit.code}`, { cookie })).text();
    expect(report).toContain('href="/report/sign-out?lang=en"');
    const out = await get(`${kit.local}/report/sign-out?lang=en`, { cookie });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toBe('report=; HttpOnly; SameSite=Strict; Path=/report; Max-Age=0');
  });
});
