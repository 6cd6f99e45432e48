/**
 * The console's box for the current activity: its prompt, how many answered, and the same
 * commands as the deck's keys. "Show results" is not offered on a first round: the server
 * never reveals one (it would give the answer away before the second round). Showing results
 * closes the answers (counts on screen never move), and reopening hides them again: the
 * buttons say so, so neither comes as a surprise.
 */
import { CLOSE_SECONDS, type ActivityView, type CountdownSet, type HostEvent, type Snapshot } from '../../server/protocol.ts';
import { closing, timeLeft, type LocalCountdown } from '../countdown.ts';
import { el } from '../dom.ts';
import { localView, t, tn } from '../i18n.ts';

export interface ActivityPanel {
  view: ActivityView;
  snap: Snapshot | undefined;
  command(event: HostEvent): void;
  countdown: LocalCountdown;
  setCountdown(set: CountdownSet): void;
}

function button(text: string, onClick: () => void, className = 'secondary'): HTMLButtonElement {
  const b = el('button', className, text);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

/** "Close in 30 s / 60 s" while answers are open; the time left and "Keep open" while it runs. */
function countdownRow({ view, snap, countdown, setCountdown }: ActivityPanel): HTMLElement | null {
  if (snap?.status !== 'open') return null;
  if (closing(countdown, view.id)) {
    return el('div', 'countdown-row', [
      el('p', 'countdown-left closes', t('host.countdown.closesIn', { time: timeLeft(countdown) })),
      button(t('host.countdown.keepOpen'), () => setCountdown({ kind: 'none' })),
    ]);
  }
  return el('div', 'countdown-row', CLOSE_SECONDS.map((seconds) => button(t('host.countdown.closeIn', { seconds }), () => setCountdown({ kind: 'close', activityId: view.id, seconds }))));
}

export function activityPanel(panel: ActivityPanel): HTMLElement[] {
  const { view, snap, command } = panel;
  const firstRound = view.round === 'before';
  const state = snap?.status === 'locked' ? t('present.live.locked') : snap?.status === 'open' ? t('present.live.open') : t('host.activity.ready');
  const reset = button(t('host.activity.reset'), () => window.confirm(t('present.live.confirmReset')) && command('activity:reset'), 'danger');
  const parts: (HTMLElement | null)[] = [
    el('h2', '', localView(view).prompt),
    el('p', 'activity-count', [el('strong', '', tn('present.live.answers', snap?.total ?? 0)), ` · ${state}`, snap?.revealed ? ` · ${t('host.activity.shown')}` : '']),
    firstRound ? el('p', 'hint', t('host.activity.firstRound')) : null,
    el('div', 'activity-actions', [
      snap?.status === 'ready' || !snap ? button(t('host.activity.open'), () => command('activity:open'), 'primary') : null,
      snap?.status === 'locked'
        ? button(t(snap.revealed ? 'host.activity.reopen' : 'host.activity.unlock'), () => command('activity:unlock'))
        : button(t('host.activity.lock'), () => command('activity:lock'), firstRound ? 'primary' : 'secondary'),
      firstRound ? null : snap?.revealed ? button(t('host.activity.hide'), () => command('activity:hide')) : button(t(snap?.status === 'open' ? 'host.activity.closeAndReveal' : 'host.activity.reveal'), () => command('activity:reveal'), 'primary'),
      reset,
    ]),
    countdownRow(panel),
  ];
  return parts.filter((e): e is HTMLElement => e !== null);
}
