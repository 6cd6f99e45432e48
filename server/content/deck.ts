/**
 * Turns a language's deck files into the Markdown reveal.js shows: slides marked
 * `data-resources` get the resource list from resources.yaml, a `data-sources` slide
 * becomes as many slides as the source list needs, and `data-optional` slides are hidden
 * unless the facilitator asks for the full workshop. Everything from data is HTML-escaped
 * (the HTML itself: slide-html.ts).
 */
import { escapeHtml } from './escape-html.ts';
import type { Content } from './schema.ts';
import { activityHtml, resourceList, sourceList } from './slide-html.ts';
import type { Slide } from './slides.ts';
import { planOfSlide } from './timing.ts';

const SOURCES_PER_SLIDE = 8;

/** A slide as the deck shows it: its Markdown, the slide it came from and its key. */
export interface RenderedSlide {
  /** `file.slide`, counted in the deck as shown (a long source list makes several slides). */
  key: string;
  slide: Slide;
  markdown: string;
}

/** One Markdown text per deck file, ready for reveal.js's Markdown plugin. */
export function renderDeck(content: Content, lang: string): string[] {
  return renderSlides(content, lang).map((slides) => slides.map((s) => s.markdown).join('\n\n---\n\n'));
}

/** Every slide of a language's deck, by file, each marked with its key (`data-key`). */
export function renderSlides(content: Content, lang: string): RenderedSlide[][] {
  const strings = content.strings[lang] ?? content.strings['en'] ?? {};
  const t = (key: string): string => strings[key] ?? content.strings['en']?.[key] ?? key;
  const labels = ['notes.time', 'notes.say', 'notes.tip', 'notes.verify'].map(t);
  return (content.decks[lang] ?? []).map(({ slides }, f) =>
    slides
      .map((slide) => {
        const plan = planOfSlide(slide);
        return plan === '60' ? slide : { ...slide, lines: markOptional(slide.lines, t(plan === 'full' ? 'present.optional.note' : 'present.plan90.note'), plan === 'full') };
      })
      .flatMap((slide): { slide: Slide; markdown: string }[] => {
        const activityId = slide.attrs['data-activity'];
        const activity = content.activities.find((a) => a.id === activityId);
        if (activity) return [{ slide, markdown: insertAfterAttrs(readable(slide.lines, labels), activityHtml(activity, lang, t)) }];
        const groups = slide.attrs['data-resources'];
        if (groups !== undefined) {
          const html = groups.split(/\s+/).map((g) => resourceList(content.resources.groups[g]?.entries ?? [], lang, t)).join('');
          return [{ slide, markdown: insertAfterAttrs(slide.lines, html) }];
        }
        if (slide.attrs['data-sources'] !== undefined) {
          const pages = chunk(content.sources, SOURCES_PER_SLIDE);
          return pages.map((page, i) => {
            const lines = slide.lines.map((l) => (/^#{1,3}\s/.test(l) && pages.length > 1 ? `${l} (${i + 1}/${pages.length})` : l));
            return { slide, markdown: insertAfterAttrs(lines, sourceList(page, t)) };
          });
        }
        return [{ slide, markdown: readable(slide.lines, labels).join('\n') }];
      })
      .map(({ slide, markdown }, s) => ({ key: `${f}.${s}`, slide, markdown: withKey(markdown, `${f}.${s}`) })),
  );
}

/** Marks a slide with its key, in its `.slide:` attributes (or new ones). */
function withKey(markdown: string, key: string): string {
  const attrs = /<!--\s*\.slide:(.*?)-->/;
  return attrs.test(markdown) ? markdown.replace(attrs, (_, inner: string) => `<!-- .slide:${inner.trimEnd()} data-key="${key}" -->`) : `<!-- .slide: data-key="${key}" -->\n${markdown}`;
}

const CITATIONS_ONLY = /^\s*(\[\d+[a-z]?\]\s*)+$/;

/**
 * Small touches for reading: a line of bare citations becomes a quiet source line, and
 * each labelled line of the notes (Time:, Say:, Tip:, Verify...) gets its own paragraph.
 */
function readable(lines: string[], labels: readonly string[]): string[] {
  const notesAt = lines.findIndex((l) => /^\s*notes?:/i.test(l));
  return lines.flatMap((line, i) => {
    if (notesAt !== -1 && i > notesAt) {
      const label = labels.find((l) => line.startsWith(`${l}:`));
      return label ? ['', `**${label}:**${line.slice(label.length + 1)}`] : [line];
    }
    if (CITATIONS_ONLY.test(line)) return [`<p class="source">${escapeHtml(line.trim().replace(/\]\s*\[/g, '] ['))}</p>`];
    return [line];
  });
}

/**
 * A slide that not every plan shows says so first in its notes. A slide of the full set only
 * is also hidden (reveal.js drops `data-visibility="hidden"` slides unless the deck was opened
 * with the full set's link); the deck hides a 90-minute slide itself in the 60-minute plan.
 */
function markOptional(lines: string[], note: string, hide: boolean): string[] {
  return lines.flatMap((line) => {
    if (hide && line.includes('.slide:')) return [line.replace(/\s*-->/, ' data-visibility="hidden" -->')];
    if (/^\s*notes?:/i.test(line)) return [line, `*${note}*`, ''];
    return [line];
  });
}

function insertAfterAttrs(lines: string[], html: string): string {
  const at = lines.findIndex((l) => l.includes('.slide:'));
  const copy = [...lines];
  copy.splice(at + 1, 0, '', html, '');
  return copy.join('\n');
}

function chunk<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
