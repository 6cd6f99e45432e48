/**
 * A live workshop made of its parts, whichever store they keep their state in: both stores
 * (local/ and redis/) build their workshops with it, so stopping one stops every part.
 */
import type { WorkshopRecord } from '../store/store.ts';
import type { Ack } from '../protocol.ts';
import type { Asking } from './asking.ts';
import type { JoinCounter } from './join-counter.ts';
import type { AttendeeGreeting, LiveConsole, LiveQa, LiveRoom, LiveWorkshop } from './live-workshop.ts';

/** A phone's greeting asked of each part of a workshop, together. */
export async function greetingByParts(parts: { room: LiveRoom; qa: LiveQa; console: LiveConsole }, phone: string | undefined): Promise<AttendeeGreeting> {
  const [paused, board, position, state] = await Promise.all([parts.console.isPaused(), parts.qa.board(phone), parts.console.position(), parts.room.attendeeState(phone)]);
  return { paused, board, position, state };
}

export class WorkshopOf<R extends LiveRoom, Q extends LiveQa, C extends LiveConsole> implements LiveWorkshop {
  constructor(
    readonly record: WorkshopRecord,
    readonly room: R,
    readonly qa: Q,
    readonly console: C,
    private readonly joins: JoinCounter,
    private readonly asking: Asking,
    /** A store that reads a phone's greeting in one go (redis/redis-greeting.ts); otherwise asked of each part. */
    private readonly greeting?: (phone: string | undefined) => Promise<AttendeeGreeting>,
  ) {}

  attendeeGreeting(phone: string | undefined): Promise<AttendeeGreeting> {
    return this.greeting ? this.greeting(phone) : greetingByParts(this, phone);
  }

  ask(phone: string, text: unknown): Promise<Ack<{ flagged: boolean }>> {
    return this.asking.ask(phone, text);
  }

  joined(phone: string): void {
    this.joins.joined(phone);
  }

  joinedSoFar(): Promise<number> {
    return this.joins.joinedSoFar();
  }

  /** Writes the joins still waiting, stops every timer, and keeps the console as of now. */
  stop(): void {
    this.joins.stop();
    this.room.stop();
    this.qa.stop();
    this.console.stop();
  }
}
