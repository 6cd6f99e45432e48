/**
 * One simulated phone of a rehearsal: a socket.io-client connection to the kit's own address
 * that speaks the phone's protocol (server/protocol.ts) as client/join does. A random device
 * token in the handshake; it reads what a phone is sent (the room's state, snapshots, the pause,
 * countdowns, the end, the approved questions) and sends `answer:submit`, `question:ask` and
 * `question:vote`, each with its ack, as choices.ts decides. No back door: the kit cannot tell
 * it from a phone on the Wi-Fi, except that it connects from the laptop itself.
 */
import { io, type Socket } from 'socket.io-client';
import { connectionOptions } from '../../client/connection/options.ts';
import type { Activity } from '../content/schema.ts';
import { PROTOCOL_VERSION, type Ack, type AnswerValue, type ClientToServer, type Countdown, type QaBoard, type RoomState, type ServerToClient, type Snapshot } from '../protocol.ts';
import { choose, type PhoneChoice, type TypedWords } from './choices.ts';
import { randomFor } from './random.ts';
import { voteDelay } from './schedule.ts';

type PhoneSocket = Socket<ServerToClient, ClientToServer>;

export interface PhoneOptions {
  /** The kit's own address (loopback). */
  url: string;
  /** Its device token, random like a phone's (client/join/device.ts). */
  device: string;
  /** Its seed: the same seed, the same answers. */
  seed: string;
  /** The content's activities by id: the phone reads the question as a person does, and knows the best answer. */
  catalog: ReadonlyMap<string, Activity>;
  typed: TypedWords;
}

/** As the phone page (client/connection/socket.ts): how long a request waits for its ack, and when it knocks again. */
const ACK_TIMEOUT_MS = 8_000;
const RECONNECT_MS = 1_000;
const RATE_LIMITED_RETRY_MS = 10_000;
const RETRY_MS = 1_500;

/** Where the phone is with one activity: its choice, how many answers of it were sent, and since when it waits. */
interface Progress {
  choice: PhoneChoice;
  sent: number;
  since: number | undefined;
}

export class SimulatedPhone {
  private readonly socket: PhoneSocket;
  private current: { id: string; open: boolean } | null = null;
  private paused = false;
  private finished = false;
  private countdown: { activityId: string; at: number } | undefined;
  private readonly progress = new Map<string, Progress>();
  private readonly seen = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private answerTimer: NodeJS.Timeout | undefined;
  private sending = false;
  private stopped = false;

  constructor(private readonly options: PhoneOptions) {
    // Opened as the phone page opens its connection (websocket first, polling if it fails).
    this.socket = io(options.url, { ...connectionOptions(), forceNew: true, auth: { v: PROTOCOL_VERSION, device: options.device } });
    this.socket.on('disconnect', (reason) => {
      // socket.io does not retry a connection the server ended; the phone page does.
      if (reason === 'io server disconnect') this.later(RECONNECT_MS, () => this.socket.connect());
      this.plan();
    });
    this.socket.on('connect_error', (error) => {
      if (error.message === 'RATE_LIMITED') this.later(RATE_LIMITED_RETRY_MS, () => this.socket.connect());
    });
    this.socket.on('room:state', (state) => this.onState(state));
    this.socket.on('activity:snapshot', (snap) => this.onSnapshot(snap));
    this.socket.on('room:paused', ({ paused }) => {
      this.paused = paused;
      this.plan();
    });
    this.socket.on('room:finished', ({ finished }) => {
      this.finished = finished;
      this.plan();
    });
    this.socket.on('countdown:update', (countdown) => this.onCountdown(countdown));
    this.socket.on('qa:board', (board) => this.onBoard(board));
  }

  /** Connected to the kit now. */
  connected(): boolean {
    return this.socket.connected;
  }

  /** Asks a question, as the phone's "Ask a question" does (the personal-question card is the page's, not the wire's). */
  async ask(text: string): Promise<boolean> {
    return (await this.request('question:ask', { text }))?.ok === true;
  }

  /** Leaves the room. */
  close(): void {
    this.stopped = true;
    clearTimeout(this.answerTimer);
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.socket.close();
  }

