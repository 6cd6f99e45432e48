import { describe, expect, it } from 'vitest';
import type { Activity } from '../../server/content/content.ts';
import { apply, decide, DEFAULT_THRESHOLDS, emptyWorkshop, evolve, snapshot, type Command, type WorkshopState } from '../../server/core/workshop.ts';

const ACTIVITIES: Activity[] = [
  { id: 'pick', kind: 'choice', prompt: 'Pick one', options: ['A', 'B', 'C'], answer: 1, explanation: 'B, because.' },
  { id: 'many', kind: 'multi', prompt: 'Pick some', options: ['A', 'B', 'C'] },
  { id: 'sure', kind: 'scale', prompt: 'How sure?', min: 1, max: 5, labels: ['Not', 'Very'] },
  { id: 'case', kind: 'scenario', title: 'T', story: 'S', prompt: 'What now?', options: ['X', 'Y'], answer: 0, explanation: 'X is best.', es: { title: 'T', story: 'S', prompt: '¿Y ahora?', options: ['X', 'Y'], explanation: 'X es la mejor.' } },
  { id: 'word', kind: 'words', prompt: 'One word', maxLength: 10 },
  { id: 'ask', kind: 'text', prompt: 'Ask anything' },
  { id: 'small', kind: 'choice', prompt: 'Small room', options: ['A', 'B'], threshold: 2 },
  { id: 'quiz.before', kind: 'choice', prompt: 'Quiz', options: ['A', 'B'], answer: 1, explanation: 'B.', round: 'before' },
  { id: 'quiz.after', kind: 'choice', prompt: 'Quiz', options: ['A', 'B'], answer: 1, explanation: 'B.', round: 'after' },
  { id: 'sure.before', kind: 'scale', prompt: 'How sure?', min: 1, max: 5, labels: ['Not', 'Very'], round: 'before' },
];
const CATALOG = new Map(ACTIVITIES.map((a) => [a.id, a]));
const T = { default: 5, text: 10 };

function room(...commands: Command[]): WorkshopState {
  const state = emptyWorkshop();
  for (const c of commands) {
    const d = apply(state, CATALOG, c);
    if (!d.ok) throw new Error(`${c.type}: ${d.error}`);
  }
  return state;
}
const open = (activityId: string): Command => ({ type: 'open', activityId, at: 1 });
const answer = (activityId: string, voter: string, value: unknown): Command => ({ type: 'answer', activityId, voter, value, at: 2 });
const host = (type: 'lock' | 'unlock' | 'reveal' | 'hide' | 'reset', activityId: string): Command => ({ type, activityId, at: 3 });
const snap = (state: WorkshopState, id: string) => snapshot(state, CATALOG.get(id) as Activity, T);

describe('opening and moving between activities', () => {
  it('opening an activity makes it the current one and starts taking answers', () => {
    const state = room(open('pick'));
    expect(state.current).toBe('pick');
    expect(snap(state, 'pick')).toMatchObject({ status: 'open', revealed: false, total: 0 });
  });

  it('going back to a locked activity keeps it locked', () => {
    const state = room(open('pick'), host('lock', 'pick'), open('many'), open('pick'));
    expect(snap(state, 'pick').status).toBe('locked');
  });

  it('idle leaves the phones with no question, and is a no-op when already idle', () => {
    const state = room(open('pick'), { type: 'idle', at: 4 });
    expect(state.current).toBeNull();
    expect(decide(state, CATALOG, { type: 'idle', at: 5 })).toEqual({ ok: true, events: [] });
  });

  it('refuses an unknown activity', () => {
    expect(decide(emptyWorkshop(), CATALOG, open('nope'))).toEqual({ ok: false, error: 'UNKNOWN_ACTIVITY' });
  });

  it('repeating a command changes nothing and stores nothing', () => {
    const state = room(open('pick'), host('reveal', 'pick'));
    expect(decide(state, CATALOG, host('reveal', 'pick'))).toEqual({ ok: true, events: [] });
    expect(decide(state, CATALOG, open('pick'))).toEqual({ ok: true, events: [] });
  });
});

