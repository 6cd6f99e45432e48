/**
 * Checks of a language's deck files against the rest of the content: every slide has a
 * title and speaker notes with a readable `Time:` line, refers only to activities, resource
 * groups and sources that exist, shows the room no unverified source, and the core fits
 * its slot.
 */
import type { ContentError } from './yaml-file.ts';
import type { DeckFile } from './content.ts';
import type { Slide } from './slides.ts';
import { citations } from './slides.ts';
import { CORE_MINUTES, minutesOf, planOf, timeLine } from './timing.ts';

/** Slide attributes the deck understands; anything else is most likely a typo. */
const SLIDE_ATTRIBUTES = new Set(['data-join', 'data-break', 'data-closing', 'data-activity', 'data-learning', 'data-qa', 'data-resources', 'data-sources', 'data-optional', 'data-timing', 'data-state', 'class', 'id']);

export interface Known {
  activities: Set<string> | undefined;
  groups: Set<string> | undefined;
  sources: Set<string> | undefined;
  /** Sources that speaker notes may cite but slides may not. */
  unverified: Set<string>;
}

/** Every time line must be readable, and the core must fit its slot. `label` is "Time" in English. */
export function checkTime(files: DeckFile[], deckDir: string, label: string, errors: ContentError[]): void {
  for (const { file, slides } of files) {
    for (const slide of slides) {
      if (timeLine(slide, label) !== undefined && minutesOf(slide, label) === undefined) {
        errors.push({ file, line: slide.notesLine, message: `slide "${slide.title}": the ${label}: line must say how long, like "${label}: about 1.5 minutes" or "${label}: about 30 seconds"` });
      }
    }
  }
  const plan = planOf(files.flatMap((f) => f.slides), label);
  if (plan.core > CORE_MINUTES) {
    errors.push({
      file: deckDir,
      line: 1,
      message: `the core workshop plans ${plan.core} minutes (the ${label}: lines of slides not marked data-optional); it must fit in ${CORE_MINUTES}: shorten it or mark a module data-optional`,
    });
  }
}

export function checkDeck(files: DeckFile[], known: Known, timeLabel: string, errors: ContentError[]): void {
  const usedActivities = new Map<string, Slide>();
  for (const { file, slides } of files) {
    for (const slide of slides) {
      const name = slide.title ? `slide "${slide.title}"` : 'slide';
      const err = (line: number, message: string): number => errors.push({ file, line, message });
      if (!slide.title) err(slide.line, 'slide has no title: start it with a "# " or "## " heading');
      if (slide.noteMarkers === 0) err(slide.line, `${name} has no speaker notes: add a "Note:" line and the notes after it`);
      else if (slide.noteMarkers > 1) err(slide.notesLine, `${name} has ${slide.noteMarkers} "Note:" lines; reveal.js shows notes only when there is exactly one`);
      else if (timeLine(slide, timeLabel) === undefined) err(slide.notesLine, `${name}: speaker notes need a "${timeLabel}:" line (about how long the slide takes)`);
      for (const attr of Object.keys(slide.attrs)) {
        if (!SLIDE_ATTRIBUTES.has(attr)) err(slide.attrsLine, `${name}: unknown slide attribute "${attr}"`);
      }
      const activity = slide.attrs['data-activity'];
      if (activity !== undefined && known.activities) {
        if (!known.activities.has(activity)) err(slide.attrsLine, `${name} refers to activity "${activity}", which is not in activities.yaml`);
        const earlier = usedActivities.get(activity);
        if (earlier) err(slide.attrsLine, `${name} repeats activity "${activity}" (already on ${earlier.file}:${earlier.line})`);
        usedActivities.set(activity, slide);
      }
      const groups = slide.attrs['data-resources'];
      if (groups !== undefined && known.groups) {
        for (const g of groups.split(/\s+/)) {
          if (!known.groups.has(g)) err(slide.attrsLine, `${name} refers to resource group "${g}", which is not in resources.yaml`);
        }
      }
      if (known.sources) {
        const notesFrom = slide.notesLine - slide.start;
        slide.lines.forEach((text, i) => {
          for (const id of citations(text)) {
            if (!known.sources?.has(id)) err(slide.start + i, `${name} cites source [${id}], which is not in sources.yaml`);
            else if (known.unverified.has(id) && (slide.noteMarkers === 0 || i < notesFrom)) {
              err(slide.start + i, `${name} shows source [${id}] to the room, but sources.yaml marks it unverified: cite it only in the speaker notes`);
            }
          }
        });
      }
    }
  }
}
