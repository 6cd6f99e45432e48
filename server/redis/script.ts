/**
 * A Lua script of the kit, run by its digest (EVALSHA): the text crosses to Redis only when
 * Redis does not have it yet (its first run, or after Redis restarted), not with every
 * answer. Redis runs a script whole, with nothing in between (each script's own comment says
 * why it must be one).
 */
import { createHash } from 'node:crypto';
import { ErrorReply, type RedisClientType } from 'redis';

export class Script {
  private readonly sha: string;

  constructor(private readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  async run(redis: RedisClientType, keys: string[], args: string[] = []): Promise<unknown> {
    const options = { keys, arguments: args };
    try {
      return await redis.evalSha(this.sha, options);
    } catch (error) {
      if (!(error instanceof ErrorReply) || !error.message.startsWith('NOSCRIPT')) throw error;
      // EVAL runs it and keeps it: the next run is by digest again.
      return redis.eval(this.source, options);
    }
  }
}
