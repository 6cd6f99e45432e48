/** axe-core in a page: WCAG 2.2 AA rules; the serious and critical violations, as "rule: targets". */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type AxeRun = (c: string, o: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;

/** The page's context must bypass CSP (`bypassCSP: true`) so the checker can be injected. */
export async function axe(page: Page, context = 'body'): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const found = await page.evaluate(async (ctx) => {
    const run = (window as unknown as { axe: { run: AxeRun } }).axe.run;
    const r = await run(ctx, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  }, context);
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.join(', ')}`);
}
