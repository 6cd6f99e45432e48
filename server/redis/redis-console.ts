/**
 * One workshop's console state when several kit processes share Redis: the deck's clock and
 * the pause are kept there, so a console or a phone on any process sees the same, and they
 * come back when every process is restarted. Moves are the core's (core/deck-clock.ts);
 * broadcasts go through socket.io's adapter.
 *
 * The clock counts only the time some process ran, as on a laptop (local/console-room.ts):
 * its times are "kit time", the wall clock less `stopped`, the time no process ran. Every
 * process notes in `alive` that it runs; a process that starts and finds `alive` older than
 * STALE_MS adds the gap to `stopped`, in one script, so two starting together add it once.
 * A restart within STALE_MS counts as running.
 */
import type { RedisClientType } from 'redis';
import { ALIVE_EVERY_MS, move, newClock, position, type DeckClock } from '../core/deck-clock.ts';
import type { DeckGo, DeckPosition, Paused, PlanId } from '../protocol.ts';
import type { ConsoleOutput, LiveConsole } from '../live/live-workshop.ts';
import type { WorkshopRecord } from '../store/store.ts';
import { Script } from './script.ts';
import { DEFAULT_REDIS_WAIT_MS, waitForRedis } from './wait-for-redis.ts';

type StoredClock = Omit<DeckClock, 'spent'> & { spent: [string, number][] };

/** No process noted it ran for this long: they were all stopped. */
const STALE_MS = 3 * ALIVE_EVERY_MS;

/** KEYS: clock, alive, stopped. ARGV: now, STALE_MS. */
const RESUME = new Script(`
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local now = tonumber(ARGV[1])
local alive = tonumber(redis.call('GET', KEYS[2]))
if alive and now - alive > tonumber(ARGV[2]) then redis.call('INCRBY', KEYS[3], now - alive) end
redis.call('SET', KEYS[2], ARGV[1])
return 1
`);

/**
 * KEYS: clock, alive. ARGV: now. Only a clock that exists needs to know. Sent whole (EVAL), not
 * by digest: the last note goes as the process stops, and a digest Redis did not know would be
 * sent again only after a round trip, behind what comes next (another process's RESUME, a quit).
 */
const ALIVE = `
if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('SET', KEYS[2], ARGV[1]) end
return 0
`;

export class RedisConsole implements LiveConsole {
  private output: ConsoleOutput | undefined;
  private readonly keys: { clock: string; paused: string; alive: string; stopped: string };
  private timer: NodeJS.Timeout | undefined;

  constructor(
    record: WorkshopRecord,
    private readonly redis: RedisClientType,
    private readonly now: () => number,
    /** How long the deck's position or the pause waits for Redis when it is away (--redis-wait); then STORAGE. */
    private readonly waitMs = DEFAULT_REDIS_WAIT_MS,
  ) {
    const base = `kit:${record.id}`;
    this.keys = { clock: `${base}:clock`, paused: `${base}:paused`, alive: `${base}:alive`, stopped: `${base}:stopped` };
  }

  /** On start: the time no process ran stops counting; then this process notes it runs. */
  async start(): Promise<void> {
    await RESUME.run(this.redis, [this.keys.clock, this.keys.alive, this.keys.stopped], [String(this.now()), String(STALE_MS)]);
    this.timer = setInterval(() => void this.alive().catch(() => undefined), ALIVE_EVERY_MS).unref();
  }

  /** Notes once more that the kit ran until now (best effort: Redis may be gone). */
  stop(): void {
    clearInterval(this.timer);
    void this.alive().catch(() => undefined);
  }

  attach(output: ConsoleOutput): void {
    this.output = output;
  }

  go(to: DeckGo['to']): void {
    this.output?.toHosts('deck:go', { to });
  }

  private alive(): Promise<unknown> {
    return this.redis.eval(ALIVE, { keys: [this.keys.clock, this.keys.alive], arguments: [String(this.now())] });
  }

  /** The clock, and the kit time now. */
  private async clock(): Promise<{ clock: DeckClock; at: number }> {
    const [raw, stopped] = await this.redis.mGet([this.keys.clock, this.keys.stopped]);
    return this.clockFrom(raw ?? null, stopped ?? null);
  }

  private clockFrom(raw: string | null, stopped: string | null): { clock: DeckClock; at: number } {
    const at = this.now() - Number(stopped ?? 0);
    if (!raw) return { clock: newClock(), at };
    const stored = JSON.parse(raw) as StoredClock;
    return { clock: { ...stored, spent: new Map(stored.spent) }, at };
  }

  /** The keys a greeting reads (redis-greeting.ts): the pause, the clock and the time no process ran. */
  greetingKeys(): [paused: string, clock: string, stopped: string] {
    return [this.keys.paused, this.keys.clock, this.keys.stopped];
  }

  /** The deck's position from the clock and the stopped time as stored. */
  positionFrom(raw: string | null, stopped: string | null): DeckPosition {
    const { clock, at } = this.clockFrom(raw, stopped);
    return position(clock, at);
  }

  /** Read, moved and written again on each try while Redis is away: a move already stored moves again to the same slide. */
  async at(slide: string, plan: PlanId): Promise<void> {
    await waitForRedis(this.redis, this.waitMs, async () => {
      const { clock, at } = await this.clock();
      move(clock, slide, plan, at);
      const stored = JSON.stringify({ ...clock, spent: [...clock.spent] } satisfies StoredClock);
      // A move proves the kit ran until now, as a beat does.
      await this.redis.multi().set(this.keys.clock, stored).set(this.keys.alive, String(this.now())).exec();
      this.output?.toHosts('deck:position', position(clock, at));
    });
  }

  async position(): Promise<DeckPosition> {
    const { clock, at } = await this.clock();
    return position(clock, at);
  }

  async pause(paused: boolean): Promise<void> {
    await waitForRedis(this.redis, this.waitMs, async (again) => {
      const before = await this.redis.getSet(this.keys.paused, paused ? '1' : '0');
      // A retry may find this pause's own first try stored: it is said all the same.
      if ((before === '1') !== paused || again) this.output?.toEveryone('room:paused', { paused });
    });
  }

  async isPaused(): Promise<Paused> {
    return { paused: (await this.redis.get(this.keys.paused)) === '1' };
  }
}
