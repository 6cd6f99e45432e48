/**
 * One workshop's running countdown (core/countdown.ts): tells everyone, and when time is up
 * locks the activity it was for. Kept in memory by the process that started it: a restart
 * ends a countdown (the activity stays open, as it was) and the facilitator starts it again.
 */
import { start, survives, viewOf, type Move, type Running } from '../core/countdown.ts';
import type { Countdown, CountdownSet } from '../protocol.ts';

export interface CountdownOutput {
  toEveryone(countdown: Countdown): void;
  /** Time is up on an activity: lock its answers. */
  lock(activityId: string): Promise<unknown>;
}

export class CountdownRoom {
  private running: Running = null;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly output: CountdownOutput,
    private readonly now: () => number,
  ) {}

  /** A facilitator starts a countdown (or stops it with `none`): it replaces any other. */
  set(request: CountdownSet): void {
    clearTimeout(this.timer);
    this.running = start(request, this.now());
    const running = this.running;
    // A break's end is only shown; an activity's end locks it.
    if (running?.kind === 'close') this.timer = setTimeout(() => void this.end(running), running.endsAt - this.now()).unref();
    this.output.toEveryone(this.view());
  }

  /** Something moved in the room: the countdown ends if it no longer applies. */
  moved(move: Move): void {
    if (this.running && !survives(this.running, move)) this.set({ kind: 'none' });
  }

  view(): Countdown {
    return viewOf(this.running, this.now());
  }

  private async end(running: Extract<Running, { kind: 'close' }>): Promise<void> {
    if (this.running !== running) return;
    this.running = null;
    this.output.toEveryone(this.view());
    await this.output.lock(running.activityId).catch(() => undefined);
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}
