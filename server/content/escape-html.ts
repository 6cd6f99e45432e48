/**
 * HTML escaping for every page the kit builds from content (the deck, the printables, the
 * report), so that no word written in a data file ever becomes markup.
 */
/** Escapes text for use inside HTML elements and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
