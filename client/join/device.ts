/**
 * The phone's identity and its answers, kept in localStorage so a reload, a locked
 * screen or a dropped network loses nothing. The device token is random and means
 * nothing; the server keeps only a salted hash of it.
 */
import type { AnswerValue } from '../../server/protocol.ts';
import { safeStorage } from '../i18n.ts';

/**
 * A random token from crypto.getRandomValues (phones usually reach the kit over plain
 * HTTP on a LAN address, which is not a secure context, so crypto.randomUUID is missing).
 */
export function deviceToken(storage = safeStorage()): string {
  const existing = storage?.getItem('device');
  if (existing && /^[A-Za-z0-9_-]{22,64}$/.test(existing)) return existing;
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  const token = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  storage?.setItem('device', token);
  return token;
}

/** An answer this phone gave: `sent` once the server acknowledged that it is stored. */
export interface Kept {
  value: AnswerValue;
  sent: boolean;
}

/** This phone's answers in one workshop, by activity. */
export class Answers {
  private readonly key: string;
  private readonly all: Record<string, Kept>;

  constructor(code: string, private readonly storage = safeStorage()) {
    this.key = `answers:${code}`;
    let parsed: unknown;
    try {
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

  private save(): void {
    try {
      this.storage?.setItem(this.key, JSON.stringify(this.all));
    } catch {
      // Storage full or refused: the answer is still sent; only a reload could lose it.
    }
  }

  /** Answers not yet acknowledged, to send again after a reconnect. */
  unsent(): [string, AnswerValue][] {
    return Object.entries(this.all)
      .filter(([, k]) => !k.sent)
      .map(([id, k]) => [id, k.value]);
  }
}
