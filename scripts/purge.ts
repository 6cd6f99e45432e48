/**
 * `npm run purge -- --older-than 30d` keeps only the counts of old workshops;
 * `npm run purge -- --workshop CODE` deletes one. In the data folder, or in Redis when
 * REDIS_URL is set. Exit 2: bad arguments; 1: nothing to act on.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Activity } from '../server/content/content.ts';
import { DEFAULT_REGION } from '../server/regions/name.ts';
import { everyPacksActivities, loadRegionContent } from '../server/regions/load.ts';
import { kitRoot } from '../server/paths.ts';
import { parsePurgeArgs, PURGE_USAGE } from '../server/purge/purge-args.ts';
import { deleteWorkshopByCode, purgeOlderThan } from '../server/purge/purge.ts';
import { workshopDate } from '../server/report/dates.ts';
import { openSqliteStore } from '../server/store/sqlite.ts';
import type { Store, WorkshopRecord } from '../server/store/store.ts';
import { purgeOnRedis } from './purge-redis.ts';

function fail(message: string, code: number): never {
  console.error(`error: ${message}`);
  process.exit(code);
}

const parsed = parsePurgeArgs(process.argv.slice(2));
if (!parsed.ok) fail(parsed.message, 2);
const { args } = parsed;
if (args.help || !args.action) {
  console.log(PURGE_USAGE);
  process.exit(0);
}
const action = args.action;

/**
 * The activities to count what purge keeps, as the report reads them: those of every region
 * pack, so that a workshop keeps the counts of every activity its own pack presented.
 */
function activities(): Activity[] {
  const all = everyPacksActivities(kitRoot(import.meta.dirname));
  if (all.length > 0) return all;
  const { errors } = loadRegionContent(kitRoot(import.meta.dirname), DEFAULT_REGION);
  for (const e of errors) console.error(`${e.file}:${e.line}: ${e.message}`);
  return fail('the workshop content has problems (listed above); nothing was purged', 1);
}

const plural = (n: number): string => `${n} workshop${n === 1 ? '' : 's'}`;

// With REDIS_URL (as npm start), the workshops are in Redis: purge there.
const redisUrl = process.env['REDIS_URL']?.trim();
if (redisUrl) {
  const result = await purgeOnRedis(redisUrl, action, action.type === 'delete' ? [] : activities(), Date.now()).catch((error: Error) => fail(`Redis: ${error.message}; nothing was purged`, 1));
  if (result.type === 'deleted') console.log(`deleted workshop ${result.record.code} and everything of it from Redis`);
  else if (result.type === 'purged') console.log(`purged ${plural(result.records.length)} in Redis: ${result.records.map((w) => w.code).join(', ')}`);
  else if (action.type === 'delete') fail(`no workshop with join code ${action.code} in Redis`, 1);
  else console.log(`nothing to purge: no workshop created more than ${action.text} ago still has its raw answers in Redis`);
  process.exit(0);
}

const dataDir = resolve(args.dataDir);
if (!existsSync(join(dataDir, 'workshops.sqlite'))) fail(`no kit data in ${dataDir} (no workshops.sqlite): give --data-dir`, 1);

const store = openSqliteStore(dataDir);
const named = (s: Store, w: WorkshopRecord): string => `${w.code} (${workshopDate(w.createdAt, s.facts(w.id).startedAt)})`;
try {
  if (action.type === 'delete') {
    const record = store.listWorkshops().find((w) => w.code === action.code);
    if (!record) fail(`no workshop with join code ${action.code} in ${dataDir}`, 1);
    const label = named(store, record);
    deleteWorkshopByCode(store, action.code);
    console.log(`deleted workshop ${label} and everything of it`);
  } else {
    // Summaries are counted per activity of the content, as the report reads them.
    const catalog = activities();
    const labels = new Map(store.listWorkshops().map((w) => [w.id, named(store, w)]));
    const purged = purgeOlderThan(store, catalog, action.ms, Date.now());
    if (purged.length === 0) console.log(`nothing to purge: no workshop created more than ${action.text} ago still has its raw answers`);
    else console.log(`purged ${plural(purged.length)}: ${purged.map((w) => labels.get(w.id)).join(', ')}`);
  }
} finally {
  store.close();
}
