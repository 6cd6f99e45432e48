/**
 * The attendee's phone page: joins the workshop anonymously, shows the question the
 * facilitator opens, sends the answer until it is acknowledged, and shows the results
 * once revealed. Reconnects by itself after a drop, a locked screen or a server restart.
 */
import { PROTOCOL_VERSION, type AnswerValue, type RoomState, type Snapshot } from '../../server/protocol.ts';
import { openSocket, request, serverAck } from '../connection/socket.ts';
import { closing, received } from '../countdown.ts';
import { localView, pickLanguage, setLanguage, t } from '../i18n.ts';
import { Answers, cleanEarlierVersions, deviceFor, forgetDevice, joinedWith } from './device.ts';
import { el } from '../dom.ts';
import { hasControls } from './controls.ts';
import { mountQuestions, questionBoxOpen, updateBoard } from './questions.ts';
import { contentNote, mountToolbar, setHelpPage } from './safety.ts';
import { answerFeedback, mountScreen, showAnswerState, showBanner, showCountdown, showFeedback, showFinished, showPaused, showQuestion, showResults, showWaiting, type Feedback } from './view.ts';

setLanguage(pickLanguage());
// The tab's title and icon say nothing about the topic: someone may glance at the phone.
document.title = t('app.title');

const root = document.getElementById('app') as HTMLElement;
let screen = mountScreen(root);
let ready = false;
let paused = false;
mountToolbar(root, (lang) => {
  setLanguage(lang);
  document.title = t('app.title');
  if (!ready) return void contentNote(root).then(start);
  screen = mountScreen(root);
  if (!socket.connected) showBanner(screen, t('join.reconnecting'));
  render(true);
  drawQuestions();
});
// Questions live outside the announced area: a vote elsewhere in the room is not news to read
// out. Labelled by its heading, the section is a landmark of its own (a "region").
const questionsBox = el('section', 'qa');
questionsBox.hidden = true;
questionsBox.setAttribute('aria-labelledby', 'qa-title');
root.after(questionsBox);

function drawQuestions(): void {
  questionsBox.hidden = false;
  mountQuestions(questionsBox, {
    // No reply (offline, or none in time) is "not sent": the person may try again.
    ask: async (text) => serverAck(await request(socket, 'question:ask', { text })),
    vote: async (questionId, on) => serverAck(await request(socket, 'question:vote', { questionId, on })),
  });
}
void contentNote(root).then(start);

/** After the content note: the screen, and whatever the room is showing now. */
function start(): void {
  if (ready) return;
  ready = true;
  screen = mountScreen(root);
  if (!socket.connected) showBanner(screen, t('join.connecting'));
  render(true);
  drawQuestions();
}
const code = new URLSearchParams(location.search).get('code')?.toUpperCase() ?? undefined;
let state: RoomState | null = null;
let answers: Answers | undefined;
let feedback: Feedback = '';
/** The last acknowledged answer per activity, to fall back to when a change is refused. */
const lastStored = new Map<string, AnswerValue>();

showBanner(screen, t('join.connecting'));
cleanEarlierVersions();
let device = deviceFor(code);
const auth = { v: PROTOCOL_VERSION, device: device.token, ...(code ? { code } : {}) };
const socket = openSocket(auth);
let countdown = received({ kind: 'none' });
/** The deck has reached the closing slide: with no question, the phone says thank you. */
let finished = false;

let justConnected = false;
socket.on('connect', () => {
  showBanner(screen, '');
  justConnected = true;
});
socket.on('disconnect', () => showBanner(screen, t('join.reconnecting')));
socket.on('connect_error', (error) => {
  if (error.message === 'UNKNOWN_WORKSHOP') {
    showBanner(screen, t('join.unknownWorkshop'));
    socket.disconnect();
  } else showBanner(screen, t('join.reconnecting'));
});
socket.on('room:state', (next) => {
  const joined = joinedWith(device, next.code);
  if (joined.token !== device.token) {
    // The token came from another workshop (a plain link, followed later): this workshop
    // gets a new one, before anything is answered with the old.
    device = joined;
    socket.auth = { ...auth, device: joined.token };
    socket.disconnect().connect();
    return;
  }
  const changed = next.current?.activity.id !== state?.current?.activity.id;
  answers ??= new Answers(next.code);
  if (finished) workshopOver(next.code);
  const current = next.current;
  // The server's copy wins unless this phone has a newer answer still on its way. `null`
  // means the server holds none (the facilitator cleared the answers, say).
  const kept = current ? answers.get(current.activity.id) : undefined;
  let cleared = false;
  if (current && next.mine != null && kept?.sent !== false) answers.set(current.activity.id, { value: next.mine, sent: true });
  if (current && next.mine === null && kept?.sent) {
    answers.forget(current.activity.id);
    lastStored.delete(current.activity.id);
    cleared = true;
  }
  state = next;
  if (changed || cleared) feedback = current && answers.get(current.activity.id) ? (answers.get(current.activity.id)?.sent ? 'received' : 'pending') : '';
  render(changed || cleared);
  // The server sends the room's state right after every (re)connect: then answers that
  // never got their acknowledgement go again. The store keeps one per phone, so a
  // repeat changes nothing.
  if (justConnected) {
    justConnected = false;
    void resendUnsent();
  }
});
socket.on('qa:board', updateBoard);
socket.on('countdown:update', (next) => {
  countdown = received(next);
  render(false);
});
socket.on('room:finished', (next) => {
  finished = next.finished;
  if (state && finished) workshopOver(state.code);
  else if (state) {
    // The deck went back from the closing slide: this tab is a phone in the room again.
    joinedWith(device, state.code);
    answers?.finished(false);
  }
  render(false);
});

