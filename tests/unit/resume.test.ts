import { describe, expect, it } from 'vitest';
import { clockData, clockFrom, move, newClock, position, resume } from '../../server/core/deck-clock.ts';
import { settleThreshold, thresholdsOf, workshopThresholds } from '../../server/workshops.ts';
import type { WorkshopRecord } from '../../server/store/store.ts';

const MIN = 60_000;

/** A clock that left the title at 0, spent 2 minutes in section 0 and is 3 minutes into 1.0 at 5 min. */
function running() {
  const clock = newClock();
  move(clock, '0.0', '90', -MIN);
  move(clock, '0.1', '90', 0);
  move(clock, '1.0', '90', 2 * MIN);
  return clock;
}

describe('the deck clock across a stop', () => {
  it('reads on restart what it read at the stop: the stopped hour does not count', () => {
    const clock = running();
    const atStop = position(clock, 5 * MIN);
    const kept = clockFrom(clockData(clock));
    resume(kept, 5 * MIN, 65 * MIN);
    expect(position(kept, 65 * MIN)).toEqual(atStop);
    expect(position(kept, 66 * MIN)).toEqual({ slide: '1.0', plan: '90', elapsed: 6 * MIN, spent: { '0': 2 * MIN, '1': 4 * MIN } });
    // The next move counts the current slide from where it was, not from the restart.
    move(kept, '2.0', '90', 67 * MIN);
    expect(position(kept, 67 * MIN).spent).toEqual({ '0': 2 * MIN, '1': 5 * MIN, '2': 0 });
  });

  it('counts the stop from the last move when the kit was last known to run before it', () => {
    const clock = running();
    // Last noted as running at 1 min, but the move at 2 min proves it ran until then.
    resume(clock, MIN, 10 * MIN);
    expect(position(clock, 10 * MIN)).toEqual({ slide: '1.0', plan: '90', elapsed: 2 * MIN, spent: { '0': 2 * MIN, '1': 0 } });
  });

  it('leaves a clock that never started waiting on the first slide', () => {
    const clock = newClock();
    move(clock, '0.0', 'full', 5);
    resume(clock, 10, 1_000);
    expect(position(clock, 2_000)).toEqual({ slide: '0.0', plan: 'full', elapsed: 0, spent: {} });
    move(clock, '0.1', 'full', 3_000);
    expect(position(clock, 4_000)).toEqual({ slide: '0.1', plan: 'full', elapsed: 1_000, spent: { '0': 1_000 } });
  });

  it('never runs backwards when the computer clock did', () => {
    const clock = running();
    resume(clock, 5 * MIN, 4 * MIN);
    expect(position(clock, 5 * MIN)).toEqual({ slide: '1.0', plan: '90', elapsed: 5 * MIN, spent: { '0': 2 * MIN, '1': 3 * MIN } });
  });
});

describe('a workshop\'s threshold', () => {
  const record = (threshold: number | null): WorkshopRecord => ({ id: 'w', code: 'ABC234', hostKey: 'k', salt: 's', createdAt: 1, threshold });

  it('is the one kept with the workshop, whatever --threshold a restart is given', () => {
    expect(settleThreshold(record(5), undefined)).toEqual({ threshold: 5, overridden: false });
    expect(settleThreshold(record(5), 5)).toEqual({ threshold: 5, overridden: false });
    expect(settleThreshold(record(5), 8)).toEqual({ threshold: 5, overridden: true });
    expect(workshopThresholds(record(5), thresholdsOf(8))).toEqual({ default: 5, text: 10 });
  });

  it('is --threshold (or 10) for a workshop made before it was kept', () => {
    expect(settleThreshold(record(null), 8)).toEqual({ threshold: 8, overridden: false });
    expect(settleThreshold(record(null), undefined)).toEqual({ threshold: 10, overridden: false });
    expect(workshopThresholds(record(null), thresholdsOf(8))).toEqual({ default: 8, text: 10 });
  });

  it('never lets free text under 10', () => {
    expect(thresholdsOf(3)).toEqual({ default: 3, text: 10 });
    expect(thresholdsOf(20)).toEqual({ default: 20, text: 20 });
  });
});
