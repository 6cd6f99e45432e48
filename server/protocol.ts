/**
 * The wire protocol between the kit's server, the deck and the phones, typed once and
 * imported by all three. No Node imports here: the phone bundle imports it too (types
 * and these few constants only; the runtime schemas live in server/wire/schemas.ts).
 * docs/protocol.md describes it for people; a test keeps the two in step.
 */

export const PROTOCOL_VERSION = 2;

/** The workshop's languages: English, and the others its content translates inline. */
export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Events a phone may send. */
export const ATTENDEE_EVENTS = { answerSubmit: 'answer:submit', questionAsk: 'question:ask', questionVote: 'question:vote' } as const;

/** Events only the facilitator (a connection that showed the host key) may send. */
export const HOST_EVENTS = {
  activityOpen: 'activity:open',
  activityLock: 'activity:lock',
  activityUnlock: 'activity:unlock',
  activityReveal: 'activity:reveal',
  activityHide: 'activity:hide',
  activityReset: 'activity:reset',
  roomIdle: 'room:idle',
  /** Blanks the projector and shows the phones a pause screen, or ends the pause. */
  roomPause: 'room:pause',
  questionModerate: 'question:moderate',
  /** A console asks the deck to move; the deck says where it is. */
  deckGo: 'deck:go',
  deckAt: 'deck:at',
  /** Closes the current activity after a short countdown, or shows when a break ends. */
  countdownSet: 'countdown:set',
} as const;

/** Events the server sends. */
export const SERVER_EVENTS = {
  /** The whole view on connect and whenever the current activity changes. */
  roomState: 'room:state',
  /** Counts and state of one activity, coalesced (at most one per activity per interval). */
  activitySnapshot: 'activity:snapshot',
  /** Whether the room is paused: to everyone, on connect and on change. */
  roomPaused: 'room:paused',
  /** Approved questions, for phones (with the phone's own votes on connect). */
  qaBoard: 'qa:board',
  /** Every question with its mark and status, for the facilitator. */
  qaQueue: 'qa:queue',
  /** Knowledge checks before and after (host only). */
  learning: 'learning:update',
  /** Where the deck is and the clock (host only); `deck:go` is relayed to the decks. */
  deckPosition: 'deck:position',
  deckGo: 'deck:go',
  /** Phones connected now and joined so far (decks and consoles). */
  roomCount: 'room:count',
  /** A running countdown, or none: to everyone, on connect and on change. */
  countdown: 'countdown:update',
  /** Whether the deck has reached the closing slide (phones), on connect and on change. */
  roomFinished: 'room:finished',
  /** Where the help page lasts after the workshop, by language (phones, on connect). */
  helpPage: 'help:page',
} as const;

export type HostEvent = (typeof HOST_EVENTS)[keyof typeof HOST_EVENTS];

/** Why a request was refused. Never exception text. */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'UNKNOWN_EVENT',
  'UNKNOWN_ACTIVITY',
  'NOT_OPEN',
  'BAD_ANSWER',
  'BAD_QUESTION',
  'UNKNOWN_QUESTION',
  'HIDDEN_UNTIL_AFTER',
  'NOT_HOST',
  'NOT_ATTENDEE',
  'RATE_LIMITED',
  'STORAGE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Errors of the handshake, sent as `connect_error` with `message` set to the code. */
export const HANDSHAKE_ERRORS = ['BAD_HANDSHAKE', 'UNKNOWN_WORKSHOP', 'BAD_HOST_KEY', 'FOREIGN_ORIGIN', 'HOST_KEY_LOCAL_ONLY', 'CONSOLE_NOT_PAIRED', 'RATE_LIMITED'] as const;
export type HandshakeError = (typeof HANDSHAKE_ERRORS)[number];

export type Ack<T = object> = ({ ok: true } & T) | { ok: false; error: ErrorCode };

