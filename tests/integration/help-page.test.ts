/**
 * The phones learn where the help page lasts (issue 19): `help:page` in the greeting, by
 * language, from the kit's settings (`--help-url`, the pack's `help-url`, the public
 * address's /help), `null` without one, and never to the deck.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { attendee, host, type Client } from '../helpers/clients.ts';
import { startServer, tempDataDir, type Running } from '../helpers/server.ts';

let running: Running | undefined;
const sockets: Client[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await running?.close();
  running = undefined;
});

async function phoneGreeting(url: string): Promise<unknown> {
  const { socket, greeting } = await attendee(url);
  sockets.push(socket);
  return greeting['help:page'];
}

describe('help:page', () => {
  it('gives every phone the hosted help page in each language, the same for all, and nothing to the deck', async () => {
    running = await startServer(tempDataDir(), { helpUrl: 'https://help.example.org/csec/' });
    const urls = { en: 'https://help.example.org/csec/', es: 'https://help.example.org/csec/es.html' };
    expect(await phoneGreeting(running.url)).toEqual({ urls });
    expect(await phoneGreeting(running.url)).toEqual({ urls });
    const deck = await host(running.url, running.app.hostKey);
    sockets.push(deck.socket);
    expect(deck.greeting['help:page']).toBeUndefined();
  });

  it('is the kit’s own /help with a public address, and null with neither', async () => {
    running = await startServer(tempDataDir(), { publicUrl: new URL('https://kit.example.org/') });
    expect(await phoneGreeting(running.url)).toEqual({ urls: { en: 'https://kit.example.org/help?lang=en', es: 'https://kit.example.org/help?lang=es' } });
    await running.close();
    running = await startServer();
    expect(await phoneGreeting(running.url)).toEqual({ urls: null });
  });
});
