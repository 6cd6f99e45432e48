/**
 * What of the deck a pack keeps. Slides and activities that state California's law are
 * marked `data-needs="state-law"` (an activity: `needs: state-law`), and slides that stand in
 * for them where there is no state law `data-needs="no-state-law"`. A pack with
 * `state-law: none` leaves the first out and keeps the second, and the kit says which at start.
 */
import type { ContentError } from '../content/yaml-file.ts';
import type { Slide } from '../content/slides.ts';

export const NEEDS = ['state-law', 'no-state-law'] as const;
/** The state whose law the deck's own state-law slides state. */
export const DECK_STATE = 'california';

/** Whether a slide or activity marked `needs` stays in a pack with this `stateLaw`. */
export function kept(needs: string | undefined, stateLaw: string): boolean {
  if (needs === 'state-law') return stateLaw !== 'none';
  if (needs === 'no-state-law') return stateLaw === 'none';
  return true;
}

/**
 * A pack naming a state other than California must bring its own version of each file that
 * holds a state-law slide; otherwise California's law would be presented as its own.
 */
export function checkStateLaw(slide: Slide, fromPack: boolean, stateLaw: string, packDir: string, errors: ContentError[]): void {
  const needs = slide.attrs['data-needs'];
  if (needs !== undefined && !(NEEDS as readonly string[]).includes(needs)) {
    errors.push({ file: slide.file, line: slide.attrsLine, message: `slide "${slide.title}": data-needs must be one of ${NEEDS.join(', ')}, not "${needs}"` });
  }
  if (needs === 'state-law' && !fromPack && stateLaw !== 'none' && stateLaw !== DECK_STATE) {
    const name = slide.file.split(/[\\/]/).slice(-2).join('/');
    errors.push({
      file: slide.file,
      line: slide.attrsLine,
      message: `slide "${slide.title}" states California's law, and the pack says state-law: ${stateLaw}: write ${stateLaw}'s version in ${packDir}/${name}, or say state-law: none to leave these slides out`,
    });
  }
}
