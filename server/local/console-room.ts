/**
 * One workshop's facilitator tools that are not about answers: where the deck is (so
 * every console and deck follow each other), the clock against the plan, and the pause.
 *
 * Kept with the workshop, so a restart changes nothing a person can see: a move or a pause
 * is acknowledged once stored, and while the clock runs the room notes every few seconds
 * that the kit still runs. On start the slide, the pause and the clock come back, and the
 * clock does not count the time the kit was stopped (core/deck-clock.ts, `resume`): after
 * Ctrl+C it reads what it read at the stop; after a crash, at most the last ALIVE_EVERY_MS
 * of the current slide are not counted.
 */
import { ALIVE_EVERY_MS, clockData, clockFrom, move, newClock, position, resume, type DeckClock } from '../core/deck-clock.ts';
import type { DeckGo, DeckPosition, Paused, PlanId } from '../protocol.ts';
import type { ConsoleOutput, LiveConsole } from '../live/live-workshop.ts';
import type { StoredConsole } from '../store/store.ts';

/** Where a console's state is kept. */
export interface ConsoleKeeping {
  /** What was kept before this start; undefined the first time. */
  stored: StoredConsole | undefined;
  /** Keeps the whole state; resolves once it is durable. */
  save(state: StoredConsole): Promise<void>;
  /** Keeps it before returning (when the kit stops). */
  saveNow(state: StoredConsole): void;
}

export class ConsoleRoom implements LiveConsole {
  private readonly clock: DeckClock;
  private paused: boolean;
  private output: ConsoleOutput | undefined;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly now: () => number,
    private readonly keeping: ConsoleKeeping,
  ) {
    const { stored } = keeping;
    this.clock = stored ? clockFrom(stored.clock) : newClock();
    if (stored) resume(this.clock, stored.aliveAt, now());
    this.paused = stored?.paused ?? false;
    this.timer = setInterval(() => void this.beat(), ALIVE_EVERY_MS).unref();
  }

  attach(output: ConsoleOutput): void {
    this.output = output;
  }

  /** A console asks the decks to move. */
  go(to: DeckGo['to']): void {
    this.output?.toHosts('deck:go', { to });
  }

  /**
   * A deck says where it is now. Stored before the consoles hear it; when storing fails the
   * move stays in memory (the deck is there) and the next write stores the whole state.
   */
  async at(slide: string, plan: PlanId): Promise<void> {
    move(this.clock, slide, plan, this.now());
    await this.keeping.save(this.state());
    this.output?.toHosts('deck:position', this.position());
  }

  position(): DeckPosition {
    return position(this.clock, this.now());
  }

  async pause(paused: boolean): Promise<void> {
    if (paused === this.paused) return;
    this.paused = paused;
    try {
      await this.keeping.save(this.state());
    } catch (error) {
      // Not stored: nobody is told, and nobody joining later sees it either.
      this.paused = !paused;
      throw error;
    }
    this.output?.toEveryone('room:paused', { paused });
  }

  isPaused(): Paused {
    return { paused: this.paused };
  }

  /** Stops noting that the kit runs, and keeps the state as of now: the clock stops here. */
  stop(): void {
    clearInterval(this.timer);
    if (this.clock.slide === null && !this.paused) return;
    try {
      this.keeping.saveNow(this.state());
    } catch {
      // The store is gone already: the last move or beat stands.
    }
  }

  private state(): StoredConsole {
    return { clock: clockData(this.clock), paused: this.paused, aliveAt: this.now() };
  }

  private async beat(): Promise<void> {
    if (this.clock.startedAt === null) return;
    await this.keeping.save(this.state()).catch(() => undefined);
  }
}
