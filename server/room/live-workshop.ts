/**
 * What the wire needs of a live workshop, whoever keeps it: one process on its data folder
 * (rooms.ts, SQLite) or several processes sharing Redis (redis/). Views may be async: a
 * workshop on Redis reads them from there.
 */
import type { Moderation } from '../core/questions.ts';
import type { Ack, AnswerValue, DeckGo, PlanId, DeckPosition, LearningGain, Paused, QaBoard, QaQueue, RoomState } from '../protocol.ts';
import type { WorkshopRecord } from '../store/store.ts';
import type { ConsoleOutput } from '../console/console-room.ts';
import type { QaOutput } from '../qa/qa-room.ts';
import type { JoinCounter } from './join-counter.ts';
import type { HostCommand, RoomOutput } from './room.ts';

export type Awaitable<T> = T | Promise<T>;

/** The activities: answers, the facilitator's commands, and what a deck or a phone sees on connect. */
export interface LiveRoom {
  readonly record: WorkshopRecord;
  attach(output: RoomOutput): void;
  submit(phone: string, activityId: string, value: unknown): Promise<Ack<{ value: AnswerValue }>>;
  command(type: HostCommand, activityId?: string): Promise<Ack>;
  attendeeState(phone: string | undefined): Awaitable<RoomState>;
  hostState(): Awaitable<RoomState>;
  learning(): Awaitable<LearningGain>;
  stop(): void;
}

/** Anonymous Q&A. */
export interface LiveQa {
  attach(output: QaOutput): void;
  ask(text: unknown): Promise<Ack<{ flagged: boolean }>>;
  vote(phone: string, questionId: string, on: boolean): Promise<Ack<{ votes: number }>>;
  moderate(questionId: string, action: Moderation): Promise<Ack>;
  board(phone?: string): Awaitable<QaBoard>;
  queue(): Awaitable<QaQueue>;
  stop(): void;
}

/** The deck's position, its clock and the pause. */
export interface LiveConsole {
  attach(output: ConsoleOutput): void;
  go(to: DeckGo['to']): void;
  at(slide: string, plan: PlanId): Awaitable<void>;
  pause(paused: boolean): Awaitable<void>;
  position(): Awaitable<DeckPosition>;
  isPaused(): Awaitable<Paused>;
}

export interface LiveWorkshop {
  readonly record: WorkshopRecord;
  readonly room: LiveRoom;
  readonly qa: LiveQa;
  readonly console: LiveConsole;
  /** Counts a phone as joined, once. */
  joined(phone: string): void;
  /** How many phones joined since the workshop began. */
  joinedSoFar(): Promise<number>;
  stop(): void;
}

/** A workshop made of its parts, whichever store they keep their state in. */
export class WorkshopOf<R extends LiveRoom, Q extends LiveQa, C extends LiveConsole> implements LiveWorkshop {
  constructor(
    readonly record: WorkshopRecord,
    readonly room: R,
    readonly qa: Q,
    readonly console: C,
    private readonly joins: JoinCounter,
  ) {}

  joined(phone: string): void {
    this.joins.joined(phone);
  }

  joinedSoFar(): Promise<number> {
    return this.joins.joinedSoFar();
  }

  stop(): void {
    this.joins.stop();
    this.room.stop();
    this.qa.stop();
  }
}

/** Every workshop the kit runs, by join code. */
export interface LiveWorkshops {
  workshop(code: string): LiveWorkshop | undefined;
  workshops(): LiveWorkshop[];
  stop(): void;
}
