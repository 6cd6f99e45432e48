import { describe, expect, it } from 'vitest';
import { personalDetails } from '../../server/core/disclosure.ts';
import { applyQa, board, emptyQa, MAX_WAITING_QUESTIONS, queue } from '../../server/core/questions.ts';

describe('the disclosure check', () => {
  it.each([
    ['My daughter met someone online who sends her gifts', 'disclosure'],
    ['This happened to me when I was 12', 'disclosure'],
    ['I was abused by a coach', 'disclosure'],
    ['Mi hija tiene un novio mucho mayor', 'disclosure'],
    ['Eso me pasó a mí también', 'disclosure'],
    ['Cuando era niña me tocaron', 'disclosure'],
    ['Call me at (831) 555-0100', 'phone'],
    ['write to maria.lopez@example.com', 'email'],
    ['He lives at 123 Main Street', 'address'],
    ['Vive en la calle Alisal 250', 'address'],
    ['Something is going on at Salinas High School', 'school'],
    ['Pasa algo en la escuela Roosevelt', 'school'],
    ['A man named Carlos keeps texting kids', 'name'],
  ])('flags "%s" (%s)', (text, kind) => {
    expect(personalDetails(text)).toContain(kind);
  });

  it.each([
    'How do I talk to teenagers about online safety?',
    'What does grooming look like online?',
    'Is the national hotline confidential?',
    'What if I report and I am wrong?',
    '¿Cómo hablo con los jóvenes sobre lo que hacen en internet?',
    '¿La línea nacional es confidencial?',
    '¿Qué pasa después de llamar a CPS?',
  ])('passes the ordinary question "%s"', (text) => {
    expect(personalDetails(text)).toEqual([]);
  });
});

describe('anonymous Q&A rules', () => {
  const ask = (state: ReturnType<typeof emptyQa>, id: string, text: string) => applyQa(state, { type: 'ask', id, text });

  it('keeps a question waiting, off the board, until approved', () => {
    const state = emptyQa();
    expect(ask(state, 'q1', '  What is sextortion?  ')).toMatchObject({ ok: true });
    expect(board(state)).toEqual([]);
    expect(queue(state).map((q) => [q.id, q.text, q.status])).toEqual([['q1', 'What is sextortion?', 'waiting']]);
    applyQa(state, { type: 'moderate', id: 'q1', action: 'approve' });
    expect(board(state).map((q) => q.id)).toEqual(['q1']);
  });

  it('refuses empty or too-long questions', () => {
    const state = emptyQa();
    expect(ask(state, 'q1', '   ')).toEqual({ ok: false, error: 'BAD_QUESTION' });
    expect(ask(state, 'q2', 'x'.repeat(281))).toEqual({ ok: false, error: 'BAD_QUESTION' });
    expect(ask(state, 'q3', 'x'.repeat(280)).ok).toBe(true);
    expect(state.questions.size).toBe(1);
  });

  it('marks a question that looks personal', () => {
    const state = emptyQa();
    ask(state, 'q1', 'My son gets messages from a stranger');
    ask(state, 'q2', 'What is grooming?');
    expect(queue(state).map((q) => q.flagged)).toEqual([true, false]);
  });

  it('counts one vote per voter, takes it back, and refuses votes on questions the room cannot see', () => {
    const state = emptyQa();
    ask(state, 'q1', 'One?');
    expect(applyQa(state, { type: 'vote', id: 'q1', voter: 'a', on: true })).toEqual({ ok: false, error: 'UNKNOWN_QUESTION' });
    applyQa(state, { type: 'moderate', id: 'q1', action: 'approve' });
    applyQa(state, { type: 'vote', id: 'q1', voter: 'a', on: true });
    expect(applyQa(state, { type: 'vote', id: 'q1', voter: 'a', on: true })).toEqual({ ok: true, events: [] });
    applyQa(state, { type: 'vote', id: 'q1', voter: 'b', on: true });
    expect(board(state)[0]?.votes.size).toBe(2);
    applyQa(state, { type: 'vote', id: 'q1', voter: 'a', on: false });
    expect(board(state)[0]?.votes.size).toBe(1);
  });

  it('sorts the board by votes, answered ones last', () => {
    const state = emptyQa();
    for (const id of ['q1', 'q2', 'q3']) {
      ask(state, id, `Question ${id}?`);
      applyQa(state, { type: 'moderate', id, action: 'approve' });
    }
    applyQa(state, { type: 'vote', id: 'q2', voter: 'a', on: true });
    applyQa(state, { type: 'vote', id: 'q3', voter: 'a', on: true });
    applyQa(state, { type: 'vote', id: 'q3', voter: 'b', on: true });
    expect(board(state).map((q) => q.id)).toEqual(['q3', 'q2', 'q1']);
    applyQa(state, { type: 'moderate', id: 'q3', action: 'answered' });
    expect(board(state).map((q) => q.id)).toEqual(['q2', 'q1', 'q3']);
    applyQa(state, { type: 'moderate', id: 'q2', action: 'dismiss' });
    expect(board(state).map((q) => q.id)).toEqual(['q1', 'q3']);
  });
});

describe('a queue a flood cannot fill', () => {
  it('refuses a new question past MAX_WAITING_QUESTIONS waiting, and takes one again once the facilitator moderates', () => {
    const state = emptyQa();
    for (let i = 0; i < MAX_WAITING_QUESTIONS; i++) expect(applyQa(state, { type: 'ask', id: `q${i}`, text: `Question ${i}` }).ok).toBe(true);
    expect(applyQa(state, { type: 'ask', id: 'over', text: 'One more' })).toEqual({ ok: false, error: 'RATE_LIMITED' });
    expect(applyQa(state, { type: 'moderate', id: 'q0', action: 'dismiss' }).ok).toBe(true);
    expect(applyQa(state, { type: 'ask', id: 'after', text: 'One more' }).ok).toBe(true);
  });

  it('replaces a waiting question (a changed question-box answer), but not one the facilitator has already approved', () => {
    const state = emptyQa();
    applyQa(state, { type: 'ask', id: 'first', text: 'Where is help?' });
    const replaced = applyQa(state, { type: 'ask', id: 'second', text: 'Where is help tonight?', replaces: 'first' });
    expect(replaced.ok && replaced.events.map((e) => e.type)).toEqual(['question-status', 'question']);
    expect(queue(state).map((q) => [q.text, q.status])).toEqual([
      ['Where is help tonight?', 'waiting'],
      ['Where is help?', 'dismissed'],
    ]);
    applyQa(state, { type: 'moderate', id: 'second', action: 'approve' });
    applyQa(state, { type: 'ask', id: 'third', text: 'And on weekends?', replaces: 'second' });
    expect(queue(state).map((q) => [q.text, q.status])).toEqual([
      ['And on weekends?', 'waiting'],
      ['Where is help tonight?', 'approved'],
      ['Where is help?', 'dismissed'],
    ]);
  });

  it('takes the same ask again (a store retrying a write whose reply was lost) as done: one question, as it stands', () => {
    const state = emptyQa();
    applyQa(state, { type: 'ask', id: 'first', text: 'Where is help?' });
    applyQa(state, { type: 'ask', id: 'second', text: 'Where is help tonight?', replaces: 'first' });
    applyQa(state, { type: 'moderate', id: 'second', action: 'approve' });
    const before = structuredClone(state);
    expect(applyQa(state, { type: 'ask', id: 'second', text: 'Where is help tonight?', replaces: 'first' })).toEqual({ ok: true, events: [] });
    expect(state).toStrictEqual(before);
  });
});