/** What a phone sends in the socket.io handshake (`auth`). */
export interface AttendeeAuth {
  v: typeof PROTOCOL_VERSION;
  /** The workshop's join code; the server's default workshop when absent. */
  code?: string;
  /** A random token the phone keeps in localStorage; the server keeps only a salted hash. */
  device: string;
}

/** What the deck sends in the handshake to act as the facilitator. */
export interface HostAuth {
  v: typeof PROTOCOL_VERSION;
  code?: string;
  hostKey: string;
}

/**
 * What the facilitator's phone sends to open the console: a credential it made itself
 * (32+ random bytes, base64url), with the laptop's single-use pairing code the first time.
 * It opens the running workshop's console only: never a report, never another workshop.
 */
export interface ConsoleAuth {
  v: typeof PROTOCOL_VERSION;
  /** The pairing code shown on the laptop (8 characters), on the first connection only. */
  pair?: string;
  console: string;
}

export type ActivityKind = 'choice' | 'multi' | 'scale' | 'scenario' | 'words' | 'text';

/**
 * An answer: the chosen option's index (choice, scenario), several indexes (multi),
 * a number (scale) or a short text (words, text).
 */
export type AnswerValue = number | number[] | string;

export interface AnswerSubmit {
  activityId: string;
  value: AnswerValue;
}

export interface ActivityCommand {
  activityId: string;
}

/** An activity's words in another language; whatever is missing is shown in English. */
export interface ActivityWords {
  prompt: string;
  short?: string;
  title?: string;
  story?: string;
  options?: string[];
  labels?: [string, string];
}

/** An activity as phones and the deck show it. `answer` and `explanation` only once revealed. */
export interface ActivityView {
  id: string;
  kind: ActivityKind;
  prompt: string;
  /** A few words naming it in tables (knowledge checks and check-ins). */
  short?: string;
  /** Asked twice: the first round is never revealed (it would give the answer away). */
  round?: 'before' | 'after';
  title?: string;
  story?: string;
  options?: string[];
  min?: number;
  max?: number;
  labels?: [string, string];
  maxLength?: number;
  /** The same words in other languages, by language code (`es`): each phone shows its own. */
  translations?: Record<string, ActivityWords>;
}

export type ActivityStatus = 'ready' | 'open' | 'locked';

/** Counts, only when revealed and at least `threshold` attendees answered. */
export type Results =
  | { kind: 'options'; counts: number[] }
  | { kind: 'scale'; counts: number[]; mean: number }
  | { kind: 'words'; words: { text: string; count: number }[] };

export interface Snapshot {
  activityId: string;
  status: ActivityStatus;
  revealed: boolean;
  /** How many attendees answered. Always shown: it cannot single anyone out. */
  total: number;
  threshold: number;
  /** Null until revealed with enough answers (never for `text`). */
  results: Results | null;
  /** For scenarios and knowledge checks, once revealed. */
  answer?: number;
  /** Why, by language code (`en` always, `es` where written). */
  explanation?: Record<string, string>;
}

/** Sent on connect and when the current activity changes. */
export interface RoomState {
  code: string;
  role: 'host' | 'attendee';
  current: { activity: ActivityView; snapshot: Snapshot } | null;
  /** This device's answer to the current activity (attendees). */
  mine?: AnswerValue | null;
  /** The attendees' link, for the deck's QR code (host only). */
  joinUrl?: string;
  /** Every activity and its snapshot (host only), so the deck shows counts on any slide. */
  activities?: ActivityView[];
  snapshots?: Snapshot[];
  /**
   * The kit runs a rehearsal (`npm start -- --rehearse`): simulated phones, nothing kept
   * (host only). The deck and the console say REHEARSAL while it is there.
   */
  rehearsal?: true;
}

/** A question as the room sees it once approved. Never who asked, never when. */
export interface BoardQuestion {
  id: string;
  text: string;
  votes: number;
  answered: boolean;
}

/** Approved questions, most voted first, answered ones last. `mine`: this phone's votes (on connect). */
export interface QaBoard {
  questions: BoardQuestion[];
  mine?: string[];
}

