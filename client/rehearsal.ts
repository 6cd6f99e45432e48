/**
 * The REHEARSAL label of the deck and the console, shown while the kit says it runs a rehearsal
 * (`rehearsal` in the room's state, `npm start -- --rehearse`): nobody takes a practice run
 * with simulated phones for the night itself, or the night for a practice run.
 */
import { el } from './dom.ts';

/** Shows the label as the first child of `parent` (or removes it), with its words; true when it appeared or went. */
export function markRehearsal(parent: Element, on: boolean, title: string, detail: string): boolean {
  const changed = document.body.classList.contains('rehearsal') !== on;
  document.body.classList.toggle('rehearsal', on);
  const shown = parent.querySelector(':scope > .rehearsal-label');
  if (!on) {
    shown?.remove();
    return changed;
  }
  const label = shown ?? parent.insertBefore(el('p', 'rehearsal-label'), parent.firstChild);
  label.setAttribute('role', 'note');
  label.replaceChildren(el('strong', '', title), ` ${detail}`);
  return changed;
}
