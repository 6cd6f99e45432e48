/**
 * One workshop's live room when several kit processes share Redis: the same rules (the core),
 * with the ballots, counts and activity states in Redis (ballots.ts), so every process sees
 * every answer. Snapshots are coalesced across processes: each process announces changes on
 * a Redis channel, and only the workshop's current leader (a lease in Redis) sends snapshots,
 * so the presenter gets each once. Knows no socket (RoomOutput, as local/room.ts).
 */
import { randomBytes } from 'node:crypto';
import type { RedisClientType } from 'redis';
import type { Activity } from '../content/content.ts';
import { normaliseAnswer } from '../core/answers.ts';
import { learningGain } from '../core/learning.ts';
import { tallyFields, tallyFromFields } from '../core/tally-fields.ts';
import { decide, emptyWorkshop, snapshotOf, thresholdOf, type Command, type Thresholds } from '../core/workshop.ts';
import { ballotKey } from '../privacy/keys.ts';
import type { Ack, ActivityStatus, AnswerValue, LearningGain, RoomState, Snapshot } from '../protocol.ts';
import { activityView } from '../live/activity-view.ts';
import type { HostCommand, LiveRoom, RoomOutput } from '../live/live-workshop.ts';
import type { WorkshopRecord } from '../store/store.ts';
import { activityKeys, RedisBallots } from './ballots.ts';

export interface RedisRoomOptions {
  record: WorkshopRecord;
  catalog: ReadonlyMap<string, Activity>;
  thresholds: Thresholds;
  redis: RedisClientType;
  /** A second connection, for the change channel (a subscribed connection can do nothing else). */
  subscriber: RedisClientType;
  clock: () => number;
  joinUrl: (code: string) => string;
  /** Where question-box answers go: the Q&A queue, for the facilitator to moderate. */
  onQuestion?: (text: string, phone: string, activityId: string) => Promise<unknown>;
}

/** The activity the phones show. */
export const currentKey = (workshopId: string): string => `kit:${workshopId}:current`;
/** When the facilitator first and last opened, locked or revealed something (for the report). */
export const timesKey = (workshopId: string): string => `kit:${workshopId}:times`;

const HOST_INTERVAL_MS = 100;
const LEASE_MS = 3000;
/** Changes are announced to the other processes at most this often. */
const ANNOUNCE_MS = 50;
/** Extends the lease, only if this process still holds it (in one step: it may have run out meanwhile). */
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;
/** Gives the lease back, only if this process still holds it. */
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

export class RedisRoom implements LiveRoom {
  readonly record: WorkshopRecord;
  private readonly ballots: RedisBallots;
  private output: RoomOutput | undefined;
  private readonly dirty = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private leaseTimer: NodeJS.Timeout | undefined;
  private leader = false;
  private readonly unannounced = new Set<string>();
  /** What this leader last sent of each activity, so a look that finds nothing new sends nothing. */
  private readonly sent = new Map<string, string>();
  private announceTimer: NodeJS.Timeout | undefined;
  private readonly id = randomBytes(8).toString('hex');
  private readonly keys: { current: string; times: string; lease: string; changes: string };

  constructor(private readonly options: RedisRoomOptions) {
    this.record = options.record;
    this.ballots = new RedisBallots(options.redis);
    const base = `kit:${this.record.id}`;
    this.keys = { current: currentKey(this.record.id), times: timesKey(this.record.id), lease: `${base}:leader`, changes: `${base}:changes` };
  }

  /** Connects the room to its broadcast channels. */
  attach(output: RoomOutput): void {
    this.output = output;
  }

  /** Listens for other processes' changes and starts taking part in the lease. */
  async start(): Promise<void> {
    await this.options.subscriber.subscribe(this.keys.changes, (activityId) => this.changed(activityId));
    await this.renewLease();
    this.leaseTimer = setInterval(() => void this.renewLease(), LEASE_MS / 3);
  }

