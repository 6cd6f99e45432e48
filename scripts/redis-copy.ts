/**
 * What `npm run report` reads when the workshops are in Redis (REDIS_URL set): the same copy
 * in memory that /report reads (server/redis/report-store.ts), made once; nothing on disk.
 */
import type { Activity } from '../server/content/content.ts';
import { connectRedis } from '../server/redis/connect.ts';
import { redisCopy } from '../server/redis/report-store.ts';
import type { Store } from '../server/store/store.ts';

export async function openRedisCopy(url: string, activities: readonly Activity[]): Promise<Store> {
  const { redis, close } = await connectRedis(url, () => undefined);
  try {
    return await redisCopy(redis, activities);
  } finally {
    await close();
  }
}