describe('answers', () => {
  it('refuses answers before the activity was opened, and after it was locked', () => {
    expect(decide(emptyWorkshop(), CATALOG, answer('pick', 'v1', 0))).toEqual({ ok: false, error: 'NOT_OPEN' });
    const locked = room(open('pick'), host('lock', 'pick'));
    expect(decide(locked, CATALOG, answer('pick', 'v1', 0))).toEqual({ ok: false, error: 'NOT_OPEN' });
    const unlocked = room(open('pick'), host('lock', 'pick'), host('unlock', 'pick'));
    expect(decide(unlocked, CATALOG, answer('pick', 'v1', 0)).ok).toBe(true);
  });

  it('keeps one ballot per attendee: a new answer replaces the old one', () => {
    const state = room(open('pick'), answer('pick', 'v1', 0), answer('pick', 'v1', 2), answer('pick', 'v2', 2), host('reveal', 'pick'));
    expect(snap(state, 'pick').total).toBe(2);
    expect(state.activities.get('pick')?.tally.counts).toEqual([0, 0, 2]);
  });

  it('the same answer sent twice stores nothing the second time, even after a lock', () => {
    const state = room(open('pick'), answer('pick', 'v1', 1));
    expect(decide(state, CATALOG, answer('pick', 'v1', 1))).toEqual({ ok: true, events: [] });
    apply(state, CATALOG, host('lock', 'pick'));
    expect(decide(state, CATALOG, answer('pick', 'v1', 1))).toEqual({ ok: true, events: [] });
    expect(decide(state, CATALOG, answer('pick', 'v1', 2))).toEqual({ ok: false, error: 'NOT_OPEN' });
  });

  it.each([
    ['pick', 3],
    ['pick', -1],
    ['pick', 1.5],
    ['pick', '1'],
    ['pick', [1]],
    ['many', []],
    ['many', [0, 0]],
    ['many', [0, 3]],
    ['many', [0, 1, 2, 0]],
    ['many', 1],
    ['sure', 0],
    ['sure', 6],
    ['sure', 2.5],
    ['case', 2],
    ['word', ''],
    ['word', '   '],
    ['word', 'abcdefghijk'],
    ['word', 3],
    ['ask', 'x'.repeat(301)],
    ['ask', '\u0000\u0001'],
  ])('refuses %s = %j as BAD_ANSWER', (id, value) => {
    const state = room(open(id));
    expect(decide(state, CATALOG, answer(id, 'v1', value))).toEqual({ ok: false, error: 'BAD_ANSWER' });
  });

  it('stores multi answers sorted, and words trimmed and lower-cased so they count together', () => {
    const state = room(open('many'), open('word'));
    const multi = decide(state, CATALOG, answer('many', 'v1', [2, 0]));
    expect(multi.ok && multi.events[0]).toMatchObject({ type: 'ballot', value: [0, 2] });
    for (const [voter, word] of [['a', 'Trust '], ['b', 'trust!'], ['c', '  TRUST'], ['d', 'listen'], ['e', 'Listen'], ['f', 'calm']]) {
      apply(state, CATALOG, answer('word', voter ?? '', word));
    }
    apply(state, CATALOG, host('reveal', 'word'));
    expect(snap(state, 'word').results).toEqual({ kind: 'words', words: [{ text: 'trust', count: 3 }, { text: 'listen', count: 2 }] });
  });

  it('decide never changes the state it is given', () => {
    const state = room(open('pick'), answer('pick', 'v1', 0), open('word'), answer('word', 'v1', 'hope'));
    const before = structuredClone(state);
    for (const c of [answer('pick', 'v2', 1), answer('pick', 'v1', 2), host('reset', 'pick'), host('lock', 'pick'), open('sure'), answer('nope', 'v', 1), { type: 'idle', at: 9 } as Command]) {
      decide(state, CATALOG, c);
    }
    expect(state).toStrictEqual(before);
  });
});

