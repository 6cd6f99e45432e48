/**
 * The one place the pages get their words from. Strings live in slides/strings/*.yaml;
 * English has every key, and the content check makes every other language match it.
 */
import strings from 'virtual:strings';
import type { ActivityView, Snapshot } from '../server/protocol.ts';

const STORAGE_KEY = 'lang';

/** The language to show: `?lang=` (remembered), then a remembered choice, then the browser's. */
export function pickLanguage(search = location.search, preferred: readonly string[] = navigator.languages): string {
  const available = Object.keys(strings);
  const asked = new URLSearchParams(search).get('lang');
  if (asked && available.includes(asked)) {
    safeStorage()?.setItem(STORAGE_KEY, asked);
    return asked;
  }
  const remembered = safeStorage()?.getItem(STORAGE_KEY);
  if (remembered && available.includes(remembered)) return remembered;
  return preferred.map((l) => l.slice(0, 2).toLowerCase()).find((l) => available.includes(l)) ?? 'en';
}

let lang = 'en';

/** Sets the language for `t` and the document. */
export function setLanguage(next: string): void {
  lang = strings[next] ? next : 'en';
  document.documentElement.lang = lang;
}

/** The language the page shows now. */
export function language(): string {
  return lang;
}

/** Every language the pages can show. */
export function languages(): string[] {
  return Object.keys(strings);
}

/** Remembers a language the person chose, for the next visit. */
export function rememberLanguage(next: string): void {
  safeStorage()?.setItem(STORAGE_KEY, next);
}

/** The text for `key` in the current language, with `{name}` placeholders filled in. */
export function t(key: string, vars: Record<string, string | number> = {}, inLanguage = lang): string {
  const text = strings[inLanguage]?.[key] ?? strings['en']?.[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

/**
 * The text for a count: `key.one` or `key.other` (whatever the language's plural rules pick
 * for `count`), with `{count}` and the other placeholders filled in.
 */
export function tn(key: string, count: number, vars: Record<string, string | number> = {}): string {
  const form = new Intl.PluralRules(lang).select(count);
  const chosen = strings[lang]?.[`${key}.${form}`] !== undefined ? `${key}.${form}` : `${key}.other`;
  return t(chosen, { count, ...vars });
}

/** An activity's words in the page's language (English where a translation is missing). */
export function localView(view: ActivityView): ActivityView {
  const words = view.translations?.[lang];
  return words ? { ...view, ...words } : view;
}

/** Why the best answer is best, in the page's language. */
export function explanationOf(snap: Snapshot): string | undefined {
  return snap.explanation?.[lang] ?? snap.explanation?.['en'];
}

/** localStorage, or undefined where the browser refuses it (private mode on old phones). */
export function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
