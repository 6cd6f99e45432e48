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
import { decide, emptyWorkshop, snapshotOf, thresholdOf, type Command, type Decision, type Event, type Thresholds } from '../core/workshop.ts';
import { ballotKey } from '../privacy/keys.ts';
import type { Ack, ActivityStatus, AnswerValue, LearningGain, RoomState, Snapshot } from '../protocol.ts';
import { activityView } from '../live/activity-view.ts';
import type { HostCommand, LiveRoom, RoomOutput } from '../live/live-workshop.ts';
import type { WorkshopRecord } from '../store/store.ts';
import { activityKeys, RedisBallots } from './ballots.ts';
import { SentOnce } from './sent-once.ts';
import { DEFAULT_REDIS_WAIT_MS, waitForRedis } from './wait-for-redis.ts';

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
  /** How long an answer or a command waits for Redis when it is away, before STORAGE (--redis-wait). */
  waitMs?: number;
}

/** The activity the phones show. */
export const currentKey = (workshopId: string): string => `kit:${workshopId}:current`;
/** When the facilitator first and last opened, locked or revealed something (for the report). */
export const timesKey = (workshopId: string): string => `kit:${workshopId}:times`;

const HOST_INTERVAL_MS = 100;
/**
 * The leader's lease, renewed every quarter of it: when the leader dies, another process takes
 * over the tallies within a lease and a renewal (under a second), not the three seconds of old.
 */
