/**
 * `npm run check:content [-- --region NAME]`: checks every content file as the region pack
 * presents it (default monterey-ca); prints `file:line: what is wrong` for each problem and
 * exits 1, or prints a summary and exits 0. `--regions DIR` looks for the pack in DIR instead
 * of regions/ (a pack kept elsewhere), `--slides DIR` reads the deck from DIR instead of
 * slides/; `--dir DIR` checks a bare content folder (no pack), as the tests' broken fixtures are.
 */
import { parseArgs } from 'node:util';
import { loadContent, type Loaded } from '../server/content/content.ts';
import { planTotals } from '../server/content/timing.ts';
import { kitRoot } from '../server/paths.ts';
import { DEFAULT_REGION } from '../server/regions/name.ts';
import { loadRegionContent } from '../server/regions/load.ts';

const { values, positionals } = parseArgs({ options: { region: { type: 'string' }, regions: { type: 'string' }, slides: { type: 'string' }, dir: { type: 'string' } }, allowPositionals: true });
const dir = values.dir ?? positionals[0];
const region = values.region ?? DEFAULT_REGION;
const { content, errors, leftOut }: Loaded = dir !== undefined ? loadContent(dir) : loadRegionContent(kitRoot(import.meta.dirname), region, { regions: values.regions, slides: values.slides });
const what = dir !== undefined ? `${dir}/` : `the ${region} pack`;
for (const e of errors) console.error(`${e.file}:${e.line}: ${e.message}`);
if (!content) {
  console.error(`${errors.length} problem${errors.length === 1 ? '' : 's'} in ${what}`);
  process.exit(1);
}
const decks = Object.entries(content.decks).map(([lang, files]) => `${lang}: ${files.reduce((n, f) => n + f.slides.length, 0)} slides`);
console.log(`Content OK (${what}): ${decks.join(', ')}; ${content.activities.length} activities; ${content.sources.length} sources; ${Object.values(content.resources.groups).reduce((n, g) => n + g.entries.length, 0)} resources.`);
if (leftOut.length > 0) console.log(`Left out, as the pack has no state law: ${leftOut.length} slide${leftOut.length === 1 ? '' : 's'}: ${leftOut.join(', ')}.`);
// Each plan's total against its slot (a plan that does not fit is a problem listed above).
const deck = content.decks['en'] ?? [];
for (const t of planTotals(deck.flatMap((f) => f.slides))) {
  const fit = t.slot === undefined ? 'no slot' : `slot ${t.slot} min, ${t.slack} min (${Math.round((100 * (t.slack ?? 0)) / t.slot)}%) to spare`;
  console.log(`Plan ${t.plan === 'full' ? 'full set' : `${t.plan} min`}: ${t.minutes} min planned, ${t.questions} for questions; ${fit}.`);
}
