/**
 * Next and Previous on the console, tapped faster than the deck answers: each tap moves a
 * target slide one step from the last target (not from where the deck last said it was),
 * and only the target is sent. Pure.
 */
import type { OutlineSection, PlanId } from '../../server/protocol.ts';
import { locate } from './plan.ts';

/** The slide one step from `from` (`dir` 1 next, -1 previous), or undefined at either end. */
export function step(outline: readonly OutlineSection[], from: string | null, plan: PlanId, dir: 1 | -1): string | undefined {
  const where = locate(outline, from, plan);
  return (dir === 1 ? where?.next : where?.previous)?.key;
}
