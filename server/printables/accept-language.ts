/**
 * The languages a browser asks for in its Accept-Language header, most wanted first, as
 * two-letter codes: "es-MX,es;q=0.9,en;q=0.8" gives es, es, en. The phone page reads
 * navigator.languages the same way (client/i18n.ts pickLanguage): the first two letters.
 */

/** At most this many tags are read: a real browser sends a handful. */
const MAX_TAGS = 20;

export function acceptedLanguages(header: string | string[] | undefined): string[] {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  return text
    .split(',')
    .slice(0, MAX_TAGS)
    .map((part, order) => {
      const [tag = '', ...params] = part.split(';').map((p) => p.trim());
      const q = params.find((p) => p.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { lang: tag.slice(0, 2).toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, order };
    })
    .filter((t) => t.weight > 0 && /^[a-z]{2}$/.test(t.lang))
    .sort((a, b) => b.weight - a.weight || a.order - b.order)
    .map((t) => t.lang);
}
