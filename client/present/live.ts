/**
 * The deck's side of the live room, as a reveal.js plugin. The activity of the slide the
 * deck stops on opens on the phones; stopping elsewhere puts them back to "waiting". Slides
 * passed over quickly (a held arrow key, a clicker) are never sent: only where the deck
 * settles, one request at a time (connection/latest.ts). Each activity slide shows its
 * number of answers and, once revealed, the results; the Q&A and "what we learned" slides
 * show theirs. Keys: R show/hide results, A lock/unlock answers, X clear answers, B pause
 * the room (console-link.ts). Every command carries the host key in the handshake; the
 * server checks it.
 */
import QRCode from 'qrcode';
import type { RevealApi } from 'reveal.js';
import { PROTOCOL_VERSION, type ActivityView, type HostEvent, type LearningGain, type RoomCount, type RoomState, type Snapshot } from '../../server/protocol.ts';
import { latest } from '../connection/latest.ts';
import { openSocket, request, worthRetrying } from '../connection/socket.ts';
import { el } from '../dom.ts';
import { t } from '../i18n.ts';
import { linkConsole } from './console-link.ts';
import { renderCountdown } from './countdown-view.ts';
import { renderJoinCount } from './join-count.ts';
import { explainNoKey } from './no-key.ts';
import { renderLearning } from './learning-slide.ts';
import { renderJoin, renderLive } from './live-view.ts';
import { renderQuestions } from './qa-slide.ts';
import { markRehearsal } from '../rehearsal.ts';

export interface LiveOptions {
  hostKey: string | undefined;
  /** The speaker view's preview frames: they show slides but never drive the room. */
  receiver: boolean;
}

/** How long the deck must stay on a slide before its activity opens on the phones. */
const SETTLE_MS = 350;

export function LiveRoom({ hostKey, receiver }: LiveOptions) {
  return {
    id: 'live',
    init(deck: RevealApi): void {
      if (receiver) return;
      const notice = el('p', 'live-notice');
      notice.setAttribute('role', 'status');
      deck.getRevealElement()?.append(notice);
      const say = (text: string): void => {
        notice.textContent = text;
        notice.hidden = text === '';
      };
      if (!hostKey) return deck.on('ready', () => explainNoKey(say));
      say('');

      const views = new Map<string, ActivityView>();
      const snaps = new Map<string, Snapshot>();
      const socket = openSocket({ v: PROTOCOL_VERSION, hostKey });
      const currentActivity = (): string | null => deck.getCurrentSlide()?.dataset['activity'] ?? null;

      /** A refusal the facilitator should hear about, shown until the slide changes. */
      let refusal = '';
      const refuse = (text: string): void => say((refusal = text));

      /** Which activity the phones show: the one of the slide the deck settled on, or none. */
      const phonesShow = latest<string | null>(
        async (id) => {
          const reply = id ? await request(socket, 'activity:open', { activityId: id }) : await request(socket, 'room:idle', {});
          return worthRetrying(reply) ? 'retry' : 'done';
        },
        { settleMs: SETTLE_MS, gapMs: 100, retryMs: 1000 },
      );
      const sync = (): void => phonesShow.push(currentActivity());

      const command = async (event: HostEvent, activityId: string): Promise<void> => {
        const reply = await request(socket, event as 'activity:lock', { activityId });
        if (reply.ok) return;
        refuse(t(reply.error === 'HIDDEN_UNTIL_AFTER' ? 'present.live.heldUntilAfter' : 'present.live.notThrough'));
      };
      const update = (snap: Snapshot): void => {
        snaps.set(snap.activityId, snap);
        const view = views.get(snap.activityId);
        if (view) renderLive(view, snap);
      };

      socket.on('connect', () => {
        say('');
        // The server may have missed where the deck went while it was away.
        sync();
      });
      socket.on('disconnect', () => say(t('present.live.reconnecting')));
      socket.on('connect_error', (error) => {
        if (error.message === 'BAD_HOST_KEY') {
          say(t('present.live.badKey'));
          socket.disconnect();
        } else say(t('present.live.reconnecting'));
      });
      let gain: LearningGain | undefined;
      socket.on('room:state', (state: RoomState) => {
        for (const view of state.activities ?? []) views.set(view.id, view);
        for (const snap of state.snapshots ?? []) update(snap);
        // A band above the slides, which are laid out again below it: it never covers a word.
        if (markRehearsal(document.body, state.rehearsal === true, t('present.rehearsal'), t('present.rehearsal.detail'))) deck.layout();
        if (state.joinUrl) void renderJoin(state.joinUrl, state.code, (url) => QRCode.toDataURL(url, { margin: 1, width: 400, errorCorrectionLevel: 'M' })).then(() => renderJoinCount(count));
        if (gain) renderLearning(gain, views);
      });
      socket.on('activity:snapshot', update);
      socket.on('learning:update', (next) => renderLearning((gain = next), views));
      socket.on('qa:queue', renderQuestions);
      socket.on('countdown:update', renderCountdown);
      let count: RoomCount = { connected: 0, joined: 0 };
      socket.on('room:count', (next) => renderJoinCount((count = next)));
      linkConsole(deck, socket);
      deck.on('slidechanged', () => {
        if (refusal !== '' && notice.textContent === refusal) say((refusal = ''));
        sync();
      });
      deck.on('ready', sync);

      const onCurrent = (act: (id: string, snap: Snapshot | undefined) => void) => (): void => {
        const id = currentActivity();
        if (id) act(id, snaps.get(id));
      };
      deck.addKeyBinding({ keyCode: 82, key: 'R', description: 'Show or hide the results' }, onCurrent((id, s) => void command(s?.revealed ? 'activity:hide' : 'activity:reveal', id)));
      deck.addKeyBinding({ keyCode: 65, key: 'A', description: 'Lock or unlock the answers' }, onCurrent((id, s) => void command(s?.status === 'locked' ? 'activity:unlock' : 'activity:lock', id)));
      deck.addKeyBinding(
        { keyCode: 88, key: 'X', description: 'Clear the answers (asks first)' },
        onCurrent((id) => {
          if (window.confirm(t('present.live.confirmReset'))) void command('activity:reset', id);
        }),
      );
    },
  };
}
