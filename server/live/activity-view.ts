/** What of an activity's content the phones and deck are shown, whichever store runs the room. */
import { TRANSLATIONS, type Activity } from '../content/schema.ts';
import { DEFAULT_TEXT_LENGTH, DEFAULT_WORDS_LENGTH } from '../core/answers.ts';
import type { ActivityView } from '../protocol.ts';

export function activityView(a: Activity): ActivityView {
  const view: ActivityView = { id: a.id, kind: a.kind, prompt: a.prompt };
  if ('short' in a && a.short !== undefined) view.short = a.short;
  if (a.round) view.round = a.round;
  if (a.kind === 'scenario') Object.assign(view, { title: a.title, story: a.story });
  if ('options' in a) view.options = [...a.options];
  if (a.kind === 'scale') Object.assign(view, { min: a.min, max: a.max, labels: [...a.labels] });
  if (a.kind === 'words') view.maxLength = a.maxLength ?? DEFAULT_WORDS_LENGTH;
  if (a.kind === 'text') view.maxLength = a.maxLength ?? DEFAULT_TEXT_LENGTH;
  for (const lang of TRANSLATIONS) {
    const words = a[lang];
    if (!words) continue;
    // The explanation waits for the reveal: sent now, it would give the answer away.
    const { explanation: _later, ...shown } = words;
    (view.translations ??= {})[lang] = shown;
  }
  return view;
}
