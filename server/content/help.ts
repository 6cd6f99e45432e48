/**
 * Resources as people use them: every resource of resources.yaml in one language, with the
 * links a phone dials or texts. The phone's "Get help" list (built into the page, so it works
 * with no network at all) and the deck's resource slides both read resources through here.
 */
import type { HelpEntry, HelpGroup } from '../protocol.ts';
import { groupTitle, resourceText } from './localize.ts';
import type { Resource, Resources } from './schema.ts';

// The shapes live in the protocol: the phone's bundle reads them too.
export type { HelpEntry, HelpGroup } from '../protocol.ts';

/** A `tel:` or `sms:` address for a number as people dial it: 911, 988, 1-800-606-6618, (831) 375-4357. */
export function dialable(number: string): string {
  const digits = number.replace(/\D/g, '');
  return digits.length === 10 ? `+1${digits}` : digits.length === 11 && digits.startsWith('1') ? `+${digits}` : digits;
}

/** One resource in `lang`: its words, and each number with the link that dials or texts it. */
export function helpEntry(r: Resource, lang: string): HelpEntry {
  const words = resourceText(r, lang);
  const phones = r.phone === undefined ? [] : Array.isArray(r.phone) ? r.phone : [r.phone];
  const entry: HelpEntry = {
    ...(r.id ? { id: r.id } : {}),
    name: words.name,
    phones: phones.map((p) => {
      const m = p.match(/^(.*?)(?: \(([^()]+)\))?$/);
      const number = m?.[1] ?? p;
      return { number, ...(m?.[2] ? { label: m[2] } : {}), href: `tel:${dialable(number)}` };
    }),
  };
  if (r.text) {
    const body = r.textWord ? `?body=${encodeURIComponent(r.textWord)}` : '';
    entry.text = { number: r.text, ...(r.textWord ? { word: r.textWord } : {}), href: `sms:${dialable(r.text)}${body}` };
  }
  if (r.web) entry.web = r.web;
  if (words.hours) entry.hours = words.hours;
  if (words.languages) entry.languages = words.languages;
  if (words.note) entry.note = words.note;
  return entry;
}

/** Every resource group in `lang`, in the file's order. */
export function helpList(resources: Resources, lang: string): HelpGroup[] {
  return Object.values(resources.groups).map((group) => ({ title: groupTitle(group, lang), entries: group.entries.map((r) => helpEntry(r, lang)) }));
}
