/**
 * One workshop's live room, on one process with its data folder: its state, the rules (the core), durable writes (the
 * writer) and coalesced broadcasts. It knows no socket: it talks to the outside
 * through `RoomOutput`, so it is tested without a network.
 */
import type { Activity } from '../content/content.ts';
import { learningGain, type Counts } from '../core/learning.ts';
import { activityState, apply, emptyWorkshop, evolve, snapshot, thresholdOf, type Command, type Thresholds, type WorkshopState } from '../core/workshop.ts';
import type { Ack, AnswerValue, LearningGain, RoomState, Snapshot } from '../protocol.ts';
import { ballotKey } from '../privacy/keys.ts';
import type { Store, WorkshopRecord } from '../store/store.ts';
import { activityView } from '../live/activity-view.ts';
import type { HostCommand, LiveRoom, RoomOutput } from '../live/live-workshop.ts';
import type { Writer } from './writer.ts';

export interface RoomOptions {
  record: WorkshopRecord;
  catalog: ReadonlyMap<string, Activity>;
  thresholds: Thresholds;
  store: Store;
  writer: Writer;
  clock: () => number;
  /** The attendees' link for the deck's QR code (known once the server listens). */
  joinUrl: (code: string) => string;
  /** Where question-box answers go: the Q&A queue, for the facilitator to moderate. */
  onQuestion?: (text: string, phone: string, activityId: string) => Promise<unknown>;
  /** A rehearsal (--rehearse): the deck and the console say so. */
  rehearsal?: boolean;
}

/** The presenter hears about new answers at most this often. */
const HOST_INTERVAL_MS = 100;
/** Phones hear about results at most this often, plus 1 ms per 20 phones: big rooms get fewer, larger updates. */
const ATTENDEE_INTERVAL_MS = 150;

export class Room implements LiveRoom {
  readonly record: WorkshopRecord;
  private state: WorkshopState = emptyWorkshop();
  /** The store failed and could not be read back: nothing is shown or taken until it can. */
  private broken = false;
  private output: RoomOutput | undefined;
  private readonly hostDirty = new Set<string>();
  private attendeeDirty = false;
  private hostTimer: NodeJS.Timeout | undefined;
  private attendeeTimer: NodeJS.Timeout | undefined;
  /** What the phones last saw of the current activity, to skip sends that change nothing for them. */
  private attendeeSeen = '';
  /** What the decks last saw of each activity, and of the learning figures: each change reaches them once. */
  private readonly hostSeen = new Map<string, string>();
  private learningSeen = '';

  constructor(private readonly options: RoomOptions) {
    this.record = options.record;
    this.reload();
  }

  /** Connects the room to its broadcast channels. */
  attach(output: RoomOutput): void {
    this.output = output;
  }

  /** Rebuilds the state from the store: on start, and after a failed write. */
  private reload(): void {
    const stored = this.options.store.loadRoom(this.record.id);
    const state = emptyWorkshop();
    const { catalog } = this.options;
    evolve(state, catalog, { type: 'current', activityId: stored.current && catalog.has(stored.current) ? stored.current : null, at: 0 });
    for (const a of stored.activities) evolve(state, catalog, { type: 'activity', ...a, at: 0 });
    for (const b of stored.ballots) evolve(state, catalog, { type: 'ballot', ...b, at: 0 });
    this.state = state;
  }

  /** An attendee's answer: acknowledged only once it is stored. `phone` is the phone's key (privacy/keys.ts). */
  async submit(phone: string, activityId: string, value: unknown): Promise<Ack<{ value: AnswerValue }>> {
    const voter = ballotKey(this.record.salt, phone, activityId);
    const result = await this.run({ type: 'answer', activityId, voter, value, at: this.options.clock() });
    if (!result.ok) return result;
    const stored = this.ballot(activityId, phone);
    if (stored === undefined) return { ok: false, error: 'STORAGE' };
    if (result.changed && typeof stored === 'string' && this.options.catalog.get(activityId)?.kind === 'text') await this.options.onQuestion?.(stored, phone, activityId);
    return { ok: true, value: stored };
  }

  /** A facilitator's command. */
  async command(type: HostCommand, activityId = ''): Promise<Ack> {
    const command = (type === 'idle' ? { type, at: this.options.clock() } : { type, activityId, at: this.options.clock() }) as Command;
    const result = await this.run(command);
    return result.ok ? { ok: true } : result;
  }

  private async run(command: Command): Promise<Ack<{ changed?: boolean }>> {
    if (this.broken && !this.recover()) return { ok: false, error: 'STORAGE' };
    const currentBefore = this.state.current;
    const decision = apply(this.state, this.options.catalog, command);
    if (!decision.ok) return decision;
    if (decision.events.length === 0) return { ok: true };
    try {
      await this.options.writer.write(this.record.id, decision.events);
    } catch {
      // Nothing was stored: forget what was applied in memory, so no one sees an unstored answer.
      this.recover();
      return { ok: false, error: 'STORAGE' };
    }
    // A facilitator's command is rare and the room is waiting for it: phones hear at once.
    const urgent = command.type !== 'answer';
    // The room's state goes first and carries the snapshots: the flushes below skip what it showed.
    if (this.state.current !== currentBefore) this.announceCurrent();
    else if (command.type === 'reset' && command.activityId === this.state.current) {
      // Every ballot is gone: phones drop the answer they show (`mine: null` for all).
      const attendee = { ...this.roomState('attendee'), mine: null };
      this.attendeeSeen = this.attendeeKey(attendee.current?.snapshot);
      this.output?.toAttendees('room:state', attendee);
    }
    for (const e of decision.events) if (e.activityId) this.markDirty(e.activityId, urgent);
    return { ok: true, changed: true };
  }

