/**
 * What a phone keeps, and for how long (issue 18: nothing to find on a phone).
 *
 * - Lasting storage (localStorage) holds one random token per workshop, `device:CODE`, so a
 *   phone that closes the tab and comes back is still one phone and is counted once. The
 *   token means nothing alone (the server keeps only a salted hash of it) and says nothing
 *   about another workshop. No answer and no typed text is ever kept there.
 * - The tab's own storage (sessionStorage) holds this phone's answers in the running
 *   workshop, so a reload shows them and sends again any not yet acknowledged. It ends with
 *   the tab, with the workshop, or with the quick exit.
 */
import type { AnswerValue } from '../../server/protocol.ts';
import { safeStorage } from '../i18n.ts';

const DEVICE = 'device:';
const ANSWERS = 'answers:';

/** sessionStorage, or undefined where the browser refuses it. */
export function tabStorage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

/** Set by the quick exit: from then on nothing is written, not even by a late acknowledgement. */
let leaving = false;

/** Forgets everything the kit kept on this phone, in both storages, and writes nothing more. */
export function forgetEverything(): void {
  leaving = true;
  for (const storage of [safeStorage(), tabStorage()]) {
    try {
      storage?.clear();
    } catch {
      // Storage refused: there is nothing kept to clear.
    }
  }
}

function write(storage: Storage | undefined, key: string, value: string): void {
  if (leaving) return;
  try {
    storage?.setItem(key, value);
  } catch {
    // Storage full or refused: the page still works; only a reload could lose something.
  }
}

function keysOf(storage: Storage | undefined, prefix: string): string[] {
  const keys: string[] = [];
  for (let i = 0; i < (storage?.length ?? 0); i++) {
    const key = storage?.key(i);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  return keys;
}

function removeAll(storage: Storage | undefined, keys: string[]): void {
  for (const key of keys) storage?.removeItem(key);
}

/**
 * Removes what earlier versions kept in lasting storage: one token for every workshop
 * (`device`) and the answers in plain text (`answers:CODE`), free text included.
 */
export function cleanEarlierVersions(storage = safeStorage()): void {
  try {
    removeAll(storage, ['device', ...keysOf(storage, ANSWERS)]);
  } catch {
    // Storage refused: nothing was kept.
  }
}

/**
 * A random token from crypto.getRandomValues (phones usually reach the kit over plain
 * HTTP on a LAN address, which is not a secure context, so crypto.randomUUID is missing).
 */
function newToken(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The token a phone connects with, and the workshop it belongs to when it was kept for one. */
export interface Device {
  token: string;
  /** Undefined for a new token, which any one workshop may take. */
  code?: string;
}

/**
 * The token for workshop `code`; with no code (the plain link), the one this phone keeps for
 * the workshop it is in, if any. A new one otherwise, kept only once the workshop is known.
 */
export function deviceFor(code: string | undefined, storage = safeStorage()): Device {
  try {
    const key = code ? DEVICE + code : keysOf(storage, DEVICE)[0];
    const existing = key ? storage?.getItem(key) : undefined;
    if (key && existing && /^[A-Za-z0-9_-]{22,64}$/.test(existing)) return { token: existing, code: key.slice(DEVICE.length) };
  } catch {
    // Storage refused: a token for this tab only.
  }
  return { token: newToken() };
}

/**
 * The workshop is `code` (its state arrived): keeps `device`'s token as this phone's one
 * for it, forgetting any other workshop's. Returns the device to connect with: `device`
 * itself, or a new one when `device` was kept for another workshop (a plain link followed
 * after another workshop), which the caller reconnects with.
 */
export function joinedWith(device: Device, code: string, storage = safeStorage()): Device {
  const mine = device.code === undefined || device.code === code ? { token: device.token, code } : { token: newToken(), code };
  try {
    removeAll(storage, keysOf(storage, DEVICE).filter((key) => key !== DEVICE + code));
  } catch {
    // Storage refused: nothing was kept.
  }
  write(storage, DEVICE + code, mine.token);
  return mine;
}

/** The workshop `code` is over: its token goes too (the tab keeps it in memory, should the deck go back). */
export function forgetDevice(code: string, storage = safeStorage()): void {
  try {
    storage?.removeItem(DEVICE + code);
  } catch {
    // Storage refused: nothing was kept.
  }
}

/** An answer this phone gave: `sent` once the server acknowledged that it is stored. */
export interface Kept {
  value: AnswerValue;
  sent: boolean;
}

/** This phone's answers in one workshop, by activity, kept for this tab only. */
export class Answers {
  private readonly key: string;
  private all: Record<string, Kept>;
  /** The workshop is over: nothing is kept, until the deck goes back. */
  private over = false;

  constructor(code: string, private readonly storage = tabStorage()) {
    this.key = ANSWERS + code;
    let parsed: unknown;
    try {
      // Another workshop's answers, from an earlier code in this tab, end here.
      removeAll(storage, keysOf(storage, ANSWERS).filter((key) => key !== this.key));
      parsed = JSON.parse(storage?.getItem(this.key) ?? '{}');
    } catch {
      parsed = {};
    }
    this.all = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, Kept>) : {};
  }

  get(activityId: string): Kept | undefined {
    return this.all[activityId];
  }

  set(activityId: string, kept: Kept): void {
    this.all[activityId] = kept;
    this.save();
  }

  forget(activityId: string): void {
    delete this.all[activityId];
    this.save();
  }

  /**
   * Whether the workshop is over. Then the tab forgets its answers; the server's copy shows
   * them again should the deck go back, and answers given after that are kept again.
   */
  finished(over: boolean): void {
    this.over = over;
    if (!over) return;
    this.all = {};
    try {
      this.storage?.removeItem(this.key);
    } catch {
      // Storage refused: nothing was kept.
    }
  }

  private save(): void {
    if (!this.over) write(this.storage, this.key, JSON.stringify(this.all));
  }

  /** Answers not yet acknowledged, to send again after a reconnect. */
  unsent(): [string, AnswerValue][] {
    return Object.entries(this.all)
      .filter(([, k]) => !k.sent)
      .map(([id, k]) => [id, k.value]);
  }
}
