/**
 * Dates as the report prints them. A workshop's date is the facilitator's first command
 * (or its creation, before any): the computer's own time zone, which is the room's.
 */

/** `ms` as YYYY-MM-DD in the local time zone. */
export function localDate(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A YYYY-MM-DD date written out for `lang` ("October 1, 2026", "1 de octubre de 2026"). */
export function longDate(isoDate: string, lang: string): string {
  const [y = 1970, m = 1, d = 1] = isoDate.split('-').map(Number);
  return new Date(y, m - 1, d).toLocaleDateString(lang, { year: 'numeric', month: 'long', day: 'numeric' });
}

/** The day a workshop took place. */
export function workshopDate(createdAt: number, startedAt: number | null): string {
  return localDate(startedAt ?? createdAt);
}
