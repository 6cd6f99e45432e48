import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CountdownRoom } from '../../server/countdown/countdown-room.ts';
import { start, survives, viewOf } from '../../server/core/countdown.ts';
import { isFinished } from '../../server/core/stage.ts';
import type { Countdown } from '../../server/protocol.ts';

describe('countdowns (core)', () => {
  it('counts down to a close or a break, never below zero for a close', () => {
    const close = start({ kind: 'close', activityId: 'a', seconds: 30 }, 1000);
    expect(viewOf(close, 1000)).toEqual({ kind: 'close', activityId: 'a', endsIn: 30_000 });
    expect(viewOf(close, 41_000)).toEqual({ kind: 'close', activityId: 'a', endsIn: 0 });
    const pause = start({ kind: 'break', slide: '8.5', minutes: 3 }, 0);
    // Past its end, a break still says when it was meant to end ("back at 7:45").
    expect(viewOf(pause, 200_000)).toEqual({ kind: 'break', slide: '8.5', endsIn: -20_000 });
    expect(viewOf(start({ kind: 'none' }, 0), 0)).toEqual({ kind: 'none' });
  });

  it('ends a close when the phones show another question or the facilitator acts on it by hand', () => {
    const close = start({ kind: 'close', activityId: 'a', seconds: 60 }, 0);
    expect(survives(close, { type: 'current', activityId: 'a' })).toBe(true);
    expect(survives(close, { type: 'current', activityId: 'b' })).toBe(false);
    expect(survives(close, { type: 'current', activityId: null })).toBe(false);
    expect(survives(close, { type: 'command', activityId: 'a' })).toBe(false);
    expect(survives(close, { type: 'command', activityId: 'b' })).toBe(true);
    expect(survives(close, { type: 'slide', slide: '3.1' })).toBe(true);
  });

  it('ends a break when the deck leaves its slide, and only then', () => {
    const pause = start({ kind: 'break', slide: '8.5', minutes: 5 }, 0);
    expect(survives(pause, { type: 'slide', slide: '8.5' })).toBe(true);
    expect(survives(pause, { type: 'current', activityId: null })).toBe(true);
    expect(survives(pause, { type: 'slide', slide: '8.6' })).toBe(false);
  });
});

describe('the countdown room', () => {
  let sent: Countdown[];
  let locked: string[];
  let room: CountdownRoom;
  beforeEach(() => {
    vi.useFakeTimers();
    sent = [];
    locked = [];
    room = new CountdownRoom({ toEveryone: (c) => void sent.push(c), lock: async (id) => void locked.push(id) }, Date.now);
  });
  afterEach(() => {
    room.stop();
    vi.useRealTimers();
  });

  it('locks the activity when the time is up, once, and tells everyone', async () => {
    room.set({ kind: 'close', activityId: 'check-force.after', seconds: 30 });
    expect(sent).toEqual([{ kind: 'close', activityId: 'check-force.after', endsIn: 30_000 }]);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(locked).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(locked).toEqual(['check-force.after']);
    expect(sent.at(-1)).toEqual({ kind: 'none' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(locked).toEqual(['check-force.after']);
  });

  it('locks nothing once the room moved on, or when a new countdown replaced it', async () => {
    room.set({ kind: 'close', activityId: 'a', seconds: 30 });
    room.moved({ type: 'current', activityId: 'b' });
    expect(sent.at(-1)).toEqual({ kind: 'none' });
    room.set({ kind: 'close', activityId: 'b', seconds: 60 });
    room.set({ kind: 'break', slide: '8.5', minutes: 3 });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(locked).toEqual([]);
    expect(room.view()).toEqual({ kind: 'break', slide: '8.5', endsIn: 60_000 });
  });
});

describe('the end of the workshop for the phones', () => {
  it('comes on the closing slide and stays past it', () => {
    expect(isFinished('14.12', '14.13')).toBe(false);
    expect(isFinished('14.13', '14.13')).toBe(true);
    expect(isFinished('15.0', '14.13')).toBe(true);
    expect(isFinished('2.40', '14.13')).toBe(false);
    expect(isFinished(null, '14.13')).toBe(false);
    expect(isFinished('15.0', undefined)).toBe(false);
  });
});