const LEASE_MS = 750;
const RENEW_MS = LEASE_MS / 4;
/** The leader looks at the current activity's tally this often (every few renewals). */
const LOOK_EVERY = 4;
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
  private renewals = 0;
  private readonly unannounced = new Set<string>();
  /** What the screens were last sent, by any process: each change reaches them once (sent-once.ts). */
  private readonly sent: SentOnce;
  private announceTimer: NodeJS.Timeout | undefined;
  private readonly id = randomBytes(8).toString('hex');
  private readonly keys: { current: string; times: string; lease: string; changes: string };

  constructor(private readonly options: RedisRoomOptions) {
    this.record = options.record;
    this.ballots = new RedisBallots(options.redis);
    this.sent = new SentOnce(options.redis, this.record.id);
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
    this.leaseTimer = setInterval(() => void this.renewLease(), RENEW_MS);
  }

  /** Takes or keeps the lease; a process that newly leads sends every snapshot that moved since it was last sent. */
  private async renewLease(): Promise<void> {
    const { redis } = this.options;
    try {
      const took = (await redis.set(this.keys.lease, this.id, { NX: true, PX: LEASE_MS })) === 'OK';
      const leads = took || (await redis.eval(RENEW, { keys: [this.keys.lease], arguments: [this.id, String(LEASE_MS)] })) === 1;
      const newly = leads && !this.leader;
      this.leader = leads;
      if (newly) {
        // An activity never sent never changed: the screens had it in their greeting.
        for (const id of await this.sent.claimed()) if (this.options.catalog.has(id)) this.changed(id);
      } else if (leads && ++this.renewals % LOOK_EVERY === 0) {
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
      // What was sent is read before the state: a command sent meanwhile makes this read stale.
      const before = await this.sent.last(id).catch(() => undefined);
      const snap = before === undefined ? undefined : await this.snapshot(id).catch(() => undefined);
      const claim = snap ? await this.sent.claim(id, snap, before) : 'sent';
      if (claim === 'stale') this.changed(id);
      if (!snap || claim !== 'send') continue;
      this.output?.toHosts('activity:snapshot', snap);
      // Phones see counts only once revealed ("4 so far", then the results).
      if (id === current && snap.revealed) this.output?.toAttendees('activity:snapshot', snap);
    }
    if (ids.some((id) => this.options.catalog.get(id)?.round !== undefined)) await this.sendLearning(false);
  }

  /**
   * The learning figures, unless the screens have them. `afterWrite`: a command's, read after
   * its own write; otherwise the lease holder's, which reads what was sent before the figures
   * (and reads again, once, when a command sent newer ones meanwhile).
   */
  private async sendLearning(afterWrite: boolean, again = false): Promise<void> {
    const before = afterWrite ? undefined : await this.sent.last('learning').catch(() => null);
    const gain = before === null ? undefined : await this.learning().catch(() => undefined);
    if (!gain || before === null) return;
    const claim = await this.sent.claim('learning', gain, before);
    if (claim === 'stale' && !again) return this.sendLearning(false, true);
    if (claim === 'send') this.output?.toHosts('learning:update', gain);
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
      // Tried again while Redis is away: the script confirms an answer it already holds, so a
      // retry whose first try was stored (its reply lost) finds it 'same', and it counts once.
      const { result, again } = await this.untilStored(async (again) => ({ result: await this.ballots.submit(this.record.id, activityId, voter, value, tallyFields(activity, value)), again }));
      if (result === 'NOT_OPEN') return { ok: false, error: 'NOT_OPEN' };
      const stored = result === 'stored' || (again && result === 'same');
      if (stored) this.announce(activityId);
      if (stored && typeof value === 'string' && activity.kind === 'text') await this.options.onQuestion?.(value, phone, activityId);
      return { ok: true, value };
    } catch {
      return { ok: false, error: 'STORAGE' };
    }
  }

  /**
   * A facilitator's command, decided by the core on the state Redis holds now. While Redis is
   * away it waits (untilStored); it is decided once, and its writes set values (a key, a state,
   * a deletion), so writing them again after a lost reply changes nothing.
   */
  async command(type: HostCommand, activityId = ''): Promise<Ack> {
    const at = this.options.clock();
    const activity = this.options.catalog.get(activityId);
    let decided: { decision: Decision; current: string | null } | undefined;
    let written = false;
    try {
      return await this.untilStored(async () => {
        if (!decided) {
          const state = emptyWorkshop();
          state.current = (await this.options.redis.get(this.keys.current)) || null;
          if (activity) {
            const s = await this.state(activity);
            // The core asks of the ballots only whether there are any (to clear them): Redis keeps them.
            const ballots = new Map<string, AnswerValue>(s.total > 0 ? [['some', 0]] : []);
            state.activities.set(activity.id, { status: s.status, revealed: s.revealed, ballots, tally: s.tally });
          }
          decided = { decision: decide(state, this.options.catalog, (type === 'idle' ? { type, at } : { type, activityId, at }) as Command), current: state.current };
        }
        const { decision, current } = decided;
        if (!decision.ok) return decision;
        if (!written && decision.events.length > 0) {
          await this.options.redis.hSetNX(this.keys.times, 'startedAt', String(at));
          await this.options.redis.hSet(this.keys.times, 'lastCommandAt', String(at));
        }
        for (const e of written ? [] : decision.events) {
          if (e.type === 'current') await (e.activityId ? this.options.redis.set(this.keys.current, e.activityId) : this.options.redis.del(this.keys.current));
          if (e.type === 'activity') await this.ballots.setState(this.record.id, e.activityId, e.status, e.revealed);
          if (e.type === 'cleared') await this.ballots.clear(this.record.id, e.activityId);
        }
        written = true;
        await this.tell(type, activity, decision.events, current);
        return { ok: true };
      });
    } catch {
      return { ok: false, error: 'STORAGE' };
    }
  }

  /** Sends what a command changed (read again if Redis was away: sending twice is harmless). */
  private async tell(type: HostCommand, activity: Activity | undefined, events: Event[], current: string | null): Promise<void> {
    // Claimed before it is sent (sent-once.ts): the lease holder then does not send it again.
    const snap = activity ? await this.snapshot(activity.id) : undefined;
    const first = snap !== undefined && (await this.sent.claim(snap.activityId, snap)) === 'send';
    if (events.some((e) => e.type === 'current')) {
      // The room's state carries the snapshots: no activity:snapshot besides.
      this.output?.toAttendees('room:state', await this.roomState('attendee'));
      this.output?.toHosts('room:state', await this.hostState());
    } else if (activity && snap) {
      if (first) this.output?.toHosts('activity:snapshot', snap);
      // A reset tells the phones their answers are gone (`mine: null`), the snapshot in the room's state.
      if (type === 'reset' && current === activity.id) this.output?.toAttendees('room:state', { ...(await this.roomState('attendee')), mine: null });
      else if (first && current === activity.id) this.output?.toAttendees('activity:snapshot', snap);
    }
    // A round's learning figures appear once it is locked, and go once it reopens.
    if (activity?.round !== undefined && events.length > 0) await this.sendLearning(true);
  }

  /** Runs a write until Redis stored it, waiting for Redis while it is away (wait-for-redis.ts). */
  private untilStored<T>(attempt: (again: boolean) => Promise<T>): Promise<T> {
    return waitForRedis(this.options.redis, this.options.waitMs ?? DEFAULT_REDIS_WAIT_MS, attempt);
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
