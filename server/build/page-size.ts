/**
 * The bytes a page costs over the wire: the HTML and every script, module preload, style
 * sheet and icon it names, each as the server sends it (its brotli copy when there is one).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Budgets in bytes, per page of dist/client. */
export const BUDGETS: Record<string, number> = {
  // The phone page: old phones, weak Wi-Fi. No reveal.js, no schema or chart library.
  'index.html': 40_000,
  // The deck, on the facilitator's laptop: reveal.js and its plugins, over the local network.
  'present.html': 250_000,
  // The console, on the facilitator's phone over venue Wi-Fi: no reveal.js. Most of it is every
  // slide's speaker notes in both languages (the console switches with ?lang=), which grew with
  // the second content review; loaded once, then the console works from the socket alone.
  'host.html': 70_000,
};

export interface PageSize {
  page: string;
  bytes: number;
  budget: number;
  files: string[];
}

/** The transferred size of each page with a budget, built into `dir`. */
export function pageSizes(dir: string): PageSize[] {
  return Object.entries(BUDGETS).map(([page, budget]) => {
    const html = readFileSync(join(dir, page), 'utf8');
    const assets = [...html.matchAll(/(?:src|href)="\/?([^"?#]+)"/g)].map((m) => m[1] ?? '').filter((p) => p !== '' && existsSync(join(dir, p)));
    const files = [page, ...new Set(assets)];
    const bytes = files.reduce((n, f) => n + sent(join(dir, f)), 0);
    return { page, bytes, budget, files };
  });
}

function sent(file: string): number {
  return statSync(existsSync(`${file}.br`) ? `${file}.br` : file).size;
}