describe('results and the privacy threshold', () => {
  const withAnswers = (id: string, n: number, value: (i: number) => unknown) => {
    const state = room(open(id));
    for (let i = 0; i < n; i++) apply(state, CATALOG, answer(id, `v${i}`, value(i)));
    return state;
  };

  it('shows no counts before the reveal, only the total', () => {
    const state = withAnswers('pick', 6, (i) => i % 3);
    expect(snap(state, 'pick')).toMatchObject({ total: 6, revealed: false, results: null });
    expect(snap(state, 'pick')).not.toHaveProperty('answer');
  });

  it('with 4 answers the counts stay hidden even when revealed; reopened for a fifth, they show at the next reveal', () => {
    const four = withAnswers('pick', 4, () => 1);
    apply(four, CATALOG, host('reveal', 'pick'));
    expect(snap(four, 'pick')).toMatchObject({ total: 4, threshold: 5, revealed: true, results: null, answer: 1, explanation: { en: 'B, because.' } });
    // The reveal locked the answers: a fifth needs them reopened on purpose, which hides the results.
    apply(four, CATALOG, host('unlock', 'pick'));
    apply(four, CATALOG, answer('pick', 'v9', 0));
    apply(four, CATALOG, host('reveal', 'pick'));
    expect(snap(four, 'pick').results).toEqual({ kind: 'options', counts: [1, 4, 0] });
  });

  it('an activity can set its own threshold, and the workshop its defaults', () => {
    const state = withAnswers('small', 2, () => 0);
    apply(state, CATALOG, host('reveal', 'small'));
    expect(snap(state, 'small').results).toEqual({ kind: 'options', counts: [2, 0] });
    const pick = withAnswers('pick', 3, () => 0);
    apply(pick, CATALOG, host('reveal', 'pick'));
    expect(snapshot(pick, CATALOG.get('pick') as Activity, { default: 3, text: 10 }).results).not.toBeNull();
  });

  it('never shows free text to the room, and its threshold is 10', () => {
    const state = withAnswers('ask', 12, (i) => `question ${i}`);
    apply(state, CATALOG, host('reveal', 'ask'));
    expect(snap(state, 'ask')).toMatchObject({ total: 12, threshold: 10, results: null });
  });

  it('holds results back until 10 people answered by default, as the speaker notes promise', () => {
    expect(DEFAULT_THRESHOLDS).toEqual({ default: 10, text: 10 });
    const state = withAnswers('pick', 9, () => 0);
    apply(state, CATALOG, host('reveal', 'pick'));
    const pick = CATALOG.get('pick') as Activity;
    expect(snapshot(state, pick, DEFAULT_THRESHOLDS)).toMatchObject({ total: 9, threshold: 10, results: null });
    apply(state, CATALOG, host('unlock', 'pick'));
    apply(state, CATALOG, answer('pick', 'v10', 1));
    apply(state, CATALOG, host('reveal', 'pick'));
    expect(snapshot(state, pick, DEFAULT_THRESHOLDS).results).toEqual({ kind: 'options', counts: [9, 1, 0] });
  });

  it('never reveals a first round, so the pre-test does not give away the answer', () => {
    const state = withAnswers('quiz.before', 12, (i) => i % 2);
    const before = structuredClone(state);
    expect(decide(state, CATALOG, host('reveal', 'quiz.before'))).toEqual({ ok: false, error: 'HIDDEN_UNTIL_AFTER' });
    expect(apply(state, CATALOG, host('reveal', 'quiz.before'))).toEqual({ ok: false, error: 'HIDDEN_UNTIL_AFTER' });
    expect(state).toStrictEqual(before);
    expect(snap(state, 'quiz.before')).toMatchObject({ revealed: false, results: null });
    expect(snap(state, 'quiz.before')).not.toHaveProperty('answer');
    expect(snap(state, 'quiz.before')).not.toHaveProperty('explanation');
    expect(decide(room(open('sure.before')), CATALOG, host('reveal', 'sure.before'))).toEqual({ ok: false, error: 'HIDDEN_UNTIL_AFTER' });
    // The second round is revealed as usual, with the best answer and why.
    const after = withAnswers('quiz.after', 6, () => 1);
    apply(after, CATALOG, host('reveal', 'quiz.after'));
    expect(snap(after, 'quiz.after')).toMatchObject({ revealed: true, answer: 1, explanation: { en: 'B.' }, results: { kind: 'options', counts: [0, 6] } });
  });

  it('shows a word in the cloud only once at least two phones gave it', () => {
    const state = withAnswers('word', 6, (i) => ['trust', 'calm', 'trust', 'daughter', 'calm', 'listen'][i]);
    apply(state, CATALOG, host('reveal', 'word'));
    expect(snap(state, 'word').results).toEqual({ kind: 'words', words: [{ text: 'calm', count: 2 }, { text: 'trust', count: 2 }] });
  });

  it('gives a scale its distribution and mean', () => {
    const state = withAnswers('sure', 5, (i) => [1, 3, 3, 5, 4][i]);
    apply(state, CATALOG, host('reveal', 'sure'));
    expect(snap(state, 'sure').results).toEqual({ kind: 'scale', counts: [1, 0, 2, 1, 1], mean: 3.2 });
  });

  it('reveals a scenario best answer and explanation, and hides them again', () => {
    const state = withAnswers('case', 5, (i) => i % 2);
    apply(state, CATALOG, host('reveal', 'case'));
    // The explanation goes out in every language the content has: each phone shows its own.
    expect(snap(state, 'case')).toMatchObject({ answer: 0, explanation: { en: 'X is best.', es: 'X es la mejor.' }, results: { kind: 'options', counts: [3, 2] } });
    apply(state, CATALOG, host('hide', 'case'));
    expect(snap(state, 'case')).toMatchObject({ revealed: false, results: null });
    expect(snap(state, 'case')).not.toHaveProperty('explanation');
  });

  it('reset clears the answers and hides the results; an open activity keeps taking answers, a revealed one stays locked', () => {
    const open = withAnswers('pick', 6, () => 2);
    apply(open, CATALOG, host('reset', 'pick'));
    expect(snap(open, 'pick')).toMatchObject({ total: 0, revealed: false, status: 'open', results: null });
    expect(apply(open, CATALOG, answer('pick', 'v0', 1)).ok).toBe(true);
    const shown = withAnswers('pick', 6, () => 2);
    apply(shown, CATALOG, host('reveal', 'pick'));
    apply(shown, CATALOG, host('reset', 'pick'));
    expect(snap(shown, 'pick')).toMatchObject({ total: 0, revealed: false, status: 'locked', results: null });
    apply(shown, CATALOG, host('unlock', 'pick'));
    expect(apply(shown, CATALOG, answer('pick', 'v0', 1)).ok).toBe(true);
  });

  it('replaying the stored events rebuilds the same room', () => {
    const live = emptyWorkshop();
    const log = [open('pick'), answer('pick', 'a', 0), answer('pick', 'b', 1), answer('pick', 'a', 2), host('lock', 'pick'), open('sure'), answer('sure', 'a', 4)]
      .flatMap((c) => {
        const d = apply(live, CATALOG, c);
        return d.ok ? d.events : [];
      });
    const replayed = emptyWorkshop();
    for (const e of log) evolve(replayed, CATALOG, e);
    expect(replayed).toStrictEqual(live);
  });
});

