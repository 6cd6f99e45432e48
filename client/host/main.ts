/**
 * The facilitator's console (/host), for a phone or tablet in one hand: the current slide's
 * title and notes, the next title, previous and next, the clock against the plan, the
 * current activity's count and commands, the pause, and the questions to moderate.
 * The deck follows the console and the console follows the deck, through the server,
 * which checks the host key on every command.
 */
import { hostKey } from '../present/host-key.ts';
import { io, type Socket } from 'socket.io-client';
import outlines from 'virtual:outline';
import { PROTOCOL_VERSION, type ActivityView, type ClientToServer, type DeckPosition, type HostEvent, type ServerToClient, type Snapshot } from '../../server/protocol.ts';
import { el } from '../dom.ts';
import { language, localView, setLanguage, t, tn } from '../i18n.ts';
import { clockText, locate, pace } from './plan.ts';
import { renderQueue } from './queue.ts';
import './host.css';

const lang = new URLSearchParams(location.search).get('lang') ?? 'en';
setLanguage(outlines[lang] ? lang : 'en');
document.title = t('host.title');
const outline = outlines[language()] ?? outlines['en'] ?? [];

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const status = $('status');
const key = hostKey();
let position: DeckPosition = { slide: null, full: false, elapsed: 0, spent: {} };
let positionAt = Date.now();
let paused = false;
const views = new Map<string, ActivityView>();
const snaps = new Map<string, Snapshot>();

$('title').textContent = t('host.title');
for (const [id, text] of [
  ['prev', 'host.prev'],
  ['next', 'host.next'],
  ['pause', 'host.pause'],
] as const) $(id).textContent = t(text);

