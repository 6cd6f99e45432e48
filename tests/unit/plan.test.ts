import { describe, expect, it } from 'vitest';
import { clockText, locate, pace, shownSlides } from '../../client/host/plan.ts';
import { forPlan, planFromLink } from '../../client/present/plan.ts';
import { deckOutline } from '../../server/content/outline.ts';
import { planTotals } from '../../server/content/timing.ts';
import { PLANS } from '../../server/protocol.ts';
import { realContent } from '../helpers/server.ts';

const outline = deckOutline(realContent(), 'en');
const es = deckOutline(realContent(), 'es');

describe("the console's plan", () => {
  it('gives every slide a key the deck also carries, and the same planned minutes as the content check, plan by plan', () => {
    const keys = outline.flatMap((s) => s.slides.map((x) => x.key));
    expect(new Set(keys).size).toBe(keys.length);
    const totals = planTotals(realContent().decks['en']?.flatMap((f) => f.slides) ?? []);
    for (const plan of PLANS) {
      const minutes = shownSlides(outline, plan).reduce((m, s) => m + s.minutes, 0);
      expect(Math.round(minutes * 100) / 100).toBe(totals.find((t) => t.plan === plan)?.minutes);
      // The Spanish deck plans the same time from its own "Tiempo:" lines.
      expect(shownSlides(es, plan).reduce((m, s) => m + s.minutes, 0)).toBe(minutes);
    }
  });

  it('skips the slides of larger plans unless the deck shows them', () => {
    const ninety = outline.flatMap((s) => s.slides).find((s) => s.plan === '90');
    const full = outline.flatMap((s) => s.slides).find((s) => s.plan === 'full');
    expect(ninety && full).toBeTruthy();
    expect(locate(outline, ninety?.key ?? '', '60')).toBeUndefined();
    expect(locate(outline, ninety?.key ?? '', '90')?.slide.key).toBe(ninety?.key);
    expect(locate(outline, full?.key ?? '', '90')).toBeUndefined();
    expect(locate(outline, full?.key ?? '', 'full')?.slide.key).toBe(full?.key);
  });

  it('reads the plan from the deck link and hides the slides the plan leaves out', () => {
    expect(planFromLink('?plan=60&key=x')).toBe('60');
    expect(planFromLink('?full&key=x')).toBe('full');
    expect(planFromLink('?key=x')).toBe('90');
    expect(planFromLink('?plan=45')).toBe('90');
    const md = '## A\n<!-- .slide: data-plan="90" data-activity="x" -->\n\nNote:\nTime: 1 min\n';
    expect(forPlan(md, '60')).toContain('data-plan="90" data-visibility="hidden" data-activity="x"');
    expect(forPlan(md, '90')).toBe(md);
    expect(forPlan(md, 'full')).toBe(md);
  });

  it('says on time within the current slide, behind past its end, ahead before its start', () => {
    const where = locate(outline, '1.0', '90');
    if (!where) throw new Error('no slide 1.0');
    const before = shownSlides(outline, '90').slice(0, where.number - 1).reduce((m, s) => m + s.minutes, 0);
    const at = (minutes: number) => pace(outline, where, '90', minutes * 60_000, {}, 0).behind;
    expect(at(before + where.slide.minutes / 2)).toBe(0);
    expect(at(before + where.slide.minutes + 3)).toBe(3);
    expect(at(before - 2)).toBe(-2);
    // Before the clock starts there is no verdict.
    expect(pace(outline, where, '90', 0, {}, 5000).behind).toBe(0);
  });

  it('adds the time since the last update to the running section', () => {
    const where = locate(outline, '2.0', '90');
    if (!where) throw new Error('no slide 2.0');
    const p = pace(outline, where, '90', 60_000, { '2': 10_000 }, 5_000);
    expect([p.elapsed, p.sectionElapsed]).toEqual([65_000, 15_000]);
    expect(clockText(p.elapsed)).toBe('1:05');
  });
});