  /** Takes or keeps the lease; a process that newly leads sends every snapshot once. */
  private async renewLease(): Promise<void> {
    const { redis } = this.options;
    try {
      const took = (await redis.set(this.keys.lease, this.id, { NX: true, PX: LEASE_MS })) === 'OK';
      const leads = took || (await redis.eval(RENEW, { keys: [this.keys.lease], arguments: [this.id, String(LEASE_MS)] })) === 1;
      const newly = leads && !this.leader;
      this.leader = leads;
      if (newly) {
        this.sent.clear();
        for (const id of this.options.catalog.keys()) this.changed(id);
      } else if (leads) {
        // A process that died between storing answers and announcing them leaves the current
        // activity's tally behind: the leader looks again every renewal, and sends it if it moved.
        const current = await redis.get(this.keys.current);
        if (current) this.changed(current);
      }
    } catch {
      this.leader = false;
    }
  }

  private changed(activityId: string): void {
    if (!this.leader) return;
    this.dirty.add(activityId);
    this.timer ??= setTimeout(() => void this.flush(), HOST_INTERVAL_MS);
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    const ids = [...this.dirty];
    this.dirty.clear();
    const current = await this.options.redis.get(this.keys.current).catch(() => null);
    for (const id of ids) {
      const snap = await this.snapshot(id).catch(() => undefined);
      const seen = JSON.stringify(snap);
      if (!snap || this.sent.get(id) === seen) continue;
      this.sent.set(id, seen);
      this.output?.toHosts('activity:snapshot', snap);
      // Phones see counts only once revealed ("4 so far", then the results).
      if (id === current && snap.revealed) this.output?.toAttendees('activity:snapshot', snap);
    }
    if (ids.some((id) => this.options.catalog.get(id)?.round !== undefined)) {
      const gain = await this.learning().catch(() => undefined);
      if (gain) this.output?.toHosts('learning:update', gain);
    }
  }

  /**
   * Tells the leading process an activity changed: at once when this process leads, and on
   * the channel together with the other changes of the next ANNOUNCE_MS (one message per
   * activity, not one per answer: 10,000 answers are a few dozen messages).
   */
  private announce(activityId: string): void {
    this.changed(activityId);
    this.unannounced.add(activityId);
    this.announceTimer ??= setTimeout(() => this.announceNow(), ANNOUNCE_MS);
  }

