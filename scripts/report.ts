/**
 * `npm run report -- --out report.html`: writes one workshop's report as a single HTML file,
 * straight from the data folder (no server needed). Exit 2: bad arguments; 1: nothing to report.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { kitRoot } from '../server/paths.ts';
import { loadRegionContent } from '../server/regions/load.ts';
import { parseReportArgs, REPORT_USAGE } from '../server/report/cli-args.ts';
import { reportHtml } from '../server/report/html.ts';
import { buildReport } from '../server/report/model.ts';
import { openSqliteStore } from '../server/store/sqlite.ts';
import { atLeast, ranWith } from '../server/core/threshold-floor.ts';
import { thresholdsOf } from '../server/workshops.ts';
import { openRedisCopy } from './redis-copy.ts';

function fail(message: string, code: number): never {
  console.error(`error: ${message}`);
  process.exit(code);
}

const parsed = parseReportArgs(process.argv.slice(2));
if (!parsed.ok) fail(parsed.message, 2);
const { args } = parsed;
if (args.help) {
  console.log(REPORT_USAGE);
  process.exit(0);
}

const dataDir = resolve(args.dataDir);
// With REDIS_URL (as npm start), the workshops are in Redis: the report reads a copy, as /report does.
const redisUrl = process.env['REDIS_URL']?.trim();
// Opening the store would create an empty one: check first, so a mistyped folder says so.
if (!redisUrl && !existsSync(join(dataDir, 'workshops.sqlite'))) fail(`no kit data in ${dataDir} (no workshops.sqlite): run the kit there first, or give --data-dir`, 1);
const { content, errors } = loadRegionContent(kitRoot(import.meta.dirname), args.region);
if (!content) {
  for (const e of errors) console.error(`${e.file}:${e.line}: ${e.message}`);
  fail('the workshop content has problems (listed above)', 1);
}

const store = redisUrl ? await openRedisCopy(redisUrl, content.activities).catch((error: Error) => fail(`Redis: ${error.message}`, 1)) : openSqliteStore(dataDir);
try {
  const workshops = store.listWorkshops();
  if (workshops.length === 0) fail(`there are no workshops in ${dataDir}`, 1);
  const record = args.workshop === undefined ? workshops.at(-1) : workshops.find((w) => w.code === args.workshop);
  if (!record) fail(`no workshop with join code ${args.workshop ?? ''} in ${dataDir}; it has ${workshops.map((w) => w.code).join(', ')}`, 1);
  // The threshold the workshop ran with is the floor: --threshold may hold back more, never
  // less, or a report could show the small counts the room held back (a workshop that kept
  // none: the kit's default, 10). Free text never under 10, as in the room.
  const ran = ranWith(record.threshold);
  const thresholds = args.threshold === undefined ? ran : atLeast(thresholdsOf(args.threshold), ran);
  if (args.threshold !== undefined && args.threshold < ran.default) {
    console.log(`workshop ${record.code} ran with threshold ${ran.default}: its report never shows fewer answers than that (not --threshold ${args.threshold})`);
  }
  const report = buildReport(store, content, record, thresholds);
  const strings = content.strings[args.lang] ?? {};
  writeFileSync(args.out, reportHtml(report, args.lang, strings));
  console.log(`wrote ${resolve(args.out)}: the report of workshop ${record.code} (${report.date})`);
} finally {
  store.close();
}