/** A question as the facilitator moderates it. */
export interface QueuedQuestion extends BoardQuestion {
  status: 'waiting' | 'approved' | 'dismissed';
  /** The text looked personal (a name, a number, "my daughter"...): handle with care. */
  flagged: boolean;
}

export interface QaQueue {
  /** Waiting (oldest first), then the board's order, then dismissed. */
  questions: QueuedQuestion[];
}

export interface QuestionAsk {
  text: string;
}
export interface QuestionVote {
  questionId: string;
  on: boolean;
}
export interface QuestionModerate {
  questionId: string;
  action: 'approve' | 'dismiss' | 'answered' | 'unanswered';
}

/** One round of a knowledge check: percent correct, null under the threshold or while `open`. */
export interface LearningRound {
  total: number;
  percent: number | null;
  /** The round still takes answers: nothing of it is shown until it is locked. */
  open?: true;
}
/** One round of a check-in scale: its counts per point and mean, null under the threshold or while `open`. */
export interface ScaleRound {
  total: number;
  counts: number[] | null;
  mean: number | null;
  open?: true;
}
export interface LearningGain {
  /** By knowledge check (the id without `.before`/`.after`). */
  checks: { id: string; before: LearningRound; after: LearningRound }[];
  /** Percent correct over every check shown in that round. */
  overall: { before: number | null; after: number | null };
  scales: { id: string; before: ScaleRound; after: ScaleRound }[];
}

/** A slide, by its key (`file.slide`, as the deck's `data-key`). */
export interface DeckGo {
  to: 'next' | 'prev' | { slide: string };
}
/**
 * The plans a facilitator can present, smallest first: the 60-minute essentials, the
 * 90-minute town hall, and the full set. A slide belongs to the smallest plan that shows
 * it (`data-plan="90"`, `data-optional` for the full set only, no mark for every plan),
 * and to every larger plan.
 */
export const PLANS = ['60', '90', 'full'] as const;
export type PlanId = (typeof PLANS)[number];
/** The plan the deck shows when its link names none. */
export const DEFAULT_PLAN: PlanId = '90';

/** Whether `plan` shows a slide whose smallest plan is `slidePlan`. */
export function planShows(plan: PlanId, slidePlan: PlanId): boolean {
  return PLANS.indexOf(slidePlan) <= PLANS.indexOf(plan);
}

export interface DeckAt {
  slide: string;
  /** The plan the deck shows (from its link). */
  plan: PlanId;
}
/** Where the deck is, and the time spent so far (milliseconds, up to the moment it was sent). */
export interface DeckPosition {
  slide: string | null;
  plan: PlanId;
  /** Since the deck first left its first slide; 0 before. */
  elapsed: number;
  /** Time spent in each section (deck file), by its number. */
  spent: Record<string, number>;
}

export interface Paused {
  paused: boolean;
}

export interface ServerToClient {
  'room:state': (state: RoomState) => void;
  'activity:snapshot': (snapshot: Snapshot) => void;
  'room:paused': (paused: Paused) => void;
  'qa:board': (board: QaBoard) => void;
  'qa:queue': (queue: QaQueue) => void;
  'learning:update': (gain: LearningGain) => void;
  'deck:position': (position: DeckPosition) => void;
  'deck:go': (go: DeckGo) => void;
  'room:count': (count: RoomCount) => void;
  'countdown:update': (countdown: Countdown) => void;
  'room:finished': (finished: Finished) => void;
  'help:page': (page: HelpPage) => void;
}

/**
 * The help page at an address that still opens at home (`--help-url`, the region pack's
 * `help-url`, or the kit's /help at `--public-url`), by language code, for the phone's
 * "keep this page" link; `null` when there is none. The same for every phone: it holds
 * nothing of the person, and the phone adds nothing to it.
 */
export interface HelpPage {
  urls: Record<string, string> | null;
}

/** The deck has reached the closing slide: phones with no question say thank you. */
export interface Finished {
  finished: boolean;
}

