/**
 * Limits that hold against one curious or malicious device on the venue's network (issue 18,
 * finding 3 and the low findings): new phones per address, the question box within the asking
 * limit and replacing its own waiting question, and the kit's own names only (DNS rebinding).
 */
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { NEW_PHONES_PER_MINUTE } from '../../server/wire/phone-gate.ts';
import { QUESTIONS_PER_MINUTE } from '../../server/live/asking.ts';
import { attendee, connect, host, newDevice, type Client } from '../helpers/clients.ts';
import { startServer, tempDataDir, type Running } from '../helpers/server.ts';

let running: Running | undefined;
const sockets: Client[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await running?.close();
  running = undefined;
});

/** A phone relayed by a proxy on this machine (nginx in front), which says it came from `address`. */
const phoneFrom = (url: string, address: string, device = newDevice()) => connect(url, { device }, { extraHeaders: { 'x-forwarded-for': `198.51.100.250, ${address}` } });

/** The status of a GET with the given Host header. */
function statusWithHost(port: number, path: string, hostHeader: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, headers: { Host: hostHeader } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });
}

describe('new phones per address', () => {
  it('lets one address bring a limited number of new phones, and every phone it brought come back', async () => {
    running = await startServer();
    const devices = Array.from({ length: NEW_PHONES_PER_MINUTE }, () => newDevice());
    for (const device of devices) sockets.push((await phoneFrom(running.url, '203.0.113.7', device)).socket);
    // The one device minting phones is stopped here...
    await expect(phoneFrom(running.url, '203.0.113.7')).rejects.toThrow('RATE_LIMITED');
    expect(running.app.stats.refusedPhones).toBe(1);
    // ...while a phone it brought reconnects, and phones elsewhere still join.
    for (const s of sockets.splice(0, 1)) s.close();
    sockets.push((await phoneFrom(running.url, '203.0.113.7', devices[0])).socket);
    sockets.push((await phoneFrom(running.url, '203.0.113.8')).socket);
    sockets.push((await attendee(running.url)).socket);
  });

  it('never limits phones on the laptop itself (the bench simulates a room from there)', async () => {
    running = await startServer();
    for (let i = 0; i <= NEW_PHONES_PER_MINUTE; i++) sockets.push((await attendee(running.url)).socket);
    expect(running.app.stats.refusedPhones).toBe(0);
  });
});

describe('the question box', () => {
  it('replaces its own waiting question instead of adding one, within the asking limit', async () => {
    running = await startServer();
    const h = await host(running.url, running.app.hostKey);
    sockets.push(h.socket);
    expect((await h.socket.emitWithAck('activity:open', { activityId: 'question-box' })).ok).toBe(true);
    const phone = await attendee(running.url);
    sockets.push(phone.socket);
    const waiting = () => running?.app.rooms.workshops()[0]?.qa.queue().questions.filter((q) => q.status === 'waiting').map((q) => q.text) ?? [];

    for (const text of ['Where can a parent get help?', 'Where can a parent get help tonight?']) {
      expect((await phone.socket.emitWithAck('answer:submit', { activityId: 'question-box', value: text })).ok).toBe(true);
    }
    expect(waiting()).toEqual(['Where can a parent get help tonight?']);

    // The box and "Ask a question" share one limit: the third question of the minute is the last.
    expect(await phone.socket.emitWithAck('question:ask', { text: 'Is a coach a mandated reporter?' })).toMatchObject({ ok: true });
    expect(QUESTIONS_PER_MINUTE).toBe(3);
    expect(await phone.socket.emitWithAck('question:ask', { text: 'One question too many' })).toEqual({ ok: false, error: 'RATE_LIMITED' });
    // Past the limit a changed answer is still the phone's answer, but nothing more reaches the queue.
    expect((await phone.socket.emitWithAck('answer:submit', { activityId: 'question-box', value: 'A flood of edits' })).ok).toBe(true);
    expect(waiting()).toEqual(['Where can a parent get help tonight?', 'Is a coach a mandated reporter?']);
  });
});

describe("the kit's own names", () => {
  it('refuses pages and the live room under a name that is not the kit (DNS rebinding)', async () => {
    running = await startServer();
    expect(await statusWithHost(running.port, '/', 'attacker.example')).toBe(421);
    expect(await statusWithHost(running.port, '/socket.io/?EIO=4&transport=polling', 'attacker.example:3000')).toBe(403);
    expect(await statusWithHost(running.port, '/', `127.0.0.1:${running.port}`)).toBe(200);
    expect(await statusWithHost(running.port, '/', `localhost:${running.port}`)).toBe(200);
    expect(await statusWithHost(running.port, '/socket.io/?EIO=4&transport=polling', `localhost:${running.port}`)).toBe(200);
  });

  it('answers to a name it was given', async () => {
    running = await startServer(tempDataDir(), { allowedHosts: ['Facilitator-Laptop.lan'] });
    expect(await statusWithHost(running.port, '/', `facilitator-laptop.lan:${running.port}`)).toBe(200);
    expect(await statusWithHost(running.port, '/', `other-laptop.lan:${running.port}`)).toBe(421);
  });
});
