/**
 * One workshop's live room when several kit processes share Redis: the same rules (the core),
 * with the ballots, counts and activity states in Redis (ballots.ts), so every process sees
 * every answer. Each process sends the presenter the tallies of the answers it took, at most
 * every HOST_INTERVAL_MS, and claims each before sending (sent-once.ts), so the presenter gets
 * each tally once whichever process sends it, and no process waits for another: when one dies,
 * the others go on sending theirs. Knows no socket (RoomOutput, as local/room.ts).
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

/** The presenter gets a process's tallies at most this often. */
const HOST_INTERVAL_MS = 100;
/** A process tells the others that answers came at most this often (one message for every answer between). */
const ANNOUNCE_MS = 250;
/**
 * After another process said answers came, this one looks at the current activity's tally
 * every LOOK_MS for LOOK_FOR_MS, and sends it if it moved: a process that died between storing
 * answers and sending their tally leaves it behind (its phones' next answers come here).
 */
const LOOK_MS = 1000;
const LOOK_FOR_MS = 5000;

type ActivityState = { status: ActivityStatus; revealed: boolean; total: number; tally: ReturnType<typeof tallyFromFields> };

/** An activity's state and counts from its two hashes in Redis (ballots.ts). */
function activityState(activity: Activity, stored: Record<string, string>, fields: Record<string, string>): ActivityState {
  return {
    status: (stored['status'] as ActivityStatus | undefined) ?? 'ready',
    revealed: stored['revealed'] === '1',
    total: Number(fields['total'] ?? 0),
    tally: tallyFromFields(activity, fields),
  };
}

export class RedisRoom implements LiveRoom {
  readonly record: WorkshopRecord;
  private readonly ballots: RedisBallots;
  private output: RoomOutput | undefined;
  private readonly dirty = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  /** Whether this process stored answers since it last told the others. */
  private unannounced = false;
  /** What the screens were last sent, by any process: each change reaches them once (sent-once.ts). */
  private readonly sent: SentOnce;
  private announceTimer: NodeJS.Timeout | undefined;
  private lookTimer: NodeJS.Timeout | undefined;
  /** Until when this process looks at the current activity (another process's answers came until shortly before). */
  private lookUntil = 0;
  /** This process on the change channel (it does not look after its own answers). */
  private readonly id = randomBytes(8).toString('hex');
  private readonly keys: { current: string; times: string; changes: string };

  constructor(private readonly options: RedisRoomOptions) {
    this.record = options.record;
    this.ballots = new RedisBallots(options.redis);
    this.sent = new SentOnce(options.redis, this.record.id);
    const base = `kit:${this.record.id}`;
    this.keys = { current: currentKey(this.record.id), times: timesKey(this.record.id), changes: `${base}:changes` };
  }

  /** Connects the room to its broadcast channels. */
  attach(output: RoomOutput): void {
    this.output = output;
  }

  /** Listens for the other processes' answers. */
  async start(): Promise<void> {
    await this.options.subscriber.subscribe(this.keys.changes, (from) => {
      if (from !== this.id) this.lookSoon();
    });
  }

  /** Looks at the current activity within LOOK_MS, and every LOOK_MS for LOOK_FOR_MS from now. */
  private lookSoon(): void {
    this.lookUntil = Date.now() + LOOK_FOR_MS;
    this.lookTimer ??= setTimeout(() => void this.look(), LOOK_MS);
  }

  private async look(): Promise<void> {
    this.lookTimer = undefined;
    const current = await this.options.redis.get(this.keys.current).catch(() => null);
    if (current) this.changed(current);
    if (Date.now() < this.lookUntil) this.lookTimer = setTimeout(() => void this.look(), LOOK_MS);
  }

  private changed(activityId: string): void {
    this.dirty.add(activityId);
    this.timer ??= setTimeout(() => void this.flush(), HOST_INTERVAL_MS);
  }