  /**
   * Rebuilds the state from the store after a failed write. When the store cannot even be
   * read, the room shows nothing (rather than answers that were never stored) and refuses
   * every command until the store answers again.
   */
  private recover(): boolean {
    try {
      this.reload();
      this.broken = false;
    } catch {
      this.state = emptyWorkshop();
      this.broken = true;
    }
    return !this.broken;
  }

  /** This phone's stored answer to an activity. */
  ballot(activityId: string, phone: string): AnswerValue | undefined {
    const activity = this.options.catalog.get(activityId);
    return activity ? activityState(this.state, activity).ballots.get(ballotKey(this.record.salt, phone, activityId)) : undefined;
  }

  snapshot(activityId: string): Snapshot | undefined {
    const activity = this.options.catalog.get(activityId);
    return activity ? snapshot(this.state, activity, this.options.thresholds) : undefined;
  }

  /** The view a phone gets on connect. */
  attendeeState(phone: string | undefined): RoomState {
    const state = this.roomState('attendee');
    if (state.current && phone) state.mine = this.ballot(state.current.activity.id, phone) ?? null;
    return state;
  }

  /** The view the deck gets on connect: every activity's counts and the join link. */
  hostState(): RoomState {
    const state = this.roomState('host');
    state.joinUrl = this.options.joinUrl(this.record.code);
    if (this.options.rehearsal) state.rehearsal = true;
    state.activities = [...this.options.catalog.values()].map(activityView);
    state.snapshots = [...this.options.catalog.keys()].map((id) => this.snapshot(id)).filter((s): s is Snapshot => s !== undefined);
    return state;
  }

  private roomState(role: RoomState['role']): RoomState {
    const id = this.state.current;
    const activity = id ? this.options.catalog.get(id) : undefined;
    const snap = id ? this.snapshot(id) : undefined;
    return { code: this.record.code, role, current: activity && snap ? { activity: activityView(activity), snapshot: snap } : null };
  }

  private announceCurrent(): void {
    const attendee = this.roomState('attendee');
    this.attendeeSeen = this.attendeeKey(attendee.current?.snapshot);
    this.output?.toAttendees('room:state', attendee);
    const host = this.hostState();
    for (const snap of host.snapshots ?? []) this.hostSeen.set(snap.activityId, JSON.stringify(snap));
    this.output?.toHosts('room:state', host);
  }

  /** Schedules the snapshots; `urgent` (a facilitator's command) sends them now. */
  private markDirty(activityId: string, urgent: boolean): void {
    this.hostDirty.add(activityId);
    if (urgent) {
      clearTimeout(this.hostTimer);
      this.flushHosts();
    } else this.hostTimer ??= setTimeout(() => this.flushHosts(), HOST_INTERVAL_MS);
    if (activityId !== this.state.current) return;
    this.attendeeDirty = true;
    if (urgent) {
      clearTimeout(this.attendeeTimer);
      this.flushAttendees();
      return;
    }
    const interval = ATTENDEE_INTERVAL_MS + Math.floor((this.output?.attendeeCount() ?? 0) / 20);
    this.attendeeTimer ??= setTimeout(() => this.flushAttendees(), interval);
  }

  private flushHosts(): void {
    this.hostTimer = undefined;
    let checks = false;
    for (const id of this.hostDirty) {
      checks ||= this.options.catalog.get(id)?.round !== undefined;
      const snap = this.snapshot(id);
      const seen = JSON.stringify(snap);
      if (!snap || this.hostSeen.get(id) === seen) continue;
      this.hostSeen.set(id, seen);
      this.output?.toHosts('activity:snapshot', snap);
    }
    this.hostDirty.clear();
    if (!checks) return;
    const gain = this.learning();
    const seen = JSON.stringify(gain);
    if (seen === this.learningSeen) return;
    this.learningSeen = seen;
    this.output?.toHosts('learning:update', gain);
  }

  /** An activity's counts (every ballot, whatever has been revealed): for the learning gain and the report. */
  counts(activityId: string): Counts {
    const activity = this.options.catalog.get(activityId);
    if (!activity) return { total: 0, counts: [] };
    const current = activityState(this.state, activity);
    return { total: current.ballots.size, counts: current.tally.counts };
  }

  /** Knowledge checks before and after, each round under its threshold; a round still open shows nothing (core/learning.ts). */
  learning(): LearningGain {
    const open = (id: string): boolean => this.state.activities.get(id)?.status === 'open';
    return learningGain([...this.options.catalog.values()], (id) => ({ ...this.counts(id), open: open(id) }), (a) => thresholdOf(a, this.options.thresholds));
  }

  private flushAttendees(): void {
    this.attendeeTimer = undefined;
    if (!this.attendeeDirty || !this.state.current) return;
    this.attendeeDirty = false;
    const snap = this.snapshot(this.state.current);
    const key = this.attendeeKey(snap);
    // Phones show no counts until results are revealed, so most answers change nothing for them.
    if (!snap || key === this.attendeeSeen) return;
    this.attendeeSeen = key;
    this.output?.toAttendees('activity:snapshot', snap);
  }

  private attendeeKey(snap: Snapshot | undefined): string {
    if (!snap) return '';
    // Before the reveal a phone shows no count; after it, the count is on screen, even
    // under the threshold ("(4 so far)"), so a new total is news for the phones.
    const { total, ...seen } = snap;
    return JSON.stringify(snap.revealed ? snap : seen);
  }

  /** Stops the timers (the server is closing). */
  stop(): void {
    clearTimeout(this.hostTimer);
    clearTimeout(this.attendeeTimer);
  }
}