  private onState(state: RoomState): void {
    const current = state.current;
    this.current = current ? { id: current.activity.id, open: current.snapshot.status === 'open' } : null;
    if (current) {
      const progress = this.progressOf(current.activity.id);
      // None kept (the facilitator cleared the answers): answer again, as a person would.
      if (state.mine === null && progress.sent > 0) Object.assign(progress, { sent: 0, since: undefined });
      // An answer kept from before a reconnect: this phone is done with it.
      if (state.mine !== null && state.mine !== undefined && progress.sent === 0) progress.sent = progress.choice.steps.length;
    }
    this.plan();
  }

  private onSnapshot(snap: Snapshot): void {
    if (this.current?.id !== snap.activityId) return;
    this.current.open = snap.status === 'open';
    this.plan();
  }

  private onCountdown(countdown: Countdown): void {
    this.countdown = countdown.kind === 'close' ? { activityId: countdown.activityId, at: Date.now() + countdown.endsIn } : undefined;
    this.plan();
  }

  /** Approved questions on the screen: some phones upvote each, a little later. */
  private onBoard(board: QaBoard): void {
    for (const question of board.questions) {
      if (this.seen.has(question.id)) continue;
      this.seen.add(question.id);
      if (board.mine?.includes(question.id)) continue;
      const delay = voteDelay(randomFor(this.options.seed, 'vote', question.id));
      if (delay !== undefined) this.later(delay, () => void this.request('question:vote', { questionId: question.id, on: true }));
    }
  }

  private progressOf(activityId: string): Progress {
    let progress = this.progress.get(activityId);
    if (!progress) {
      const activity = this.options.catalog.get(activityId);
      const choice = activity ? choose(activity, randomFor(this.options.seed, activityId), this.options.typed) : { steps: [], hurry: 1 };
      progress = { choice, sent: 0, since: undefined };
      this.progress.set(activityId, progress);
    }
    return progress;
  }

  /** Sets the timer of the phone's next answer to the open question, if it has one to give. */
  private plan(): void {
    clearTimeout(this.answerTimer);
    this.answerTimer = undefined;
    const current = this.current;
    if (this.stopped || this.sending || this.paused || this.finished || !this.socket.connected || !current?.open) return;
    const progress = this.progressOf(current.id);
    const step = progress.choice.steps[progress.sent];
    if (!step) return;
    const now = Date.now();
    progress.since ??= now;
    let wait = Math.max(0, progress.since + step.afterMs - now);
    // A countdown is running on this question: the phone hurries.
    if (this.countdown?.activityId === current.id) wait = Math.min(wait, Math.max(0, (this.countdown.at - now) * progress.choice.hurry));
    this.answerTimer = setTimeout(() => void this.send(current.id, step.value), wait);
  }

  private async send(activityId: string, value: AnswerValue): Promise<void> {
    this.sending = true;
    const reply = await this.request('answer:submit', { activityId, value });
    this.sending = false;
    if (this.stopped) return;
    const progress = this.progressOf(activityId);
    if (reply?.ok) {
      progress.sent += 1;
      progress.since = Date.now();
    } else if (!reply || reply.error === 'RATE_LIMITED' || reply.error === 'STORAGE') {
      // No reply, or the kit asked to wait: send again shortly, as the phone page does.
      return this.later(RETRY_MS, () => this.plan());
    } else if (this.current?.id === activityId) {
      // Refused (closed meanwhile): wait for the kit to say it is open again.
      this.current.open = false;
    }
    this.plan();
  }

  private async request<E extends 'answer:submit' | 'question:ask' | 'question:vote'>(event: E, payload: Parameters<ClientToServer[E]>[0]): Promise<Ack<Record<string, unknown>> | undefined> {
    if (!this.socket.connected) return undefined;
    try {
      const timed = this.socket.timeout(ACK_TIMEOUT_MS);
      return await (timed.emitWithAck as (event: E, payload: Parameters<ClientToServer[E]>[0]) => Promise<Ack<Record<string, unknown>>>).call(timed, event, payload);
    } catch {
      return undefined;
    }
  }

  private later(ms: number, run: () => void): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.stopped) run();
    }, ms);
    this.timers.add(timer);
  }
}
