/**
 * What keeps the phone page safe to have open: a bar on every screen with the language
 * switch, "Get help" (every resource, to call or text, with no network needed) and a quick
 * exit, plus a short content note the first time. Someone may be sitting next to a person
 * who watches their phone: the exit leaves nothing of the kit behind in the tab.
 */
import help from 'virtual:help';
import type { HelpPage } from '../../server/protocol.ts';
import { el } from '../dom.ts';
import { forgetEverything } from './device.ts';
import { language, languages, rememberLanguage, safeStorage, t } from '../i18n.ts';

const NOTE_SEEN = 'noteSeen';

/** The help page that lasts after the workshop, by language (`help:page`); null: none. */
let lasting: Record<string, string> | null = null;
/** Redraws the help panel when it is open. */
let redrawHelp: () => void = () => undefined;

/**
 * Takes the server's `help:page`. Only a plain web address becomes a link (never
 * `javascript:` or the like), and it is used as sent: the phone adds nothing to it, so the
 * page it opens learns nothing of the person or the workshop.
 */
export function setHelpPage(page: HelpPage): void {
  const urls = Object.entries(page.urls ?? {}).filter(([, url]) => typeof url === 'string' && /^https?:\/\/[^\s]+$/.test(url));
  lasting = urls.length > 0 ? Object.fromEntries(urls) : null;
  redrawHelp();
}

/** "To keep these numbers, open this page": a link to the lasting help page in the phone's language, or nothing. */
export function keepPage(): HTMLElement | undefined {
  const url = lasting?.[language()] ?? lasting?.['en'];
  if (url === undefined) return undefined;
  const a = el('a', 'help-keep-link', url.replace(/^https?:\/\//, '').replace(/\/$/, ''));
  a.href = url;
  // The kit's own Referrer-Policy says the same: the page opened learns nothing of this one (its join code).
  a.rel = 'noreferrer';
  return el('p', 'help-keep', [t('join.help.keep'), ' ', a]);
}

/** Leaves the kit: forgets everything it kept on this phone and replaces the page, so Back does not return. */
export function quickExit(): void {
  forgetEverything();
  location.replace(t('join.exit.url'));
}

/** The bar at the top of every screen. `onLanguage` redraws the page in the chosen language. */
export function mountToolbar(root: HTMLElement, onLanguage: (lang: string) => void): void {
  const bar = el('nav', 'toolbar');
  const helpPanel = el('section', 'help');
  helpPanel.hidden = true;
  helpPanel.setAttribute('role', 'dialog');
  helpPanel.setAttribute('aria-modal', 'true');
  helpPanel.setAttribute('aria-labelledby', 'help-title');

  const draw = (): void => {
    bar.setAttribute('aria-label', t('join.toolbar'));
    const others = languages().filter((l) => l !== language());
    const switches = others.map((lang) => {
      // The name, or on a very narrow screen (200% zoom) the code, which the spoken name includes too.
      const code = lang.toUpperCase();
      const b = el('button', 'lang', [el('span', 'lang-name', nameOf(lang)), el('span', 'lang-code', code)]);
      b.type = 'button';
      b.lang = lang;
      b.setAttribute('aria-label', `${t('join.language')}: ${nameOf(lang)} (${code})`);
      b.addEventListener('click', () => {
        rememberLanguage(lang);
        onLanguage(lang);
        draw();
        // The button pressed was replaced: keep the keyboard where it was.
        bar.querySelector<HTMLElement>('button.lang')?.focus();
      });
      return b;
    });
    const open = el('button', 'help-open', t('join.help.open'));
    open.type = 'button';
    open.setAttribute('aria-haspopup', 'dialog');
    open.addEventListener('click', () => showHelp(helpPanel, open));
    const exit = el('button', 'exit', t('join.exit'));
    exit.type = 'button';
    exit.addEventListener('click', quickExit);
    bar.replaceChildren(...switches, open, exit);
    if (!helpPanel.hidden) fillHelp(helpPanel, open);
  };
  draw();
  root.before(bar);
  root.after(helpPanel);
  // A help page learnt after the panel was opened joins it at once.
  redrawHelp = () => {
    if (!helpPanel.hidden) fillHelp(helpPanel, bar.querySelector<HTMLElement>('button.help-open') ?? bar);
  };
}

function nameOf(lang: string): string {
  return t('language.name', {}, lang);
}

function showHelp(panel: HTMLElement, opener: HTMLElement): void {
  fillHelp(panel, opener);
  panel.hidden = false;
  document.body.classList.add('help-open');
  panel.querySelector<HTMLElement>('h1')?.focus();
}

function fillHelp(panel: HTMLElement, opener: HTMLElement): void {
  const close = el('button', 'help-close', t('join.help.close'));
  close.type = 'button';
  close.addEventListener('click', () => {
    panel.hidden = true;
    document.body.classList.remove('help-open');
    opener.focus();
  });
  const title = el('h1', '', t('join.help.title'));
  title.id = 'help-title';
  title.tabIndex = -1;
  const groups = helpGroups();
  panel.replaceChildren(...[title, el('p', 'help-intro', t('join.help.intro')), ...groups, keepPage(), close].filter((x): x is HTMLElement => x !== undefined));
}

/** Every resource, by group, with its numbers as links to call or text. */
export function helpGroups(): HTMLElement[] {
  return (help[language()] ?? help['en'] ?? []).map((group) =>
    el('section', 'help-group', [
      el('h2', '', group.title),
      el(
        'ul',
        'help-list',
        group.entries.map((entry) =>
          el('li', 'help-entry', [
            el('p', 'help-name', entry.name),
            ...entry.phones.map((p) => link(p.href, t('present.resources.call', { number: p.label ? `${p.number} (${p.label})` : p.number }))),
            entry.text && link(entry.text.href, entry.text.word ? t('present.resources.textWord', { word: entry.text.word, number: entry.text.number }) : t('present.resources.text', { number: entry.text.number })),
            entry.web && el('p', 'help-web', entry.web.replace(/^https?:\/\//, '')),
            entry.hours && el('p', 'help-detail', entry.hours),
            entry.languages && el('p', 'help-detail', entry.languages.join('; ')),
            entry.note && el('p', 'help-detail', entry.note),
          ]),
        ),
      ),
    ]),
  );
}

function link(href: string, text: string): HTMLAnchorElement {
  const a = el('a', 'help-link', text);
  a.href = href;
  return a;
}

/** The content note, once per phone, before anything else. Resolves when the person continues. */
export function contentNote(root: HTMLElement): Promise<void> {
  if (safeStorage()?.getItem(NOTE_SEEN)) return Promise.resolve();
  return new Promise((done) => {
    const go = el('button', 'send', t('join.note.continue'));
    go.type = 'button';
    const title = el('h1', '', t('join.note.title'));
    title.tabIndex = -1;
    const note = el('section', 'content-note', [title, el('p', '', t('join.note.body')), go]);
    root.replaceChildren(note);
    title.focus();
    go.addEventListener('click', () => {
      safeStorage()?.setItem(NOTE_SEEN, '1');
      done();
    });
  });
}
