/**
 * `npm run purge` when the workshops are in Redis (REDIS_URL set): the same purge as on a
 * laptop, counted on a copy by the same code (server/purge/), then applied to Redis
 * (server/redis/redis-purge.ts). Ended workshops past their retention go first.
 */
import type { Activity } from '../server/content/content.ts';
import type { PurgeAction } from '../server/purge/purge-args.ts';
import { purgeOlderThan } from '../server/purge/purge.ts';
import { connectRedis } from '../server/redis/connect.ts';
import { compactLog, deleteInRedis, findByCode, forgetExpired, purgeInRedis, type KeptInRedis } from '../server/redis/redis-purge.ts';
import { withRedisCopy } from '../server/redis/report-store.ts';
import { redisRetention, sweepEnded } from '../server/redis/retention.ts';
import type { WorkshopRecord } from '../server/store/store.ts';

export type RedisPurgeResult = { type: 'deleted'; record: WorkshopRecord } | { type: 'purged'; records: WorkshopRecord[] } | { type: 'none' };

/** Purges or deletes on the Redis at `url`; `activities` count what purge keeps. */
export async function purgeOnRedis(url: string, action: PurgeAction, activities: readonly Activity[], now: number): Promise<RedisPurgeResult> {
  const retention = redisRetention(process.env);
  if (typeof retention === 'string') throw new Error(retention);
  const { redis, close } = await connectRedis(url, () => undefined, retention);
  try {
    await forgetExpired(redis, await sweepEnded(redis, now, retention));
    let result: RedisPurgeResult = { type: 'none' };
    if (action.type === 'delete') {
      const record = await findByCode(redis, action.code);
      if (record) {
        await deleteInRedis(redis, record.id);
        result = { type: 'deleted', record };
      }
    } else {
      const purged = await withRedisCopy(redis, activities, (copy) =>
        purgeOlderThan(copy, activities, action.ms, now).map((record) => {
          const facts = copy.facts(record.id);
          const kept: KeptInRedis = { at: now, joined: facts.joined, questionsAsked: facts.questionsAsked, startedAt: facts.startedAt, lastCommandAt: facts.lastCommandAt, summaries: copy.summaries(record.id) };
          return { record, kept };
        }),
      );
      for (const { record, kept } of purged) await purgeInRedis(redis, record, kept);
      if (purged.length > 0) result = { type: 'purged', records: purged.map((p) => p.record) };
    }
    if (result.type !== 'none') await compactLog(redis);
    return result;
  } finally {
    await close();
  }
}
