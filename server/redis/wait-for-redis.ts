/**
 * Waiting for Redis, for the writes a phone or a facilitator makes (an answer, a question, a
 * vote, a command): while Redis is away, a write waits for it to come back, for at most
 * `waitMs` in all (--redis-wait, REDIS_WAIT_S: 30 s by default), is tried again once it is
 * back, and is acknowledged once stored. Only past the wait does the caller answer STORAGE.
 *
 * Why the client alone does not do it: node-redis fails a command already sent when the
 * connection dropped, whether or not Redis ran it, and would keep one issued while it is
 * disconnected for as long as the outage lasts (the kit's client has no command timeout,
 * connect.ts), with no end to the wait. So a write is sent only once the connection is ready, and tried again after
 * a lost connection: every write given here must be safe to run twice (the ballot script
 * confirms the same answer, a question keeps its id, a vote is a set member, a command sets
 * values). A write still on its way when the wait ends may yet be stored: a resend is
 * counted once.
 */
import { ClientOfflineError, ConnectionTimeoutError, ErrorReply, SocketClosedUnexpectedlyError, SocketTimeoutError, TimeoutError, type RedisClientType } from 'redis';

/** How long a write waits for Redis when nothing else was set (the kit passes --redis-wait). */
export const DEFAULT_REDIS_WAIT_MS = 30_000;

/** Redis answered "not now" (still loading its file after a restart, say): ask again this soon. */
const NOT_NOW_RETRY_MS = 200;
const NOT_NOW = /^(LOADING|BUSY|TRYAGAIN|MASTERDOWN)\b/;

/** Whether `error` means Redis is away or not ready yet, rather than a refusal that would come again. */
export function redisAway(error: unknown): boolean {
  if (error instanceof ErrorReply) return NOT_NOW.test(error.message);
  const lost = [SocketClosedUnexpectedlyError, TimeoutError, ClientOfflineError, ConnectionTimeoutError, SocketTimeoutError];
  if (lost.some((kind) => error instanceof kind)) return true;
  // The socket's own errors: ECONNRESET, EPIPE, ECONNREFUSED...
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

/** One promise per client for its next 'ready' (thousands of waiting writes add no listener each). */
const comingBack = new WeakMap<RedisClientType, Promise<void>>();

function ready(redis: RedisClientType): Promise<void> {
  if (redis.isReady) return Promise.resolve();
  let back = comingBack.get(redis);
  if (!back) {
    back = new Promise<void>((ok) => redis.once('ready', () => (comingBack.delete(redis), ok())));
    comingBack.set(redis, back);
  }
  return back;
}

/**
 * Runs `attempt` once Redis is ready, and again after each failure that means Redis is away,
 * until it succeeds or `waitMs` have passed in all; then it rejects, and the caller answers
 * STORAGE. `again` is true when an earlier attempt failed: it may have been stored all the
 * same (its reply was lost), so what was found stored may be this write's own.
 */
export async function waitForRedis<T>(redis: RedisClientType, waitMs: number, attempt: (again: boolean) => Promise<T>): Promise<T> {
  const deadline = performance.now() + waitMs;
  let timer: NodeJS.Timeout | undefined;
  const over = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`Redis did not answer within ${waitMs / 1000} s`)), waitMs).unref();
  });
  const tries = async (): Promise<T> => {
    for (let again = false; ; again = true) {
      await Promise.race([ready(redis), over]);
      try {
        return await attempt(again);
      } catch (error) {
        if (!redisAway(error) || performance.now() >= deadline) throw error;
        // Connected but not answering yet (or the client had not noticed it was cut off).
        if (redis.isReady) await new Promise((ok) => setTimeout(ok, NOT_NOW_RETRY_MS));
      }
    }
  };
  try {
    return await Promise.race([tries(), over]);
  } finally {
    clearTimeout(timer);
  }
}
