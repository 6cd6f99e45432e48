/**
 * Tells the phones when the workshop is over (core/stage.ts): once the deck reaches the
 * closing slide, and again on connect, from the deck's stored position (so a restart or a
 * late phone sees the same).
 */
import { isFinished } from '../core/stage.ts';
import type { Finished } from '../protocol.ts';
import type { LiveRoom } from '../live/live-workshop.ts';

export interface Stage {
  /** The deck moved to `slide`. */
  moved(room: LiveRoom, slide: string): void;
  /** Whether the workshop is over, for a phone that connects while the deck is on `slide`. */
  view(slide: string | null): Finished;
}

export function createStage(closing: string | undefined, toAttendees: (room: LiveRoom, finished: Finished) => void): Stage {
  const last = new Map<string, boolean>();
  return {
    moved(room, slide) {
      const finished = isFinished(slide, closing);
      if (last.get(room.record.id) === finished) return;
      last.set(room.record.id, finished);
      toAttendees(room, { finished });
    },
    view(slide) {
      return { finished: isFinished(slide, closing) };
    },
  };
}
