/**
 * The one place the pages get their words from. Strings live in slides/strings/*.yaml;
 * English has every key, and the content check makes every other language match it.
 */
import strings from 'virtual:strings';

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

/** The text for `key` in the current language, with `{name}` placeholders filled in. */
export function t(key: string, vars: Record<string, string | number> = {}): string {
  const text = strings[lang]?.[key] ?? strings['en']?.[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

/** localStorage, or undefined where the browser refuses it (private mode on old phones). */
export function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
