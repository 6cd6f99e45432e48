import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGETS, pageSizes } from '../../server/build/page-size.ts';
import { ROOT } from '../helpers/server.ts';

// The global setup builds dist/client as `npm start` does: these are the bytes a phone downloads.
describe('page weight', () => {
  const sizes = pageSizes(join(ROOT, 'dist/client'));

  it('keeps the phone page within 40 KB over the wire, with no reveal.js, schema or chart library', () => {
    const phone = sizes.find((p) => p.page === 'index.html');
    expect(BUDGETS['index.html']).toBe(40_000);
    expect(phone?.files.some((f) => f.endsWith('.js'))).toBe(true);
    expect(phone?.bytes).toBeLessThanOrEqual(40_000);
    expect(phone?.files.join(' ')).not.toMatch(/present/);
    const code = (phone?.files ?? []).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(ROOT, 'dist/client', f), 'utf8')).join('\n');
    expect(code).not.toMatch(/ZodError|Reveal\.js|reveal\.js|Chart\.js/);
  });

  it('keeps every page within its budget', () => {
    for (const page of sizes) expect(page.bytes, page.page).toBeLessThanOrEqual(page.budget);
  });
});
