/**
 * The facilitator's console (/host), for a phone or tablet in one hand: the current slide's
 * title and notes, the next title, previous and next, the clock against the plan, the
 * current activity's count and commands, the pause, the room's count and the questions to
 * moderate. The deck follows the console and the console follows the deck, through the
 * server, which checks the console's credential (credential.ts: paired from the laptop, never
 * the host key over the Wi-Fi) on every command. Taps faster than the deck answers
 * are gathered into one target slide (steps.ts); a command that did not go through says so.
 */
import { consoleCredential, forgetPairing, pairWith, type Credential } from './credential.ts';
import outlines from 'virtual:outline';
import { DEFAULT_PLAN, type ActivityView, type CountdownSet, type DeckPosition, type HostEvent, type Snapshot } from '../../server/protocol.ts';
import { received, timeLeft } from '../countdown.ts';
import { latest } from '../connection/latest.ts';
import { openSocket, request, worthRetrying, type Reply } from '../connection/socket.ts';
import { el } from '../dom.ts';
import { language, setLanguage, t, tn } from '../i18n.ts';
import { activityPanel } from './activity-panel.ts';
import { breakPanel } from './break-panel.ts';
import { notesElements } from './notes.ts';
import { askToPair } from './pair-form.ts';
import { clockText, locate, pace } from './plan.ts';
import { renderQueue } from './queue.ts';
import { markRehearsal } from '../rehearsal.ts';
import { step } from './steps.ts';
import './host.css';

const lang = new URLSearchParams(location.search).get('lang') ?? 'en';
setLanguage(outlines[lang] ? lang : 'en');
document.title = t('host.title');
const outline = outlines[language()] ?? outlines['en'] ?? [];

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
let position: DeckPosition = { slide: null, plan: DEFAULT_PLAN, elapsed: 0, spent: {} };
let positionAt = Date.now();
let paused = false;
const views = new Map<string, ActivityView>();
const snaps = new Map<string, Snapshot>();
let countdown = received({ kind: 'none' });

$('title').textContent = t('host.title');
for (const [id, text] of [
  ['prev', 'host.prev'],
  ['next', 'host.next'],
  ['pause', 'host.pause'],
] as const) $(id).textContent = t(text);

/** The status line: the connection when it is not right, else the last refusal on this slide. */
let connection = '';
let notice = '';
const showStatus = (): void => void ($('status').textContent = connection || notice);
const setConnection = (text: string): void => {
  connection = text;
  showStatus();
};
const refuse = (reply: Reply): void => {
  if (reply.ok) return;
  notice = t(reply.error === 'HIDDEN_UNTIL_AFTER' ? 'present.live.heldUntilAfter' : reply.error === 'OFFLINE' || reply.error === 'TIMEOUT' ? 'host.notThrough' : 'host.refused');
  showStatus();
};

const credential = consoleCredential();
if (credential) run(credential);
else askToPair('', (code) => run(pairWith(code)));
// A pairing link opened while the console is already open changes only the fragment: start over with it.
addEventListener('hashchange', () => {
  if (new URLSearchParams(location.hash.slice(1)).has('pair')) location.reload();
});

