/**
 * A countdown as a page shows it. The server sends the time left, never a clock time (a
 * phone's clock may be minutes off): each page turns it into its own deadline on arrival.
 */
import type { Countdown } from '../server/protocol.ts';
import { language } from './i18n.ts';

export interface LocalCountdown {
  countdown: Countdown;
  /** This page's clock at the end, or null for none. */
  deadline: number | null;
}

export function received(countdown: Countdown, now = Date.now()): LocalCountdown {
  return { countdown, deadline: countdown.kind === 'none' ? null : now + countdown.endsIn };
}

/** "0:25": the time left, never below zero. */
export function timeLeft(local: LocalCountdown, now = Date.now()): string {
  const seconds = Math.max(0, Math.ceil(((local.deadline ?? now) - now) / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** "7:45 PM" (or "19:45"), in the page's language and the laptop's time zone. */
export function clockTime(local: LocalCountdown): string {
  return new Date(local.deadline ?? Date.now()).toLocaleTimeString(language(), { hour: 'numeric', minute: '2-digit' });
}

/** Whether `local` is closing `activityId` now. */
export function closing(local: LocalCountdown, activityId: string | undefined): boolean {
  return local.countdown.kind === 'close' && local.countdown.activityId === activityId;
}
