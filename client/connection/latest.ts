/**
 * Sends only the latest of a value that can change faster than the network keeps up (where
 * the deck is, which activity the phones show): one request at a time, a short gap between
 * requests, and whatever changed meanwhile is sent next, once. A held arrow key costs a few
 * requests, not one per slide. What the server could not take now is tried again.
 */

export type Outcome = 'done' | 'retry';

export interface LatestOptions {
  /** Wait this long after the last change before sending (a slide passed over is never sent). */
  settleMs: number;
  /** At least this long between two requests. */
  gapMs: number;
  /** How long to wait before trying a value again that the server could not take. */
  retryMs: number;
}

export interface Latest<T> {
  /** The value changed: it will be sent, unless another change comes first. */
  push(value: T): void;
  /** Sends the last value again (the connection was reopened and the server may not have it). */
  resend(): void;
}

export function latest<T>(send: (value: T) => Promise<Outcome>, { settleMs, gapMs, retryMs }: LatestOptions): Latest<T> {
  let pending: { value: T } | undefined;
  let last: { value: T } | undefined;
  let inFlight = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let earliest = 0;

  const schedule = (delay: number): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), Math.max(delay, earliest - Date.now()));
  };
  const flush = async (): Promise<void> => {
    timer = undefined;
    if (inFlight || !pending) return;
    const { value } = pending;
    pending = undefined;
    inFlight = true;
    const outcome = await send(value).catch((): Outcome => 'retry');
    inFlight = false;
    earliest = Date.now() + gapMs;
    if (outcome === 'retry' && !pending) {
      pending = { value };
      return schedule(retryMs);
    }
    if (pending) schedule(0);
  };

  return {
    push(value) {
      pending = last = { value };
      if (!inFlight) schedule(settleMs);
    },
    resend() {
      if (last && !pending) pending = { value: last.value };
      if (pending && !inFlight) schedule(0);
    },
  };
}
