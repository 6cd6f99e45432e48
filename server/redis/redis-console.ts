/**
 * One workshop's console state when several kit processes share Redis: the deck's clock and
 * the pause are kept there, so a console or a phone on any process sees the same. Moves are
 * the core's (core/deck-clock.ts); broadcasts go through socket.io's adapter.
 */
import type { RedisClientType } from 'redis';
import type { ConsoleOutput } from '../console/console-room.ts';
import { move, newClock, position, type DeckClock } from '../core/deck-clock.ts';
import type { DeckGo, DeckPosition, Paused } from '../protocol.ts';
import type { LiveConsole } from '../room/live-workshop.ts';
import type { WorkshopRecord } from '../store/store.ts';

type StoredClock = Omit<DeckClock, 'spent'> & { spent: [string, number][] };

export class RedisConsole implements LiveConsole {
  private output: ConsoleOutput | undefined;
  private readonly keys: { clock: string; paused: string };

  constructor(
    record: WorkshopRecord,
    private readonly redis: RedisClientType,
    private readonly now: () => number,
  ) {
    this.keys = { clock: `kit:${record.id}:clock`, paused: `kit:${record.id}:paused` };
  }

  attach(output: ConsoleOutput): void {
    this.output = output;
  }

  go(to: DeckGo['to']): void {
    this.output?.toHosts('deck:go', { to });
  }

  private async clock(): Promise<DeckClock> {
    const raw = await this.redis.get(this.keys.clock);
    if (!raw) return newClock();
    const stored = JSON.parse(raw) as StoredClock;
    return { ...stored, spent: new Map(stored.spent) };
  }

  async at(slide: string, full: boolean): Promise<void> {
    const clock = await this.clock();
    move(clock, slide, full, this.now());
    await this.redis.set(this.keys.clock, JSON.stringify({ ...clock, spent: [...clock.spent] } satisfies StoredClock));
    this.output?.toHosts('deck:position', position(clock, this.now()));
  }

  async position(): Promise<DeckPosition> {
    return position(await this.clock(), this.now());
  }

  async pause(paused: boolean): Promise<void> {
    const before = await this.redis.getSet(this.keys.paused, paused ? '1' : '0');
    if ((before === '1') !== paused) this.output?.toEveryone('room:paused', { paused });
  }

  async isPaused(): Promise<Paused> {
    return { paused: (await this.redis.get(this.keys.paused)) === '1' };
  }
}
