/**
 * What the screens of a workshop were last sent, shared by the kit processes, so each change
 * reaches each deck and each phone once. Every process sends snapshots on Redis: the one that
 * took a facilitator's command sends its result at once, and each sends the tallies of the
 * answers it took, coalesced (and looks again at the current activity while another process's
 * answers come). Before sending, each claims what it sends here: only the first to claim a
 * snapshot sends it, and one that read before another sent something newer reads again.
 *
 * Kept in the hash `kit:WORKSHOP_ID:sent`, a digest per activity (and one for the learning
 * figures): counts the room was shown, never a phone's key. It expires and is purged with the
 * workshop's other keys (retention.ts, redis-purge.ts).
 */
import { createHash } from 'node:crypto';
import type { RedisClientType } from 'redis';
import { Script } from './script.ts';

/** The key of a workshop's digests of what its screens were last sent. */
export const sentKey = (workshopId: string): string => `kit:${workshopId}:sent`;

/** What a claim may say. */
export type Claim = 'send' | 'sent' | 'stale';

/**
 * KEYS: the hash. ARGV: what, its digest, and the digest read before the state was ('*' for
 * a command, which sends what it just wrote). 1: send it; 0: sent already; -1: another process
 * sent something newer meanwhile.
 */
const CLAIM = new Script(`
local now = redis.call('HGET', KEYS[1], ARGV[1]) or ''
if now == ARGV[2] then return 0 end
if ARGV[3] ~= '*' and now ~= ARGV[3] then return -1 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return 1
`);

/** What a claim compares: a short digest of what the screens are sent. */
export const digestOf = (payload: unknown): string => createHash('sha256').update(JSON.stringify(payload)).digest('base64url').slice(0, 22);

export class SentOnce {
  private readonly key: string;

  constructor(
    private readonly redis: RedisClientType,
    workshopId: string,
  ) {
    this.key = sentKey(workshopId);
  }

  /** The digest last sent of `what`: a flush reads it before the state it compares. */
  async last(what: string): Promise<string> {
    return (await this.redis.hGet(this.key, what)) ?? '';
  }

  /**
   * Whether to send `payload` as `what` (an activity's id, or 'learning'): 'send' when this
   * process is the first, 'sent' when the screens have it, 'stale' when another process sent
   * `what` after `readBefore` was read (so `payload` may be older than what the screens show:
   * read it again). Without `readBefore` (a command, which read after its own write) it is
   * never stale. When Redis cannot say, 'send': twice is better than never.
   */
  async claim(what: string, payload: unknown, readBefore?: string): Promise<Claim> {
    const digest = digestOf(payload);
    // The screens had this when `readBefore` was read: nothing to ask Redis (a newer one sent since is newer still).
    if (readBefore === digest) return 'sent';
    try {
      const reply = await CLAIM.run(this.redis, [this.key], [what, digest, readBefore ?? '*']);
      return reply === 1 ? 'send' : reply === 0 ? 'sent' : 'stale';
    } catch {
      return 'send';
    }
  }
}