function run(credential: Credential): void {
  let current = credential;
  const socket = openSocket(current.first);
  // The pairing code works once: reconnects show the credential alone.
  socket.on('connect', () => void (socket.auth = current.then));
  const command = (event: HostEvent, activityId: string): void => void request(socket, event as 'activity:open', { activityId }).then(refuse);
  const setCountdown = (set: CountdownSet): void => void request(socket, 'countdown:set', set).then(refuse);

  /** Where Next and Previous were asked to go, until the deck gets there. */
  let target: string | null = null;
  let tappedAt = 0;
  const goTo = latest<string>(
    async (slide) => {
      const reply = await request(socket, 'deck:go', { to: { slide } });
      refuse(reply);
      return worthRetrying(reply) ? 'retry' : 'done';
    },
    { settleMs: 0, gapMs: 150, retryMs: 1000 },
  );
  const move = (dir: 1 | -1): void => {
    const to = step(outline, target ?? position.slide, position.plan, dir);
    if (!to) return;
    target = to;
    tappedAt = Date.now();
    goTo.push(to);
    drawSlide();
  };
  /** The slide the console shows: where it sent the deck, or where the deck is. */
  const shownSlide = (): string | null => target ?? position.slide;

  socket.on('connect', () => {
    setConnection('');
    document.body.classList.remove('unpaired');
    // The code is spent: from now on a refusal means this pairing ended, not that the code was wrong.
    current = { first: current.then, then: current.then };
  });
  socket.on('disconnect', () => setConnection(t('present.live.reconnecting')));
  socket.on('connect_error', (error) => {
    if (error.message === 'CONSOLE_NOT_PAIRED' || error.message === 'HOST_KEY_LOCAL_ONLY') {
      // A code that did not work, a pairing that ended, or the key over the Wi-Fi: pair, with a new code.
      socket.disconnect();
      forgetPairing(current.then['console']);
      setConnection('');
      const why = error.message === 'HOST_KEY_LOCAL_ONLY' ? 'host.keyLocalOnly' : 'pair' in current.first ? 'host.pair.refused' : 'host.pair.ended';
      return askToPair(t(why), (code) => {
        current = pairWith(code);
        socket.auth = current.first;
        socket.connect();
      });
    }
    const refused = error.message === 'BAD_HOST_KEY' || error.message === 'HOST_KEY_LOCAL_ONLY';
    setConnection(t(error.message === 'HOST_KEY_LOCAL_ONLY' ? 'host.keyLocalOnly' : error.message === 'BAD_HOST_KEY' ? 'present.live.badKey' : 'present.live.reconnecting'));
    if (refused) socket.disconnect();
  });
  socket.on('room:state', (state) => {
    markRehearsal(document.querySelector('header.top') as HTMLElement, state.rehearsal === true, t('present.rehearsal'), t('host.rehearsal'));
    for (const v of state.activities ?? []) views.set(v.id, v);
    for (const s of state.snapshots ?? []) snaps.set(s.activityId, s);
    drawSlide();
  });
  socket.on('activity:snapshot', (snap) => {
    snaps.set(snap.activityId, snap);
    if (locate(outline, shownSlide(), position.plan)?.slide.activityId === snap.activityId) drawActivity();
  });
  socket.on('deck:position', (next) => {
    position = next;
    positionAt = Date.now();
    // The deck got there, or has settled elsewhere (moved by its own keys, or a slide it does not show).
    if (target === next.slide || Date.now() - tappedAt > 1500) target = null;
    drawSlide();
  });
  socket.on('room:paused', (next) => {
    paused = next.paused;
    $('pause').setAttribute('aria-pressed', String(paused));
    $('pause').textContent = t(paused ? 'host.resume' : 'host.pause');
    document.body.classList.toggle('paused', paused);
  });
  socket.on('countdown:update', (next) => {
    countdown = received(next);
    drawActivity();
  });
  socket.on('room:count', ({ connected, joined }) => void ($('room-count').textContent = t('host.count', { connected, joined })));
  socket.on('qa:queue', (queue) => {
    renderQueue($('queue'), queue, (questionId, action) => void request(socket, 'question:moderate', { questionId, action }).then(refuse));
    const waiting = queue.questions.filter((q) => q.status === 'waiting').length;
    $('waiting').textContent = waiting > 0 ? tn('host.qa.waitingCount', waiting) : '';
  });

  $('prev').addEventListener('click', () => move(-1));
  $('next').addEventListener('click', () => move(1));
  $('pause').addEventListener('click', () => void request(socket, 'room:pause', { paused: !paused }).then(refuse));

  /** The current activity's box, or the break's; only the time left changes every second. */
  const drawActivity = (): void => {
    const box = $('activity');
    const slide = locate(outline, shownSlide(), position.plan)?.slide;
    const id = slide?.activityId;
    const view = id ? views.get(id) : undefined;
    box.hidden = !(id && view) && !slide?.break;
    if (id && view) box.replaceChildren(...activityPanel({ view, snap: snaps.get(id), command: (event) => command(event, id), countdown, setCountdown }));
    else if (slide?.break) box.replaceChildren(...breakPanel(slide.key, countdown, setCountdown));
  };
  const tick = (): void => {
    const left = document.querySelector('#activity .countdown-left.closes');
    if (left && countdown.deadline !== null) left.textContent = t('host.countdown.closesIn', { time: timeLeft(countdown) });
  };

  let drawn: string | null | undefined;
  const drawSlide = (): void => {
    const where = locate(outline, shownSlide(), position.plan);
    if (where?.slide.key !== drawn) {
      // A new slide: its title and "Say:" in view, and the last slide's refusal gone.
      drawn = where?.slide.key;
      window.scrollTo({ top: 0 });
      notice = '';
      showStatus();
    }
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
    const where = locate(outline, position.slide, position.plan);
    const box = $('clock');
    if (!where) return void box.replaceChildren();
    const p = pace(outline, where, position.plan, position.elapsed, position.spent, Date.now() - positionAt);
    const verdict = position.elapsed === 0 ? t('host.clock.notStarted') : p.behind > 1 ? t('host.clock.behind', { minutes: Math.round(p.behind) }) : p.behind < -1 ? t('host.clock.ahead', { minutes: Math.round(-p.behind) }) : t('host.clock.onTime');
    box.className = p.behind > 1 ? 'clock behind' : 'clock';
    box.replaceChildren(
      el('p', '', [el('strong', '', clockText(p.elapsed)), ` ${t('host.clock.of', { planned: Math.round(p.planned) })}`]),
      el('p', '', [t('host.clock.section'), ' ', el('strong', '', clockText(p.sectionElapsed)), ` ${t('host.clock.of', { planned: Math.round(p.sectionPlanned * 10) / 10 })}`]),
      el('p', 'verdict', verdict),
    );
  };
  setInterval(() => {
    drawClock();
    tick();
  }, 1000);
  drawSlide();
}
