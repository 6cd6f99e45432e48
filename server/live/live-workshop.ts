/**
 * The contract of a live workshop: what the wire and the app need of it, whoever keeps it.
 * Two stores implement it: one process on its data folder (local/, SQLite) and several
 * processes sharing Redis (redis/). This module imports no implementation, only the protocol
 * and the core's types; the outputs a workshop talks through and the commands it takes belong
 * here too, so neither store depends on the other. Views may be async: a workshop on Redis
 * reads them from there.
 */
import type { ServerOptions } from 'socket.io';
import type { Moderation } from '../core/questions.ts';
import type { Command } from '../core/workshop.ts';
import type { Ack, AnswerValue, DeckGo, DeckPosition, LearningGain, Paused, PlanId, QaBoard, QaQueue, RoomState, Snapshot } from '../protocol.ts';
import type { Store, WorkshopRecord } from '../store/store.ts';

export type { Moderation };
export type Awaitable<T> = T | Promise<T>;

/** A facilitator's command to the activities (every command of the core but an answer). */
export type HostCommand = Exclude<Command['type'], 'answer'>;

/** Where a room's broadcasts go: the facilitator's deck(s) and the phones. */
export interface RoomOutput {
  toHosts(event: 'room:state' | 'activity:snapshot' | 'learning:update', payload: RoomState | Snapshot | LearningGain): void;
  toAttendees(event: 'room:state' | 'activity:snapshot', payload: RoomState | Snapshot): void;
  /** How many phones are connected; broadcasts to them slow down as the room grows. */
  attendeeCount(): number;
}

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

/** Where the Q&A's broadcasts go: the whole queue to the facilitator, the approved board to everyone. */
export interface QaOutput {
  toHosts(queue: QaQueue): void;
  toAttendees(board: QaBoard): void;
}

/** Anonymous Q&A. */
export interface LiveQa {
  attach(output: QaOutput): void;
  /** A question for the facilitator's queue; `replaces` a waiting one (core/questions.ts). Phones ask through `LiveWorkshop.ask`, which limits them. */
  ask(text: unknown, replaces?: string): Promise<Ack<{ flagged: boolean; id: string }>>;
  vote(phone: string, questionId: string, on: boolean): Promise<Ack<{ votes: number }>>;
  moderate(questionId: string, action: Moderation): Promise<Ack>;
  board(phone?: string): Awaitable<QaBoard>;
  queue(): Awaitable<QaQueue>;
  stop(): void;
}

/** Where the console's broadcasts go. */
export interface ConsoleOutput {
  toHosts(event: 'deck:position', payload: DeckPosition): void;
  toHosts(event: 'deck:go', payload: DeckGo): void;
  /** Hosts and phones alike. */
  toEveryone(event: 'room:paused', payload: Paused): void;
}

/** The deck's position, its clock and the pause. */
export interface LiveConsole {
  attach(output: ConsoleOutput): void;
  go(to: DeckGo['to']): void;
  at(slide: string, plan: PlanId): Awaitable<void>;
  pause(paused: boolean): Awaitable<void>;
  position(): Awaitable<DeckPosition>;
  isPaused(): Awaitable<Paused>;
  stop(): void;
}

/** What a phone is sent when it connects (wire/greet.ts), read together: on Redis, in one round trip. */
export interface AttendeeGreeting {
  paused: Paused;
  board: QaBoard;
  /** Where the deck is: the phones learn from it whether the workshop is over. */
  position: DeckPosition;
  state: RoomState;
}

export interface LiveWorkshop {
  readonly record: WorkshopRecord;
  readonly room: LiveRoom;
  readonly qa: LiveQa;
  readonly console: LiveConsole;
  /** A phone's question, within the limit a phone has (live/asking.ts). */
  ask(phone: string, text: unknown): Promise<Ack<{ flagged: boolean }>>;
  /** What a phone (`phone`, or a page with no phone token) is sent on connect. */
  attendeeGreeting(phone: string | undefined): Promise<AttendeeGreeting>;
  /** Counts a phone as joined, once. */
  joined(phone: string): void;
  /** How many phones joined since the workshop began. */
  joinedSoFar(): Promise<number>;
  stop(): void;
}

/** What a `LiveWorkshops` tells whoever follows it (the wire, the entry point). */
export interface WorkshopsFollower {
  /** A workshop is open: every one open now, then each one opened later, before it starts (attach its outputs here). */
  opened?(workshop: LiveWorkshop): void;
  /** Another workshop became the running one (on Redis: another kit process started it). */
  running?(workshop: LiveWorkshop): void;
}

/**
 * Every workshop the kit runs, by join code, and the running one: phones that give no code
 * land there, and only there may phones join. On a laptop it is the workshop `npm start`
 * opened; several processes on Redis all follow the one running there.
 */
export interface LiveWorkshops {
  /** A workshop by join code; one this process has not opened yet is looked for in the store (Redis) first. */
  workshop(code: string): Awaitable<LiveWorkshop | undefined>;
  workshops(): LiveWorkshop[];
  running(): LiveWorkshop;
  follow(follower: WorkshopsFollower): void;
  stop(): void;
}

/** Workshops kept outside this process (Redis), shared by several kit processes: what `createApp` takes. */
export interface SharedWorkshops<W extends LiveWorkshops> {
  rooms: W;
  /** socket.io's adapter that carries broadcasts between the processes. */
  adapter: ServerOptions['adapter'];
  /** Runs `use` on a store the reports can read. */
  withStore<T>(use: (store: Store) => T): Promise<T>;
}
