/**
 * `npm run check:content [dir]`: checks every content file; prints `file:line: what is
 * wrong` for each problem and exits 1, or prints a summary and exits 0.
 */
import { loadContent } from '../server/content/content.ts';
import { planTotals } from '../server/content/timing.ts';

const dir = process.argv[2] ?? 'slides';
const { content, errors } = loadContent(dir);
for (const e of errors) console.error(`${e.file}:${e.line}: ${e.message}`);
if (!content) {
  console.error(`${errors.length} problem${errors.length === 1 ? '' : 's'} in ${dir}/`);
  process.exit(1);
}
const decks = Object.entries(content.decks).map(([lang, files]) => `${lang}: ${files.reduce((n, f) => n + f.slides.length, 0)} slides`);
console.log(`Content OK: ${decks.join(', ')}; ${content.activities.length} activities; ${content.sources.length} sources; ${Object.values(content.resources.groups).reduce((n, g) => n + g.entries.length, 0)} resources.`);
// Each plan's total against its slot (a plan that does not fit is a problem listed above).
const deck = content.decks['en'] ?? [];
for (const t of planTotals(deck.flatMap((f) => f.slides))) {
  const fit = t.slot === undefined ? 'no slot' : `slot ${t.slot} min, ${t.slack} min (${Math.round((100 * (t.slack ?? 0)) / t.slot)}%) to spare`;
  console.log(`Plan ${t.plan === 'full' ? 'full set' : `${t.plan} min`}: ${t.minutes} min planned, ${t.questions} for questions; ${fit}.`);
}
