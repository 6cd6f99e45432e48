/**
 * The deck as the console needs it: every slide's key, title, speaker notes and planned
 * minutes, by section (deck file). Made from the same rendering as the deck, so a slide
 * key means the same slide on the projector and in the facilitator's hand.
 */
import type { OutlineSection, OutlineSlide } from '../protocol.ts';
import { renderSlides } from './deck.ts';
import type { Content } from './schema.ts';
import { minutesOf, planOfSlide } from './timing.ts';

// The shapes live in the protocol: the console's bundle reads them too.
export type { OutlineSection, OutlineSlide } from '../protocol.ts';

/** Every deck file of `lang` as a section of the outline, in presentation order. */
export function deckOutline(content: Content, lang: string): OutlineSection[] {
  const timeLabel = content.strings[lang]?.['notes.time'] ?? 'Time';
  return renderSlides(content, lang).map((slides, f) => {
    const seen = new Set<unknown>();
    const outline = slides.map(({ key, slide }): OutlineSlide => {
      // A source list split over several slides plans its time once.
      const minutes = seen.has(slide) ? 0 : (minutesOf(slide, timeLabel) ?? 0);
      seen.add(slide);
      const entry: OutlineSlide = { key, title: slide.title, notes: slide.notes, minutes, plan: planOfSlide(slide) };
      const activityId = slide.attrs['data-activity'];
      if (activityId) entry.activityId = activityId;
      if ('data-break' in slide.attrs) entry.break = true;
      if ('data-closing' in slide.attrs) entry.closing = true;
      return entry;
    });
    return { id: String(f), title: outline[0]?.title ?? '', slides: outline };
  });
}

/** The key of the closing slide, if the deck has one (the same key in every language). */
export function closingSlide(outline: readonly OutlineSection[]): string | undefined {
  return outline.flatMap((s) => s.slides).find((s) => s.closing)?.key;
}