describe('revealed counts never move (issue 18, finding 4)', () => {
  /** Ten phones: [4, 3, 3], as in the review's example. */
  const ten = (): WorkshopState => {
    const state = room(open('pick'));
    [0, 0, 0, 0, 1, 1, 1, 2, 2, 2].forEach((v, i) => apply(state, CATALOG, answer('pick', `v${i}`, v)));
    return state;
  };

  it('a reveal locks: the counts shown are the counts at the reveal', () => {
    const state = ten();
    const reveal = decide(state, CATALOG, host('reveal', 'pick'));
    expect(reveal).toEqual({ ok: true, events: [{ type: 'activity', activityId: 'pick', status: 'locked', revealed: true, at: 3 }] });
    apply(state, CATALOG, host('reveal', 'pick'));
    const shown = snap(state, 'pick');
    expect(shown).toMatchObject({ status: 'locked', revealed: true, total: 10, results: { kind: 'options', counts: [4, 3, 3] } });
    const before = structuredClone(state);
    // An 11th phone, and a phone changing its answer: both refused, nothing moves.
    expect(apply(state, CATALOG, answer('pick', 'v10', 2))).toEqual({ ok: false, error: 'NOT_OPEN' });
    expect(apply(state, CATALOG, answer('pick', 'v0', 1))).toEqual({ ok: false, error: 'NOT_OPEN' });
    expect(state).toStrictEqual(before);
    expect(snap(state, 'pick')).toEqual(shown);
    // A phone resending the answer it gave before the reveal (a lost ack) is still confirmed.
    expect(apply(state, CATALOG, answer('pick', 'v0', 0))).toEqual({ ok: true, events: [] });
  });

  it('hiding keeps the answers locked; reopening on purpose withdraws the reveal', () => {
    const state = ten();
    apply(state, CATALOG, host('reveal', 'pick'));
    apply(state, CATALOG, host('hide', 'pick'));
    expect(snap(state, 'pick')).toMatchObject({ status: 'locked', revealed: false, results: null });
    expect(apply(state, CATALOG, answer('pick', 'v10', 2)).ok).toBe(false);
    apply(state, CATALOG, host('reveal', 'pick'));
    expect(decide(state, CATALOG, host('unlock', 'pick'))).toEqual({ ok: true, events: [{ type: 'activity', activityId: 'pick', status: 'open', revealed: false, at: 3 }] });
    apply(state, CATALOG, host('unlock', 'pick'));
    const reopened = snap(state, 'pick');
    expect(reopened).toMatchObject({ status: 'open', revealed: false, results: null });
    expect(reopened).not.toHaveProperty('answer');
    expect(reopened).not.toHaveProperty('explanation');
    expect(apply(state, CATALOG, answer('pick', 'v10', 2)).ok).toBe(true);
    // Arriving at the slide again does not bring the results back.
    apply(state, CATALOG, open('many'));
    apply(state, CATALOG, open('pick'));
    expect(snap(state, 'pick')).toMatchObject({ status: 'open', revealed: false });
  });

  it('a word cloud counts only words given before it closed: a guess typed after never appears', () => {
    const state = withWords(['trust', 'calm', 'trust', 'jessica', 'listen']);
    apply(state, CATALOG, host('reveal', 'word'));
    const shown = snap(state, 'word');
    expect(shown.results).toEqual({ kind: 'words', words: [{ text: 'trust', count: 2 }] });
    // Probing: type a guess; if someone else typed it, it would appear with a count of 2.
    expect(apply(state, CATALOG, answer('word', 'probe', 'jessica'))).toEqual({ ok: false, error: 'NOT_OPEN' });
    expect(snap(state, 'word')).toEqual(shown);
  });

  it('an activity stored as open and revealed (before a reveal locked) takes no answer either', () => {
    const state = ten();
    evolve(state, CATALOG, { type: 'activity', activityId: 'pick', status: 'open', revealed: true, at: 4 });
    expect(decide(state, CATALOG, answer('pick', 'v10', 2))).toEqual({ ok: false, error: 'NOT_OPEN' });
  });
});

function withWords(words: string[]): WorkshopState {
  const state = room(open('word'));
  words.forEach((w, i) => apply(state, CATALOG, answer('word', `w${i}`, w)));
  return state;
}