if (!key) {
  status.textContent = t('host.noKey');
} else {
  const socket: Socket<ServerToClient, ClientToServer> = io({ auth: { v: PROTOCOL_VERSION, hostKey: key }, reconnectionDelayMax: 5000 });
  const command = (event: HostEvent, activityId: string): void => void socket.emitWithAck(event as 'activity:open', { activityId }).then((ack) => {
    if (!ack.ok) status.textContent = t(ack.error === 'HIDDEN_UNTIL_AFTER' ? 'present.live.heldUntilAfter' : 'host.refused');
  });

  socket.on('connect', () => (status.textContent = ''));
  socket.on('disconnect', () => (status.textContent = t('present.live.reconnecting')));
  socket.on('connect_error', (error) => {
    status.textContent = t(error.message === 'BAD_HOST_KEY' ? 'present.live.badKey' : 'present.live.reconnecting');
    if (error.message === 'BAD_HOST_KEY') socket.disconnect();
  });
  socket.on('room:state', (state) => {
    for (const v of state.activities ?? []) views.set(v.id, v);
    for (const s of state.snapshots ?? []) snaps.set(s.activityId, s);
    drawSlide();
  });
  socket.on('activity:snapshot', (snap) => {
    snaps.set(snap.activityId, snap);
    if (locate(outline, position.slide, position.full)?.slide.activityId === snap.activityId) drawActivity();
  });
  socket.on('deck:position', (next) => {
    const moved = next.slide !== position.slide;
    position = next;
    positionAt = Date.now();
    if (moved) drawSlide();
    drawClock();
  });
  socket.on('room:paused', (next) => {
    paused = next.paused;
    $('pause').setAttribute('aria-pressed', String(paused));
    $('pause').textContent = t(paused ? 'host.resume' : 'host.pause');
    document.body.classList.toggle('paused', paused);
  });
  let waiting = 0;
  socket.on('qa:queue', (queue) => {
    renderQueue($('queue'), queue, (questionId, action) => void socket.emitWithAck('question:moderate', { questionId, action }));
    // The queue itself is not announced (it redraws often); a new question waiting is.
    const now = queue.questions.filter((q) => q.status === 'waiting').length;
    if (now > waiting) status.textContent = tn('host.qa.waitingCount', now);
    waiting = now;
  });

  $('prev').addEventListener('click', () => void socket.emitWithAck('deck:go', { to: 'prev' }));
  $('next').addEventListener('click', () => void socket.emitWithAck('deck:go', { to: 'next' }));
  $('pause').addEventListener('click', () => void socket.emitWithAck('room:pause', { paused: !paused }));

  /** The current activity's count and its commands, the same as the deck's keys. */
  const drawActivity = (): void => {
    const box = $('activity');
    const id = locate(outline, position.slide, position.full)?.slide.activityId;
    const view = id ? views.get(id) : undefined;
    if (!id || !view) return void (box.hidden = true);
    box.hidden = false;
    const snap = snaps.get(id);
    const button = (text: string, event: HostEvent, className = 'secondary'): HTMLButtonElement => {
      const b = el('button', className, text);
      b.type = 'button';
      b.addEventListener('click', () => command(event, id));
      return b;
    };
    const reset = el('button', 'danger', t('host.activity.reset'));
    reset.type = 'button';
    reset.addEventListener('click', () => {
      if (window.confirm(t('present.live.confirmReset'))) command('activity:reset', id);
    });
    const state = snap?.status === 'locked' ? t('present.live.locked') : snap?.status === 'open' ? t('present.live.open') : t('host.activity.ready');
    box.replaceChildren(
      el('h2', '', localView(view).prompt),
      el('p', 'activity-count', [el('strong', '', tn('present.live.answers', snap?.total ?? 0)), ` · ${state}`, snap?.revealed ? ` · ${t('host.activity.shown')}` : '']),
      el('div', 'activity-actions', [
        snap?.status === 'ready' || !snap ? button(t('host.activity.open'), 'activity:open', 'primary') : null,
        snap?.status === 'locked' ? button(t('host.activity.unlock'), 'activity:unlock') : button(t('host.activity.lock'), 'activity:lock'),
        snap?.revealed ? button(t('host.activity.hide'), 'activity:hide') : button(t('host.activity.reveal'), 'activity:reveal', 'primary'),
        reset,
      ]),
    );
  };

  const drawSlide = (): void => {
    const where = locate(outline, position.slide, position.full);
    $('slide-number').textContent = where ? t('host.slideOf', { number: where.number, count: where.count }) : t('host.waitingForDeck');
    $('slide-title').textContent = where?.slide.title ?? '';
    $('section-title').textContent = where ? where.section.title : '';
    $('notes').replaceChildren(...notesElements(where?.slide.notes ?? ''));
    $('next-title').textContent = where?.next ? t('host.nextSlide', { title: where.next.title }) : where ? t('host.lastSlide') : '';
    ($('prev') as HTMLButtonElement).disabled = !where?.previous;
    ($('next') as HTMLButtonElement).disabled = !where?.next;
    drawActivity();
    drawClock();
  };

  const drawClock = (): void => {
    const where = locate(outline, position.slide, position.full);
    const box = $('clock');
    if (!where) return void box.replaceChildren();
    const p = pace(outline, where, position.full, position.elapsed, position.spent, Date.now() - positionAt);
    const verdict = position.elapsed === 0 ? t('host.clock.notStarted') : p.behind > 1 ? t('host.clock.behind', { minutes: Math.round(p.behind) }) : p.behind < -1 ? t('host.clock.ahead', { minutes: Math.round(-p.behind) }) : t('host.clock.onTime');
    box.className = p.behind > 1 ? 'clock behind' : 'clock';
    box.replaceChildren(
      el('p', '', [el('strong', '', clockText(p.elapsed)), ` ${t('host.clock.of', { planned: Math.round(p.planned) })}`]),
      el('p', '', [t('host.clock.section'), ' ', el('strong', '', clockText(p.sectionElapsed)), ` ${t('host.clock.of', { planned: Math.round(p.sectionPlanned * 10) / 10 })}`]),
      el('p', 'verdict', verdict),
    );
  };
  setInterval(drawClock, 1000);
  drawSlide();
}

/** Speaker notes as paragraphs, each label (Time:, Say:, Tip:...) in bold. Text only. */
function notesElements(notes: string): HTMLElement[] {
  return notes
    .split(/\n+/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const m = line.match(/^([^:]{1,40}):\s(.*)$/);
      const plain = (text: string): string => text.replace(/\*\*?([^*]+)\*\*?/g, '$1');
      return m?.[1] && m[2] !== undefined ? el('p', '', [el('strong', '', `${plain(m[1])}: `), plain(m[2])]) : el('p', '', plain(line));
    });
}