/** Everything of the workshop on this phone ends with it: its answers in the tab, its token. */
function workshopOver(workshopCode: string): void {
  forgetDevice(workshopCode);
  answers?.finished(true);
}

socket.on('help:page', (next) => {
  setHelpPage(next);
  render(false);
});
socket.on('room:paused', (next) => {
  paused = next.paused;
  render(true);
});
socket.on('activity:snapshot', (snap: Snapshot) => {
  if (!state?.current || state.current.activity.id !== snap.activityId) return;
  state.current.snapshot = snap;
  render(false);
});

function render(rebuild: boolean): void {
  if (!ready) return;
  const current = paused ? undefined : state?.current;
  // On a question box the phone's one way to ask is the Q&A form, open and ready.
  const onQuestionBox = current !== undefined && current !== null && !hasControls(current.activity);
  document.body.classList.toggle('question-box', onQuestionBox);
  questionBoxOpen(onQuestionBox);
  if (paused) return showPaused(screen);
  if (!current) return finished ? showFinished(screen) : showWaiting(screen);
  const view = localView(current.activity);
  if (rebuild || screen.question.dataset['activity'] !== current.activity.id) showQuestion(screen, view, submit);
  const open = current.snapshot.status === 'open';
  const kept = answers?.get(current.activity.id);
  showAnswerState(screen, kept?.value, open);
  showFeedback(screen, answerFeedback(view, open, feedback, kept?.sent === true));
  showResults(screen, view, current.snapshot);
  showCountdown(screen, open && closing(countdown, current.activity.id) ? countdown : undefined);
}

async function submit(value: AnswerValue): Promise<void> {
  const activityId = state?.current?.activity.id;
  if (!activityId || !answers) return;
  const previous = answers.get(activityId);
  if (previous?.sent) lastStored.set(activityId, previous.value);
  answers.set(activityId, { value, sent: false });
  feedback = socket.connected ? 'sending' : 'pending';
  render(false);
  if (socket.connected) await send(activityId, value);
}

/** Sends one answer; keeps it for a later retry unless the server stored or refused it. */
async function send(activityId: string, value: AnswerValue): Promise<void> {
  const result = await request(socket, 'answer:submit', { activityId, value });
  if (result.ok) {
    // Only if the phone did not pick another answer meanwhile.
    if (answers?.get(activityId)?.value === value) answers.set(activityId, { value: result.value, sent: true });
    return setFeedback(activityId, 'received');
  }
  if (result.error === 'RATE_LIMITED' || result.error === 'STORAGE' || result.error === 'OFFLINE' || result.error === 'TIMEOUT') return setFeedback(activityId, 'pending');
  // Refused for good (closed, or not a valid answer): show the answer that is stored, if any.
  const stored = lastStored.get(activityId);
  if (stored === undefined) answers?.forget(activityId);
  else answers?.set(activityId, { value: stored, sent: true });
  setFeedback(activityId, result.error === 'NOT_OPEN' ? 'closed' : 'refused');
}

function setFeedback(activityId: string, next: Feedback): void {
  if (state?.current?.activity.id !== activityId) return;
  feedback = next;
  render(false);
}

async function resendUnsent(): Promise<void> {
  for (const [activityId, value] of answers?.unsent() ?? []) await send(activityId, value);
}

// A pending answer is retried now and then while connected, as well as on every reconnect.
setInterval(() => {
  if (socket.connected) void resendUnsent();
}, 15_000);
