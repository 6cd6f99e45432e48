/**
 * What the phone says around a question that looks personal (NH2 of the content review): the
 * people to talk to come first, then that a question typed here is not a report and gets no
 * reply, then the advocate in the room, and only then "Edit my question" and "Send anyway".
 * After such a question is sent, the same message stays on screen. A parent who types "my
 * niece is being sold" must not leave thinking they have told someone who will act.
 *
 * The numbers are the phone's help data (virtual:help, built from the region pack's resources.yaml),
 * picked by their ids: a facilitator in another county changes only resources.yaml. No
 * number is written here or in the strings.
 */
import help from 'virtual:help';
import type { HelpEntry } from '../../server/protocol.ts';
import { el } from '../dom.ts';
import { language, t } from '../i18n.ts';

/**
 * The lines to call, by their `id` in resources.yaml, in this order: a child in danger now
 * (911), to report (the county's CPS line), the rape crisis center's advocates, and 988.
 */
const PEOPLE_TO_TALK_TO = ['emergency', 'cps', 'rape-crisis', '988'] as const;

/** The lines of PEOPLE_TO_TALK_TO that resources.yaml has, in the phone's language; every line if it has none of them. */
function peopleToTalkTo(): HelpEntry[] {
  const all = (help[language()] ?? help['en'] ?? []).flatMap((group) => group.entries);
  const chosen = PEOPLE_TO_TALK_TO.flatMap((id) => all.filter((entry) => entry.id === id));
  // A county that renamed every id still gets numbers on the card, never none.
  return chosen.length > 0 ? chosen : all;
}

/**
 * The short list: each line's name and its numbers to tap (call, or text); with `details`,
 * what it is for and its languages too (from resources.yaml, as the help list says them).
 */
function talkList(details: boolean): HTMLElement {
  return el(
    'ul',
    'talk-list',
    peopleToTalkTo().map((entry) =>
      el('li', 'talk-entry', [
        el('p', 'talk-name', entry.name),
        ...entry.phones.map((p) => link(p.href, withNumber('present.resources.call', p.number, p.label))),
        entry.text && link(entry.text.href, entry.text.word ? withNumber('present.resources.textWord', entry.text.number, undefined, { word: entry.text.word }) : withNumber('present.resources.text', entry.text.number)),
        details && entry.note && el('p', 'talk-detail', entry.note),
        details && entry.languages && el('p', 'talk-detail', entry.languages.join('; ')),
      ]),
    ),
  );
}

/** "Call 1-800-606-6618 (Salinas)", with the number kept on one line: it never breaks at its dashes. */
function withNumber(key: string, number: string, label?: string, values: Record<string, string> = {}): (Node | string)[] {
  const mark = '\u0000';
  const [before = '', after = ''] = t(key, { ...values, number: mark }).split(mark);
  return [before, el('span', 'nowrap', number), label ? ` (${label})` : '', after];
}

/** "Not a report, no reply" and "the advocate here", the two lines said before and after sending. */
function notAReport(): HTMLElement[] {
  return [el('p', 'talk-warning', t('join.qa.personal.notReport')), el('p', '', t('join.qa.personal.advocate'))];
}

/**
 * The card before sending: who to talk to, not a report, the advocate; then edit or send
 * anyway. Its heading takes the focus (the caller moves it there once the card is drawn).
 */
export function personalCard(edit: () => void, sendAnyway: () => void): HTMLElement {
  const title = el('h3', '', t('join.qa.personal.title'));
  title.tabIndex = -1;
  return el('section', 'qa-personal', [
    title,
    el('p', '', t('join.qa.personal.help')),
    talkList(true),
    ...notAReport(),
    el('p', 'hint', t('join.qa.personal.body')),
    button('send', t('join.qa.personal.edit'), edit),
    button('send secondary', t('join.qa.personal.send'), sendAnyway),
  ]);
}

/**
 * After a question that looked personal was sent: "it went to the facilitators", and the
 * same message as the card (the lines' names and numbers only: the person has read the rest),
 * which stays until the person asks another question.
 * Its first line takes the focus, so a screen reader reads it.
 */
export function sentPersonal(askAgain: HTMLElement): HTMLElement {
  const sent = el('p', 'feedback received', t('join.qa.sent'));
  sent.tabIndex = -1;
  const [warning, advocate] = notAReport();
  return el('section', 'qa-sent', [sent, warning, talkList(false), advocate, askAgain]);
}

function link(href: string, content: (Node | string)[]): HTMLAnchorElement {
  // One child: .help-link is a flex box, which would set each piece of text apart.
  const a = el('a', 'help-link', [el('span', '', content)]);
  a.href = href;
  return a;
}

function button(className: string, text: string, onTap: () => void): HTMLButtonElement {
  const b = el('button', className, text);
  b.type = 'button';
  b.addEventListener('click', onTap);
  return b;
}
