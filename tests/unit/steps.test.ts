import { describe, expect, it } from 'vitest';
import { step } from '../../client/host/steps.ts';
import type { OutlineSection } from '../../server/content/outline.ts';
import type { PlanId } from '../../server/protocol.ts';

const slide = (key: string, plan: PlanId = '60') => ({ key, title: key, notes: '', minutes: 1, plan });
const outline: OutlineSection[] = [
  { id: '0', title: 'Welcome', slides: [slide('0.0'), slide('0.1')] },
  { id: '1', title: 'More', slides: [slide('1.0', 'full'), slide('1.1')] },
];

describe("the console's steps", () => {
  it('moves one slide at a time through the slides the deck shows', () => {
    expect(step(outline, '0.0', '90', 1)).toBe('0.1');
    // The 90-minute plan skips a slide of the full set; the full set does not.
    expect(step(outline, '0.1', '90', 1)).toBe('1.1');
    expect(step(outline, '0.1', 'full', 1)).toBe('1.0');
    expect(step(outline, '1.1', '90', -1)).toBe('0.1');
  });

  it('stops at either end, and knows nothing of a slide it cannot find', () => {
    expect(step(outline, '0.0', '90', -1)).toBeUndefined();
    expect(step(outline, '1.1', 'full', 1)).toBeUndefined();
    expect(step(outline, null, '90', 1)).toBeUndefined();
    expect(step(outline, '9.9', '90', 1)).toBeUndefined();
  });
});
