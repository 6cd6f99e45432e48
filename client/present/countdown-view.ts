/**
 * Countdowns on the projector: "Answers close in 0:25" on the activity's slide, and
 * "Back at 7:45" on the break slide (in the laptop's time). The time left redraws each second.
 */
import type { Countdown } from '../../server/protocol.ts';
import { clockTime, received, timeLeft, type LocalCountdown } from '../countdown.ts';
import { el } from '../dom.ts';
import { t } from '../i18n.ts';

let local: LocalCountdown = received({ kind: 'none' });
let ticking: ReturnType<typeof setInterval> | undefined;

function draw(): void {
  for (const old of document.querySelectorAll('.reveal .live-countdown')) old.remove();
  const c = local.countdown;
  if (c.kind === 'close') {
    const slide = document.querySelector(`section[data-activity="${CSS.escape(c.activityId)}"]`);
    slide?.append(el('p', 'live-countdown', t('present.countdown.closesIn', { time: timeLeft(local) })));
  } else if (c.kind === 'break') {
    const slide = document.querySelector(`section[data-key="${CSS.escape(c.slide)}"]`);
    slide?.append(el('p', 'live-countdown break-back', t('present.break.backAt', { time: clockTime(local) })));
  }
}

/** A countdown arrived from the server. */
export function renderCountdown(countdown: Countdown): void {
  local = received(countdown);
  clearInterval(ticking);
  if (countdown.kind === 'close') ticking = setInterval(draw, 1000);
  draw();
}