/** How many phones are in the room: connected now, and joined since the workshop began. */
export interface RoomCount {
  connected: number;
  joined: number;
}

/** Seconds an activity can be given before it closes, and minutes a break can last. */
export const CLOSE_SECONDS = [30, 60] as const;
export const BREAK_MINUTES = [3, 5, 10] as const;

/** A facilitator's countdown: close an activity in a moment, a break on `slide`, or none. */
export type CountdownSet =
  | { kind: 'close'; activityId: string; seconds: (typeof CLOSE_SECONDS)[number] }
  | { kind: 'break'; slide: string; minutes: (typeof BREAK_MINUTES)[number] }
  | { kind: 'none' };

/** A countdown as clients see it: `endsIn` milliseconds from when it was sent (never a clock time: phones' clocks differ). */
export type Countdown = { kind: 'close'; activityId: string; endsIn: number } | { kind: 'break'; slide: string; endsIn: number } | { kind: 'none' };

export interface ClientToServer {
  'answer:submit': (payload: AnswerSubmit, ack: (result: Ack<{ value: AnswerValue }>) => void) => void;
  'activity:open': (payload: ActivityCommand, ack: (result: Ack) => void) => void;
  'activity:lock': (payload: ActivityCommand, ack: (result: Ack) => void) => void;
  'activity:unlock': (payload: ActivityCommand, ack: (result: Ack) => void) => void;
  'activity:reveal': (payload: ActivityCommand, ack: (result: Ack) => void) => void;
  'activity:hide': (payload: ActivityCommand, ack: (result: Ack) => void) => void;
  'activity:reset': (payload: ActivityCommand, ack: (result: Ack) => void) => void;
  'room:idle': (payload: Record<string, never>, ack: (result: Ack) => void) => void;
  'room:pause': (payload: Paused, ack: (result: Ack) => void) => void;
  'question:ask': (payload: QuestionAsk, ack: (result: Ack<{ flagged: boolean }>) => void) => void;
  'question:vote': (payload: QuestionVote, ack: (result: Ack<{ votes: number }>) => void) => void;
  'question:moderate': (payload: QuestionModerate, ack: (result: Ack) => void) => void;
  'deck:go': (payload: DeckGo, ack: (result: Ack) => void) => void;
  'deck:at': (payload: DeckAt, ack: (result: Ack) => void) => void;
  'countdown:set': (payload: CountdownSet, ack: (result: Ack) => void) => void;
}

// Content the server hands the pages at build time (virtual:help, virtual:outline, made by
// server/build/content-plugin.ts), not over the socket. Typed here so that a page imports
// these shapes without importing the content loader.

/** One resource as a page shows it, in one language, with the links that dial or text it. */
export interface HelpEntry {
  /** The resource's `id` in resources.yaml, when it has one: how a page picks a line (the phone's "looks personal" card). */
  id?: string;
  name: string;
  phones: { number: string; label?: string; href: string }[];
  text?: { number: string; word?: string; href: string };
  web?: string;
  hours?: string;
  languages?: string[];
  note?: string;
}

/** A group of resources.yaml (the phone's "Get help" list shows one per heading). */
export interface HelpGroup {
  title: string;
  entries: HelpEntry[];
}

/** One slide as the console shows it. */
export interface OutlineSlide {
  key: string;
  title: string;
  /** The speaker notes, as written (Markdown). */
  notes: string;
  /** Planned minutes from the notes' time line; 0 when it has none. */
  minutes: number;
  /** The smallest plan that shows it (PLANS). */
  plan: PlanId;
  activityId?: string;
  /** The break (`data-break`): the console offers "back at" a time. */
  break?: true;
  /** The closing slide (`data-closing`): from here on the phones say thank you. */
  closing?: true;
}

/** One deck file's slides, as the console shows them. */
export interface OutlineSection {
  /** The section's number: the first part of its slides' keys. */
  id: string;
  title: string;
  slides: OutlineSlide[];
}
