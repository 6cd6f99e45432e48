import { describe, expect, it } from 'vitest';
import { step } from '../../client/host/steps.ts';
import type { OutlineSection } from '../../server/content/outline.ts';

const slide = (key: string, optional = false) => ({ key, title: key, notes: '', minutes: 1, optional });
const outline: OutlineSection[] = [
  { id: '0', title: 'Welcome', slides: [slide('0.0'), slide('0.1')] },
  { id: '1', title: 'More', slides: [slide('1.0', true), slide('1.1')] },
];

describe("the console's steps", () => {
  it('moves one slide at a time through the slides the deck shows', () => {
    expect(step(outline, '0.0', false, 1)).toBe('0.1');
    // The core deck skips the optional slide; the full deck does not.
    expect(step(outline, '0.1', false, 1)).toBe('1.1');
    expect(step(outline, '0.1', true, 1)).toBe('1.0');
    expect(step(outline, '1.1', false, -1)).toBe('0.1');
  });

  it('stops at either end, and knows nothing of a slide it cannot find', () => {
    expect(step(outline, '0.0', false, -1)).toBeUndefined();
    expect(step(outline, '1.1', true, 1)).toBeUndefined();
    expect(step(outline, null, false, 1)).toBeUndefined();
    expect(step(outline, '9.9', false, 1)).toBeUndefined();
  });
});
