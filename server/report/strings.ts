/**
 * The report's words come from slides/strings (the `report.` keys), never from code: this
 * fills their {placeholders} and picks the plural form for the language.
 */

/** A language's flat key-to-text map (content.strings[lang]). */
export type StringMap = Readonly<Record<string, string>>;

export interface Translate {
  /** The text of `key` with its {placeholders} filled; the key itself when missing, so a gap shows. */
  (key: string, values?: Record<string, string | number>): string;
  /** `key.one` or `key.other` as the language's plural rules pick for `count` (given as {count}). */
  plural(key: string, count: number, values?: Record<string, string | number>): string;
}

export function translator(strings: StringMap, lang: string): Translate {
  const rules = new Intl.PluralRules(lang);
  const t = ((key: string, values: Record<string, string | number> = {}) =>
    (strings[key] ?? key).replace(/\{(\w+)\}/g, (m, name: string) => String(values[name] ?? m))) as Translate;
  t.plural = (key, count, values = {}) => {
    const form = rules.select(count) === 'one' ? 'one' : 'other';
    return t(`${key}.${form}`, { count, ...values });
  };
  return t;
}
