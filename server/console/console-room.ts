/**
 * One workshop's facilitator tools that are not about answers: where the deck is (so
 * every console and deck follow each other), the clock against the plan, and the pause.
 * Kept in memory: a restart resumes unpaused, with the clock from the deck's next move.
 */
import { move, newClock, position, type DeckClock } from '../core/deck-clock.ts';
import type { DeckGo, DeckPosition, Paused } from '../protocol.ts';
import type { LiveConsole } from '../room/live-workshop.ts';

export interface ConsoleOutput {
  toHosts(event: 'deck:position', payload: DeckPosition): void;
  toHosts(event: 'deck:go', payload: DeckGo): void;
  /** Hosts and phones alike. */
  toEveryone(event: 'room:paused', payload: Paused): void;
}

export class ConsoleRoom implements LiveConsole {
  private readonly clock: DeckClock = newClock();
  private paused = false;
  private output: ConsoleOutput | undefined;

  constructor(private readonly now: () => number) {}

  attach(output: ConsoleOutput): void {
    this.output = output;
  }

  /** A console asks the decks to move. */
  go(to: DeckGo['to']): void {
    this.output?.toHosts('deck:go', { to });
  }

  /** A deck says where it is now. */
  at(slide: string, full: boolean): void {
    move(this.clock, slide, full, this.now());
    this.output?.toHosts('deck:position', this.position());
  }

  position(): DeckPosition {
    return position(this.clock, this.now());
  }

  pause(paused: boolean): void {
    if (paused === this.paused) return;
    this.paused = paused;
    this.output?.toEveryone('room:paused', { paused });
  }

  isPaused(): Paused {
    return { paused: this.paused };
  }
}
