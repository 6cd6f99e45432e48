/**
 * Checks of a language's deck files against the rest of the content: every slide has a
 * title and speaker notes with a readable `Time:` line, refers only to activities, resource
 * groups and sources that exist, shows the room no unverified source, and the core fits
 * its slot.
 */
import type { ContentError } from './yaml-file.ts';
import type { DeckFile } from './schema.ts';
import type { Slide } from './slides.ts';
import { citations } from './slides.ts';
import { minutesOf, planOfSlide, planProblems, planTotals, timeLine } from './timing.ts';

/** Slide attributes the deck understands; anything else is most likely a typo. */
const SLIDE_ATTRIBUTES = new Set(['data-needs', 'data-join', 'data-plan', 'data-break', 'data-closing', 'data-activity', 'data-learning', 'data-qa', 'data-resources', 'data-sources', 'data-optional', 'data-timing', 'data-state', 'class', 'id']);

/** The ids a deck may refer to; a set is undefined when its file could not be read. */
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
  for (const total of planTotals(files.flatMap((f) => f.slides), label)) {
    for (const problem of planProblems(total)) errors.push({ file: deckDir, line: 1, message: problem });
  }
  // Both rounds of a knowledge check or check-in are in the same plans, or "what we learned" compares nothing.
  const rounds = new Map<string, { plan: string; file: string }>();
  for (const { file, slides } of files) {
    for (const slide of slides) {
      const round = slide.attrs['data-activity']?.match(/^(.+)\.(before|after)$/)?.[1];
      if (!round) continue;
      const seen = rounds.get(round);
      if (!seen) rounds.set(round, { plan: planOfSlide(slide), file });
      else if (seen.plan !== planOfSlide(slide)) errors.push({ file, line: slide.attrsLine, message: `slide "${slide.title}": ${round}'s two rounds must be in the same plan (this one: ${planOfSlide(slide)}; the other: ${seen.plan}, ${seen.file})` });
    }
  }
  for (const { file, slides } of files) {
    for (const slide of slides) {
      const plan = slide.attrs['data-plan'];
      if (plan !== undefined && plan !== '90') errors.push({ file, line: slide.attrsLine, message: `slide "${slide.title}": data-plan must be "90" (a slide of the 90-minute plan and the full set); mark a slide of the full set only data-optional` });
    }
  }
}

/** Every slide has a title and notes with a time line, known attributes, and refers only to what exists. */
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
