import { describe, expect, it } from 'vitest';
import { clockText, locate, pace, shownSlides } from '../../client/host/plan.ts';
import { deckOutline } from '../../server/content/outline.ts';
import { planOf } from '../../server/content/timing.ts';
import { realContent } from '../helpers/server.ts';

const outline = deckOutline(realContent(), 'en');
const es = deckOutline(realContent(), 'es');

describe("the console's plan", () => {
  it('gives every slide a key the deck also carries, and the same planned minutes as the content check', () => {
    const keys = outline.flatMap((s) => s.slides.map((x) => x.key));
    expect(new Set(keys).size).toBe(keys.length);
    const plan = planOf(realContent().decks['en']?.flatMap((f) => f.slides) ?? []);
    const minutes = (full: boolean) => shownSlides(outline, full).reduce((m, s) => m + s.minutes, 0);
    expect(Math.round(minutes(false) * 100) / 100).toBe(plan.core);
    expect(Math.round((minutes(true) - minutes(false)) * 100) / 100).toBe(plan.optional);
    // The Spanish deck plans the same time from its own "Tiempo:" lines.
    expect(shownSlides(es, false).reduce((m, s) => m + s.minutes, 0)).toBe(minutes(false));
  });

  it('skips optional slides unless the deck shows them', () => {
    const optional = outline.flatMap((s) => s.slides).find((s) => s.optional);
    expect(optional).toBeDefined();
    expect(locate(outline, optional?.key ?? '', false)).toBeUndefined();
    expect(locate(outline, optional?.key ?? '', true)?.slide.key).toBe(optional?.key);
  });

  it('says on time within the current slide, behind past its end, ahead before its start', () => {
    const where = locate(outline, '1.0', false);
    if (!where) throw new Error('no slide 1.0');
    const before = shownSlides(outline, false).slice(0, where.number - 1).reduce((m, s) => m + s.minutes, 0);
    const at = (minutes: number) => pace(outline, where, false, minutes * 60_000, {}, 0).behind;
    expect(at(before + where.slide.minutes / 2)).toBe(0);
    expect(at(before + where.slide.minutes + 3)).toBe(3);
    expect(at(before - 2)).toBe(-2);
    // Before the clock starts there is no verdict.
    expect(pace(outline, where, false, 0, {}, 5000).behind).toBe(0);
  });

  it('adds the time since the last update to the running section', () => {
    const where = locate(outline, '2.0', false);
    if (!where) throw new Error('no slide 2.0');
    const p = pace(outline, where, false, 60_000, { '2': 10_000 }, 5_000);
    expect([p.elapsed, p.sectionElapsed]).toEqual([65_000, 15_000]);
    expect(clockText(p.elapsed)).toBe('1:05');
  });
});
