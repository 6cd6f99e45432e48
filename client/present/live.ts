/**
 * The deck's side of the live room, as a reveal.js plugin. Arriving on an activity
 * slide opens it on the phones; leaving for another slide puts the phones back to
 * "waiting". Each activity slide shows its number of answers and, once revealed, the
 * results; the Q&A and "what we learned" slides show theirs. Keys: R show/hide results,
 * A lock/unlock answers, X clear answers, B pause the room (console-link.ts).
 * Every command carries the host key in the handshake; the server checks it.
 */
import QRCode from 'qrcode';
import type { RevealApi } from 'reveal.js';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type ActivityView, type ClientToServer, type HostEvent, type LearningGain, type RoomState, type ServerToClient, type Snapshot } from '../../server/protocol.ts';
import { el } from '../dom.ts';
import { t } from '../i18n.ts';
import { linkConsole } from './console-link.ts';
import { renderLearning } from './learning-slide.ts';
import { renderJoin, renderLive } from './live-view.ts';
import { renderQuestions } from './qa-slide.ts';

export interface LiveOptions {
  hostKey: string | undefined;
  /** The speaker view's preview frames: they show slides but never drive the room. */
  receiver: boolean;
}

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
      if (!hostKey) {
        const onActivity = (): void => say(deck.getCurrentSlide()?.dataset['activity'] ? t('present.noKey') : '');
        deck.on('slidechanged', onActivity);
        deck.on('ready', onActivity);
        return;
      }
      say('');

      const views = new Map<string, ActivityView>();
      const snaps = new Map<string, Snapshot>();
      const socket: Socket<ServerToClient, ClientToServer> = io({ auth: { v: PROTOCOL_VERSION, hostKey }, reconnectionDelayMax: 5000 });
      let shown: string | null | undefined;

      const currentActivity = (): string | null => deck.getCurrentSlide()?.dataset['activity'] ?? null;
      /** A refusal the facilitator should hear about, shown until the slide changes. */
      let refusal = '';
      const send = (event: HostEvent, activityId?: string): void => {
        if (!socket.connected) return;
        if (event === 'room:idle') void socket.emitWithAck('room:idle', {});
        else if (activityId) {
          void socket.emitWithAck(event, { activityId }).then((ack) => {
            if (!ack.ok && ack.error === 'HIDDEN_UNTIL_AFTER') say((refusal = t('present.live.heldUntilAfter')));
          });
        }
      };
      /** Tells the server which activity (if any) the phones should show now. */
      const sync = (): void => {
        const id = currentActivity();
        if (id === shown || !socket.connected) return;
        shown = id;
        send(id ? 'activity:open' : 'room:idle', id ?? undefined);
      };
      const update = (snap: Snapshot): void => {
        snaps.set(snap.activityId, snap);
        const view = views.get(snap.activityId);
        if (view) renderLive(view, snap);
      };

      socket.on('connect', () => {
        say('');
        shown = undefined;
      });
      socket.on('disconnect', () => say(t('present.live.reconnecting')));
      socket.on('connect_error', (error) => {
        if (error.message === 'BAD_HOST_KEY') {
          say(t('present.live.badKey'));
          socket.disconnect();
        } else say(t('present.live.reconnecting'));
      });
      socket.on('room:state', (state: RoomState) => {
        for (const view of state.activities ?? []) views.set(view.id, view);
        for (const snap of state.snapshots ?? []) update(snap);
        if (state.joinUrl) void renderJoin(state.joinUrl, state.code, (url) => QRCode.toDataURL(url, { margin: 1, width: 400, errorCorrectionLevel: 'M' }));
        sync();
      });
      socket.on('activity:snapshot', update);
      let gain: LearningGain | undefined;
      socket.on('learning:update', (next) => renderLearning((gain = next), views));
      socket.on('room:state', () => gain && renderLearning(gain, views));
      socket.on('qa:queue', renderQuestions);
      linkConsole(deck, socket);
      deck.on('slidechanged', () => {
        if (refusal !== '' && notice.textContent === refusal) say((refusal = ''));
      });
      deck.on('slidechanged', sync);
      deck.on('ready', sync);

      const onCurrent = (act: (id: string, snap: Snapshot | undefined) => void) => (): void => {
        const id = currentActivity();
        if (id) act(id, snaps.get(id));
      };
      deck.addKeyBinding({ keyCode: 82, key: 'R', description: 'Show or hide the results' }, onCurrent((id, s) => send(s?.revealed ? 'activity:hide' : 'activity:reveal', id)));
      deck.addKeyBinding({ keyCode: 65, key: 'A', description: 'Lock or unlock the answers' }, onCurrent((id, s) => send(s?.status === 'locked' ? 'activity:unlock' : 'activity:lock', id)));
      deck.addKeyBinding(
        { keyCode: 88, key: 'X', description: 'Clear the answers (asks first)' },
        onCurrent((id) => {
          if (window.confirm(t('present.live.confirmReset'))) send('activity:reset', id);
        }),
      );
    },
  };
}
