import { describe, expect, it } from 'vitest';
import { tallyFields, tallyFromFields } from '../../server/core/tally-fields.ts';
import { count, emptyTally } from '../../server/core/tally.ts';
import type { AnswerValue } from '../../server/protocol.ts';
import { realActivities } from '../helpers/server.ts';

describe('counts as fields (for a store that keeps them itself)', () => {
  const answersFor: Record<string, AnswerValue[]> = {
    choice: [0, 1, 1, 2],
    scenario: [0, 2, 2],
    scale: [1, 5, 3, 3],
    words: ['trust', 'listen', 'trust'],
    text: ['a question'],
  };
  it.each(realActivities().map((a) => [a.id, a] as const))('adds up to the same tally as tally.ts for %s', (_, activity) => {
    const answers = answersFor[activity.kind] ?? [];
    const expected = emptyTally(activity);
    const fields: Record<string, number> = {};
    for (const value of answers) {
      count(expected, activity, value, 1);
      for (const [f, n] of tallyFields(activity, value)) fields[f] = (fields[f] ?? 0) + n;
    }
    const asText = Object.fromEntries(Object.entries(fields).map(([f, n]) => [f, String(n)]));
    expect(tallyFromFields(activity, asText)).toEqual(expected);
  });
});
