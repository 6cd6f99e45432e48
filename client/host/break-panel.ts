/**
 * The console on the break slide: "Back in 3 / 5 / 10 min" puts the time the break ends on
 * the projector ("Back at 7:45"); the facilitator can take it off again.
 */
import { BREAK_MINUTES, type CountdownSet } from '../../server/protocol.ts';
import { clockTime, type LocalCountdown } from '../countdown.ts';
import { el } from '../dom.ts';
import { t } from '../i18n.ts';

export function breakPanel(slide: string, countdown: LocalCountdown, setCountdown: (set: CountdownSet) => void): HTMLElement[] {
  const button = (text: string, set: CountdownSet): HTMLButtonElement => {
    const b = el('button', 'secondary', text);
    b.type = 'button';
    b.addEventListener('click', () => setCountdown(set));
    return b;
  };
  const running = countdown.countdown.kind === 'break' && countdown.countdown.slide === slide;
  if (running) {
    return [el('p', 'countdown-left', t('host.break.backAt', { time: clockTime(countdown) })), el('div', 'countdown-row', [button(t('host.break.clear'), { kind: 'none' })])];
  }
  return [el('p', 'hint', t('host.break.hint')), el('div', 'countdown-row', BREAK_MINUTES.map((minutes) => button(t('host.break.backIn', { minutes }), { kind: 'break', slide, minutes })))];
}