  private announceNow(): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = undefined;
    for (const id of this.unannounced) void this.options.redis.publish(this.keys.changes, id).catch(() => undefined);
    this.unannounced.clear();
  }

  /** An attendee's answer: acknowledged only once Redis stored it. */
  async submit(phone: string, activityId: string, raw: unknown): Promise<Ack<{ value: AnswerValue }>> {
    const activity = this.options.catalog.get(activityId);
    if (!activity) return { ok: false, error: 'UNKNOWN_ACTIVITY' };
    const value = normaliseAnswer(activity, raw);
    if (value === undefined) return { ok: false, error: 'BAD_ANSWER' };
    const voter = ballotKey(this.record.salt, phone, activityId);
    try {
      const result = await this.ballots.submit(this.record.id, activityId, voter, value, tallyFields(activity, value));
      if (result === 'NOT_OPEN') return { ok: false, error: 'NOT_OPEN' };
      if (result === 'stored') this.announce(activityId);
      if (result === 'stored' && typeof value === 'string' && activity.kind === 'text') await this.options.onQuestion?.(value, phone, activityId);
      return { ok: true, value };
    } catch {
      return { ok: false, error: 'STORAGE' };
    }
  }

  /** A facilitator's command, decided by the core on the state Redis holds now. */
  async command(type: HostCommand, activityId = ''): Promise<Ack> {
    const at = this.options.clock();
    const state = emptyWorkshop();
    state.current = (await this.options.redis.get(this.keys.current)) || null;
    const activity = this.options.catalog.get(activityId);
    if (activity) {
      const s = await this.state(activity);
      // The core asks of the ballots only whether there are any (to clear them): Redis keeps them.
      const ballots = new Map<string, AnswerValue>(s.total > 0 ? [['some', 0]] : []);
      state.activities.set(activity.id, { status: s.status, revealed: s.revealed, ballots, tally: s.tally });
    }
    const decision = decide(state, this.options.catalog, (type === 'idle' ? { type, at } : { type, activityId, at }) as Command);
    if (!decision.ok) return decision;
    try {
      if (decision.events.length > 0) {
        await this.options.redis.hSetNX(this.keys.times, 'startedAt', String(at));
        await this.options.redis.hSet(this.keys.times, 'lastCommandAt', String(at));
      }
      for (const e of decision.events) {
        if (e.type === 'current') await (e.activityId ? this.options.redis.set(this.keys.current, e.activityId) : this.options.redis.del(this.keys.current));
        if (e.type === 'activity') await this.ballots.setState(this.record.id, e.activityId, e.status, e.revealed);
        if (e.type === 'cleared') await this.ballots.clear(this.record.id, e.activityId);
      }
    } catch {
      return { ok: false, error: 'STORAGE' };
    }
    if (decision.events.some((e) => e.type === 'current')) {
      this.output?.toAttendees('room:state', await this.roomState('attendee'));
      this.output?.toHosts('room:state', await this.hostState());
    } else if (activity) {
      const snap = await this.snapshot(activity.id);
      if (snap) {
        this.output?.toHosts('activity:snapshot', snap);
        if (state.current === activity.id) this.output?.toAttendees('activity:snapshot', snap);
      }
      if (type === 'reset' && state.current === activity.id) this.output?.toAttendees('room:state', { ...(await this.roomState('attendee')), mine: null });
      // A round's learning figures appear once it is locked, and go once it reopens.
      if (activity.round !== undefined && decision.events.length > 0) this.output?.toHosts('learning:update', await this.learning());
    }
    return { ok: true };
  }

  private async state(activity: Activity): Promise<{ status: ActivityStatus; revealed: boolean; total: number; tally: ReturnType<typeof tallyFromFields> }> {
    const [stored, fields] = await Promise.all([this.options.redis.hGetAll(activityKeys(this.record.id, activity.id).state), this.ballots.tally(this.record.id, activity.id)]);
    return {
      status: (stored['status'] as ActivityStatus | undefined) ?? 'ready',
      revealed: stored['revealed'] === '1',
      total: Number(fields['total'] ?? 0),
      tally: tallyFromFields(activity, fields),
    };
  }

  async snapshot(activityId: string): Promise<Snapshot | undefined> {
    const activity = this.options.catalog.get(activityId);
    return activity ? snapshotOf(activity, await this.state(activity), this.options.thresholds) : undefined;
  }

  async attendeeState(phone: string | undefined): Promise<RoomState> {
    const state = await this.roomState('attendee');
    if (state.current && phone) {
      const id = state.current.activity.id;
      state.mine = ((await this.ballots.ballot(this.record.id, id, ballotKey(this.record.salt, phone, id))) as AnswerValue | undefined) ?? null;
    }
    return state;
  }

  async hostState(): Promise<RoomState> {
    const state = await this.roomState('host');
    state.joinUrl = this.options.joinUrl(this.record.code);
    state.activities = [...this.options.catalog.values()].map(activityView);
    state.snapshots = (await Promise.all([...this.options.catalog.keys()].map((id) => this.snapshot(id)))).filter((s): s is Snapshot => s !== undefined);
    return state;
  }

  private async roomState(role: RoomState['role']): Promise<RoomState> {
    const id = await this.options.redis.get(this.keys.current);
    const activity = id ? this.options.catalog.get(id) : undefined;
    const snap = activity ? await this.snapshot(activity.id) : undefined;
    return { code: this.record.code, role, current: activity && snap ? { activity: activityView(activity), snapshot: snap } : null };
  }

  async learning(): Promise<LearningGain> {
    const counts = new Map<string, { total: number; counts: number[]; open: boolean }>();
    for (const a of this.options.catalog.values()) {
      if (a.round === undefined) continue;
      const s = await this.state(a);
      counts.set(a.id, { total: s.total, counts: s.tally.counts, open: s.status === 'open' });
    }
    return learningGain([...this.options.catalog.values()], (id) => counts.get(id) ?? { total: 0, counts: [] }, (a) => thresholdOf(a, this.options.thresholds));
  }

  stop(): void {
    this.announceNow();
    clearTimeout(this.timer);
    clearInterval(this.leaseTimer);
    // Another process takes over the snapshots at once rather than when the lease runs out.
    if (this.leader) void this.options.redis.eval(RELEASE, { keys: [this.keys.lease], arguments: [this.id] }).catch(() => undefined);
    this.leader = false;
  }
}
