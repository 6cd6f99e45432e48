/** Speaker notes as paragraphs, each label (Time:, Say:, Tip:...) in bold. Text only, never HTML. */
import { el } from '../dom.ts';

export function notesElements(notes: string): HTMLElement[] {
  const plain = (text: string): string => text.replace(/\*\*?([^*]+)\*\*?/g, '$1');
  return notes
    .split(/\n+/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const m = line.match(/^([^:]{1,40}):\s(.*)$/);
      return m?.[1] && m[2] !== undefined ? el('p', '', [el('strong', '', `${plain(m[1])}: `), plain(m[2])]) : el('p', '', plain(line));
    });
}
