import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Running } from '../helpers/server.ts';

let running: Running;
beforeAll(async () => {
  running = await startServer();
});
afterAll(() => running.close());

describe('HTTP', () => {
  it('answers /healthz', async () => {
    const res = await fetch(`${running.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('serves the attendee page at / and the deck at /present', async () => {
    const join = await fetch(`${running.url}/`);
    expect(join.status).toBe(200);
    expect(join.headers.get('content-type')).toMatch(/text\/html/);
    expect(await join.text()).toContain('<main id="app"');
    const present = await fetch(`${running.url}/present?key=whatever`);
    expect(present.status).toBe(200);
    expect(await present.text()).toContain('class="reveal"');
  });

  it('sends security headers with a policy that allows no inline script', async () => {
    const res = await fetch(`${running.url}/present`);
    const csp = res.headers.get('content-security-policy') ?? '';
    const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
    expect(scriptSrc).toMatch(/^ ?script-src 'self'/);
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(scriptSrc).not.toContain('unsafe-eval');
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('caches hashed assets for a year and pages not at all', async () => {
    const html = await (await fetch(`${running.url}/present`)).text();
    const asset = html.match(/(?:src|href)="(\/assets\/[^"]+\.js)"/)?.[1];
    expect(asset).toBeDefined();
    const res = await fetch(`${running.url}${asset}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${running.url}/`)).headers.get('cache-control')).toBe('no-cache');
  });

  it('sends compressed files to browsers that accept them', async () => {
    const html = await (await fetch(`${running.url}/present`)).text();
    const asset = html.match(/src="(\/assets\/[^"]+\.js)"/)?.[1] ?? '';
    for (const encoding of ['br', 'gzip']) {
      // fetch() decompresses transparently but keeps the header that says what was sent.
      const res = await fetch(`${running.url}${asset}`, { headers: { 'accept-encoding': encoding } });
      expect(res.headers.get('content-encoding')).toBe(encoding);
    }
  });

  it('answers 404 for unknown paths and 405 for writes', async () => {
    expect((await fetch(`${running.url}/nope`)).status).toBe(404);
    expect((await fetch(`${running.url}/index.html`)).status).toBe(404);
    expect((await fetch(`${running.url}/`, { method: 'POST', body: 'x' })).status).toBe(405);
  });
});

describe('the pages the server makes', () => {
  it('serves the console, the guide, the handout and the help page, in both languages, with no key', async () => {
    for (const path of ['/host', '/guide', '/handout', '/help', '/guide?lang=es', '/handout?lang=es', '/help?lang=es']) {
      const res = await fetch(`${running.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toMatch(/text\/html/);
    }
    expect(await (await fetch(`${running.url}/help?lang=es`)).text()).toContain('lang="es"');
  });

  it("opens /help in the phone's language, as the join page does; ?lang= still wins", async () => {
    const langOf = async (path: string, acceptLanguage?: string): Promise<string | undefined> => {
      const res = await fetch(`${running.url}${path}`, { headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {} });
      expect(res.status, `${path} ${acceptLanguage}`).toBe(200);
      // Whoever keeps a copy keeps one per language.
      expect(res.headers.get('vary')).toMatch(/accept-language/i);
      return (await res.text()).match(/<html lang="([a-z]+)"/)?.[1];
    };
    expect(await langOf('/help', 'es-MX,es;q=0.9,en;q=0.8')).toBe('es');
    expect(await langOf('/help', 'es')).toBe('es');
    expect(await langOf('/help', 'en-US,en;q=0.9,es;q=0.8')).toBe('en');
    // Most wanted first, whatever the order; a language the kit lacks is passed over.
    expect(await langOf('/help', 'fr-FR, en;q=0.2, es;q=0.7')).toBe('es');
    expect(await langOf('/help', 'es;q=0, en;q=0.5')).toBe('en');
    // None the kit has: the deck's language (English here).
    expect(await langOf('/help', 'fr-FR,de;q=0.8')).toBe('en');
    expect(await langOf('/help')).toBe('en');
    expect(await langOf('/help?lang=en', 'es-MX,es;q=0.9')).toBe('en');
    expect(await langOf('/help?lang=es', 'en-US')).toBe('es');
    // The guide and the handout are the facilitator's to print: the deck's language.
    expect(await (await fetch(`${running.url}/handout`, { headers: { 'accept-language': 'es-MX' } })).text()).toMatch(/<html lang="en"/);
  });

  it('opens the report only with the key, which is exchanged for a cookie and leaves the address', async () => {
    expect((await fetch(`${running.url}/report`)).status).toBe(401);
    expect((await fetch(`${running.url}/report?key=not-the-key`)).status).toBe(401);
    const opened = await fetch(`${running.url}/report?key=${running.app.hostKey}`, { redirect: 'manual' });
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe('/report');
    const cookie = opened.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).not.toContain(running.app.hostKey);
    const list = await fetch(`${running.url}/report`, { headers: { cookie: cookie.split(';')[0] ?? '' } });
    expect(list.status).toBe(200);
    const code = running.app.rooms.all()[0]?.record.code ?? '';
    expect(await list.text()).toContain(code);
    const json = await fetch(`${running.url}/report/${code}.json`, { headers: { cookie: cookie.split(';')[0] ?? '' } });
    expect((await json.json()) as object).toMatchObject({ code });
  });
});
