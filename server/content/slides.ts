/**
 * Splits a deck's Markdown file into slides the way reveal.js's Markdown plugin does
 * (a line `---` between slides, a `Note:` line before the speaker notes), so the
 * content check sees exactly the slides the audience will see.
 */

/** One slide of a Markdown file. Lines are 1-based lines of the file. */
export interface Slide {
  file: string;
  /** First line of the slide's chunk, and its lines (body and notes). */
  start: number;
  lines: string[];
  line: number;
  title: string;
  /** Attributes from the `<!-- .slide: ... -->` comment. */
  attrs: Record<string, string>;
  attrsLine: number;
  body: string;
  notes: string;
  notesLine: number;
  /** How many `Note:` lines the slide has; reveal.js drops the notes when it is not exactly 1. */
  noteMarkers: number;
}

const SLIDE_ATTRS = /<!--\s*\.slide:\s*(.*?)\s*-->/;
const ATTR = /([a-zA-Z][\w-]*)(?:="([^"]*)")?/g;
const NOTES = /^\s*notes?:/i;

/** The slides of one Markdown file. */
export function parseSlides(file: string, text: string): Slide[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const chunks: { start: number; lines: string[] }[] = [{ start: 1, lines: [] }];
  lines.forEach((line, i) => {
    if (line.trim() === '---') chunks.push({ start: i + 2, lines: [] });
    else chunks.at(-1)?.lines.push(line);
  });
  return chunks
    .filter((c) => c.lines.some((l) => l.trim() !== ''))
    .map((c) => toSlide(file, c.start, c.lines));
}

function toSlide(file: string, start: number, lines: string[]): Slide {
  const firstText = lines.findIndex((l) => l.trim() !== '');
  const heading = lines[firstText]?.match(/^#{1,3}\s+(.+)$/);
  const notesAt = lines.findIndex((l) => NOTES.test(l));
  const bodyLines = notesAt === -1 ? lines : lines.slice(0, notesAt);
  const attrsAt = bodyLines.findIndex((l) => SLIDE_ATTRS.test(l));
  const attrs: Record<string, string> = {};
  for (const m of (bodyLines[attrsAt] ?? '').match(SLIDE_ATTRS)?.[1]?.matchAll(ATTR) ?? []) {
    if (m[1]) attrs[m[1]] = m[2] ?? '';
  }
  return {
    file,
    start,
    lines,
    line: start + Math.max(firstText, 0),
    title: heading?.[1]?.trim() ?? '',
    attrs,
    attrsLine: start + Math.max(attrsAt, 0),
    body: bodyLines.join('\n'),
    notes: notesAt === -1 ? '' : lines.slice(notesAt).join('\n').replace(NOTES, '').trim(),
    notesLine: start + Math.max(notesAt, 0),
    noteMarkers: lines.filter((l) => NOTES.test(l)).length,
  };
}

/** Source numbers cited as `[5]` or `[29b]` in a piece of slide text. */
export function citations(text: string): string[] {
  return [...text.matchAll(/\[(\d+[a-z]?)\]/g)].map((m) => m[1] ?? '');
}