  /**
   * Sends what moved: for each activity that changed, what was sent last is read before its
   * state (a command or another process sent meanwhile makes this read stale, and it is read
   * again), every activity's reads together in one round trip to Redis.
   */
  private async flush(): Promise<void> {
    this.timer = undefined;
    const ids = [...this.dirty].filter((id) => this.options.catalog.has(id));
    this.dirty.clear();
    const current = this.options.redis.get(this.keys.current).catch(() => null);
    const read = ids.map((id) => {
      const before = this.sent.last(id).catch(() => undefined);
      const snap = this.snapshot(id).catch(() => undefined);
      return Promise.all([before, snap]);
    });
    const [now, ...reads] = await Promise.all([current, ...read]);
    const claims = await Promise.all(
      reads.map(async ([before, snap], i) => ({ id: ids[i] as string, snap, claim: before !== undefined && snap ? await this.sent.claim(ids[i] as string, snap, before) : ('sent' as const) })),
    );
    for (const { id, snap, claim } of claims) {
      if (claim === 'stale') this.changed(id);
      if (!snap || claim !== 'send') continue;
      this.output?.toHosts('activity:snapshot', snap);
      // Phones see counts only once revealed ("4 so far", then the results).
      if (id === now && snap.revealed) this.output?.toAttendees('activity:snapshot', snap);
    }
    // The learning figures move only with a round's counts: read when one of them was sent.
    if (claims.some(({ id, claim }) => claim === 'send' && this.options.catalog.get(id)?.round !== undefined)) await this.sendLearning(false);
  }

  /**
   * The learning figures, unless the screens have them. `afterWrite`: a command's, read after
   * its own write; otherwise a flush's, which reads what was sent before the figures (and
   * reads again, once, when another process sent newer ones meanwhile).
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
   * Answers came: this process sends their tally, and tells the others once for every answer
   * of the next ANNOUNCE_MS (they look after it, should this process die before sending it).
   */
  private announce(activityId: string): void {
    this.changed(activityId);
    this.unannounced = true;
    this.announceTimer ??= setTimeout(() => this.announceNow(), ANNOUNCE_MS);
  }

  private announceNow(): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = undefined;
    if (this.unannounced) void this.options.redis.publish(this.keys.changes, this.id).catch(() => undefined);
    this.unannounced = false;
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
      // An answer sent again (its first try's ack lost, maybe with a process that died before
      // sending its tally): the tally is looked at, and sent if it moved.
      else if (result === 'same') this.changed(activityId);
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

  private async state(activity: Activity): Promise<ActivityState> {
    const [stored, fields] = await Promise.all([this.options.redis.hGetAll(activityKeys(this.record.id, activity.id).state), this.ballots.tally(this.record.id, activity.id)]);
    return activityState(activity, stored, fields);
  }

  async snapshot(activityId: string): Promise<Snapshot | undefined> {
    const activity = this.options.catalog.get(activityId);
    return activity ? snapshotOf(activity, await this.state(activity), this.options.thresholds) : undefined;
  }

  async attendeeState(phone: string | undefined): Promise<RoomState> {
    const state = await this.roomState('attendee');
    if (state.current && phone) {
      const id = state.current.activity.id;
      state.mine = ((await this.ballots.ballot(this.record.id, id, this.voter(phone, id))) as AnswerValue | undefined) ?? null;
    }
    return state;
  }

  /** A phone's key for its ballot in an activity (privacy/keys.ts). */
  voter(phone: string, activityId: string): string {
    return ballotKey(this.record.salt, phone, activityId);
  }

  /**
   * The room state phones are sent, from what Redis holds (redis-greeting.ts reads it in one
   * script): the current activity's id, its state and counts. Each phone's own answer is added
   * to a copy (mineFrom).
   */
  attendeeStateFrom(currentId: string | null, stored: Record<string, string>, fields: Record<string, string>): RoomState {
    const activity = currentId ? this.options.catalog.get(currentId) : undefined;
    const state: RoomState = { code: this.record.code, role: 'attendee', current: null };
    if (activity) state.current = { activity: activityView(activity), snapshot: snapshotOf(activity, activityState(activity, stored, fields), this.options.thresholds) };
    return state;
  }

  /** A phone's answer from its ballot as stored (null: none). */
  mineFrom(ballot: string | null): AnswerValue | null {
    return ballot ? ((JSON.parse(ballot) as { v: AnswerValue }).v ?? null) : null;
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
    const rounds = [...this.options.catalog.values()].filter((a) => a.round !== undefined);
    // Every round's counts read together: one round trip to Redis.
    const states = await Promise.all(rounds.map((a) => this.state(a)));
    const counts = new Map(rounds.map((a, i) => {
      const s = states[i] as ActivityState;
      return [a.id, { total: s.total, counts: s.tally.counts, open: s.status === 'open' }];
    }));
    return learningGain([...this.options.catalog.values()], (id) => counts.get(id) ?? { total: 0, counts: [] }, (a) => thresholdOf(a, this.options.thresholds));
  }

  stop(): void {
    this.announceNow();
    clearTimeout(this.timer);
    clearTimeout(this.lookTimer);
  }
}
