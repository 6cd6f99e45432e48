import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QaBoard, QaQueue } from '../../server/protocol.ts';
import { attendee, host, type Client } from '../helpers/clients.ts';
import { startServer, type Running } from '../helpers/server.ts';

let running: Running;
const sockets: Client[] = [];
const track = <T extends { socket: Client }>(c: T): T => (sockets.push(c.socket), c);

beforeEach(async () => {
  running = await startServer();
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await running.close();
});

/** Resolves with the next message of `event` that passes `test`. */
function next<T>(socket: Client, event: 'qa:board' | 'qa:queue', test: (v: T) => boolean): Promise<T> {
  return new Promise((resolve) => {
    const on = (v: T): void => {
      if (!test(v)) return;
      socket.off(event, on as never);
      resolve(v);
    };
    socket.on(event, on as never);
  });
}

describe('anonymous Q&A', () => {
  it('shows a question to no phone and no deck before a facilitator approves it', async () => {
    const deck = track(await host(running.url, running.app.hostKey));
    const asker = track(await attendee(running.url));
    const other = track(await attendee(running.url));
    const boards: QaBoard[] = [];
    other.socket.on('qa:board', (b) => boards.push(b));
    const queued = next<QaQueue>(deck.socket, 'qa:queue', (q) => q.questions.length === 1);

    expect(await asker.socket.emitWithAck('question:ask', { text: 'What does grooming look like online?' })).toEqual({ ok: true, flagged: false });
    const [question] = (await queued).questions;
    expect(question).toMatchObject({ text: 'What does grooming look like online?', status: 'waiting', flagged: false, votes: 0 });
    await new Promise((ok) => setTimeout(ok, 400));
    expect(boards.every((b) => b.questions.length === 0)).toBe(true);

    const shown = next<QaBoard>(other.socket, 'qa:board', (b) => b.questions.length === 1);
    expect(await deck.socket.emitWithAck('question:moderate', { questionId: question?.id ?? '', action: 'approve' })).toEqual({ ok: true });
    expect((await shown).questions).toEqual([{ id: question?.id, text: 'What does grooming look like online?', votes: 0, answered: false }]);
    // A phone that joins later gets the board on connect.
    const late = track(await attendee(running.url));
    expect(late.greeting['qa:board']?.questions).toHaveLength(1);
  });

  it('needs the host key for every moderation, and a phone cannot moderate', async () => {
    const phone = track(await attendee(running.url));
    await phone.socket.emitWithAck('question:ask', { text: 'Is the hotline confidential?' });
    const id = running.app.rooms.workshops()[0]?.qa.queue().questions[0]?.id ?? '';
    for (const action of ['approve', 'dismiss', 'answered', 'unanswered'] as const) {
      expect(await phone.socket.emitWithAck('question:moderate', { questionId: id, action })).toEqual({ ok: false, error: 'NOT_HOST' });
    }
    expect(running.app.rooms.workshops()[0]?.qa.queue().questions[0]?.status).toBe('waiting');
    await expect(host(running.url, 'not-the-key')).rejects.toThrow('BAD_HOST_KEY');
  });

  it('flags a question that looks personal, in either language, and still takes it', async () => {
    const phone = track(await attendee(running.url));
    expect(await phone.socket.emitWithAck('question:ask', { text: 'Mi hija tiene un novio de 22 años' })).toEqual({ ok: true, flagged: true });
    expect(await phone.socket.emitWithAck('question:ask', { text: 'My son was contacted by a stranger' })).toEqual({ ok: true, flagged: true });
    expect(running.app.rooms.workshops()[0]?.qa.queue().questions.map((q) => q.flagged)).toEqual([true, true]);
  });

  it('counts one upvote per phone, lets it be taken back, and keeps it across a reconnect', async () => {
    const deck = track(await host(running.url, running.app.hostKey));
    const a = track(await attendee(running.url, 'device-aaaaaaaaaaaaaaaaaaaaaa'));
    const b = track(await attendee(running.url));
    await a.socket.emitWithAck('question:ask', { text: 'How do I report?' });
    const id = running.app.rooms.workshops()[0]?.qa.queue().questions[0]?.id ?? '';
    await deck.socket.emitWithAck('question:moderate', { questionId: id, action: 'approve' });

    expect(await a.socket.emitWithAck('question:vote', { questionId: id, on: true })).toEqual({ ok: true, votes: 1 });
    expect(await a.socket.emitWithAck('question:vote', { questionId: id, on: true })).toEqual({ ok: true, votes: 1 });
    expect(await b.socket.emitWithAck('question:vote', { questionId: id, on: true })).toEqual({ ok: true, votes: 2 });
    expect(await a.socket.emitWithAck('question:vote', { questionId: id, on: false })).toEqual({ ok: true, votes: 1 });
    expect(await a.socket.emitWithAck('question:vote', { questionId: id, on: true })).toEqual({ ok: true, votes: 2 });

    a.socket.close();
    const again = track(await attendee(running.url, 'device-aaaaaaaaaaaaaaaaaaaaaa'));
    expect(again.greeting['qa:board']?.mine).toEqual([id]);
    const workshopId = running.app.rooms.all()[0]?.record.id ?? '';
    expect(running.store.loadQuestions(workshopId).votes).toHaveLength(2);
  });

  it('refuses bad questions and votes with a clear error, and keeps nothing', async () => {
    const phone = track(await attendee(running.url));
    expect(await phone.socket.emitWithAck('question:ask', { text: '   ' })).toEqual({ ok: false, error: 'BAD_QUESTION' });
    expect(await phone.socket.emitWithAck('question:ask', { text: 'x'.repeat(281) })).toEqual({ ok: false, error: 'BAD_QUESTION' });
    expect(await phone.socket.emitWithAck('question:ask', { text: 7 } as never)).toEqual({ ok: false, error: 'BAD_REQUEST' });
    expect(await phone.socket.emitWithAck('question:vote', { questionId: 'nope', on: true })).toEqual({ ok: false, error: 'UNKNOWN_QUESTION' });
    expect(await phone.socket.emitWithAck('question:vote', { questionId: 'nope', on: 'yes' } as never)).toEqual({ ok: false, error: 'BAD_REQUEST' });
    const deck = track(await host(running.url, running.app.hostKey));
    expect(await deck.socket.emitWithAck('question:ask', { text: 'From the deck?' })).toEqual({ ok: false, error: 'NOT_ATTENDEE' });
    expect(await deck.socket.emitWithAck('question:moderate', { questionId: 'x', action: 'delete' } as never)).toEqual({ ok: false, error: 'BAD_REQUEST' });
    expect(running.store.loadQuestions(running.app.rooms.all()[0]?.record.id ?? '').questions).toEqual([]);
  });

  it('limits how many questions one phone can ask in a minute', async () => {
    const phone = track(await attendee(running.url));
    const acks = [];
    for (let i = 0; i < 4; i++) acks.push(await phone.socket.emitWithAck('question:ask', { text: `Question ${i}?` }));
    expect(acks.map((a) => a.ok)).toEqual([true, true, true, false]);
    expect(acks[3]).toEqual({ ok: false, error: 'RATE_LIMITED' });
  });

  it('puts question-box answers in the same queue', async () => {
    const deck = track(await host(running.url, running.app.hostKey));
    await deck.socket.emitWithAck('activity:open', { activityId: 'question-box' });
    const phone = track(await attendee(running.url));
    expect((await phone.socket.emitWithAck('answer:submit', { activityId: 'question-box', value: 'Where can I get training?' })).ok).toBe(true);
    expect(running.app.rooms.workshops()[0]?.qa.queue().questions.map((q) => [q.text, q.status])).toEqual([['Where can I get training?', 'waiting']]);
  });
});
