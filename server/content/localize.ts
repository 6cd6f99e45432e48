/**
 * An activity's or a resource's words in one language: the language's inline block
 * (`es:`) where it has one, English otherwise. Pure; shared by the deck, the room and the
 * phone's help list.
 */
import type { ActivitySpec, ActivityText, Resource, ResourceText } from './schema.ts';

type Localizable = { es?: unknown };

function block<T>(item: Localizable, lang: string): Partial<T> {
  const value = lang === 'en' ? undefined : (item as Record<string, unknown>)[lang];
  return typeof value === 'object' && value !== null ? (value as Partial<T>) : {};
}

/** The words of an activity, as English has them. */
export function englishText(a: ActivitySpec): ActivityText {
  const text: ActivityText = { prompt: a.prompt };
  if ('short' in a && a.short !== undefined) text.short = a.short;
  if (a.kind === 'scenario') Object.assign(text, { title: a.title, story: a.story });
  if ('options' in a) text.options = [...a.options];
  if ('explanation' in a && a.explanation !== undefined) text.explanation = a.explanation;
  if (a.kind === 'scale') text.labels = [...a.labels];
  return text;
}

/** The words of an activity in `lang`. */
export function activityText(a: ActivitySpec, lang: string): ActivityText {
  return { ...englishText(a), ...block<ActivityText>(a, lang) };
}

/** The words of a resource in `lang`. */
export function resourceText(r: Resource, lang: string): ResourceText {
  const english: ResourceText = { name: r.name };
  if (r.hours !== undefined) english.hours = r.hours;
  if (r.languages !== undefined) english.languages = r.languages;
  if (r.note !== undefined) english.note = r.note;
  return { ...english, ...block<ResourceText>(r, lang) };
}

/** A resource group's title in `lang`. */
export function groupTitle(group: { title: string; es?: { title: string } }, lang: string): string {
  return block<{ title: string }>(group, lang).title ?? group.title;
}
