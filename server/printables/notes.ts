/**
 * Speaker notes for print: the little Markdown they use, and no more. Paragraphs are split
 * on blank lines; each labelled line (Time:, Say:, Tip:, Verify before presenting:) starts
 * its own paragraph with its label in bold, as on the deck's speaker view; lines starting
 * with "- " are list items; **bold** and *italic* are kept. Everything else is text,
 * escaped: notes are written by facilitators, not trusted as HTML.
 */
import { escapeHtml } from '../content/escape-html.ts';

/** Escaped text with **bold** and *italic*. */
function inline(text: string): string {
  return escapeHtml(text)
    .replace(/\*\*(\S(?:.*?\S)?)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*\w])\*(\S(?:[^*]*?\S)?)\*(?![*\w])/g, '$1<em>$2</em>');
}

/** The notes as HTML; `labels` are the notes' line labels in the deck's language. */
export function notesHtml(notes: string, labels: readonly string[]): string {
  const out: string[] = [];
  for (const block of notes.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    let paragraph: string[] = [];
    let items: string[] = [];
    const flushParagraph = (): void => {
      if (paragraph.length === 0) return;
      const text = paragraph.join(' ');
      const label = labels.find((l) => text.startsWith(`${l}:`));
      out.push(label ? `<p><strong>${escapeHtml(label)}:</strong>${inline(text.slice(label.length + 1))}</p>` : `<p>${inline(text)}</p>`);
      paragraph = [];
    };
    const flushList = (): void => {
      if (items.length > 0) out.push(`<ul>${items.map((i) => `<li>${inline(i)}</li>`).join('')}</ul>`);
      items = [];
    };
    for (const line of block.split('\n').map((l) => l.trim()).filter((l) => l !== '')) {
      const item = line.match(/^[-*]\s+(.*)$/);
      if (item) {
        flushParagraph();
        items.push(item[1] ?? '');
      } else {
        flushList();
        if (labels.some((l) => line.startsWith(`${l}:`))) flushParagraph();
        paragraph.push(line);
      }
    }
    flushParagraph();
    flushList();
  }
  return out.join('\n');
}
