/**
 * What the take-home pages share: their words cite sources.yaml as [n], which a parent or a
 * young person does not need in the middle of a sentence. The pages print the words without
 * the marks and name every source they rest on in small print, so anyone can look it up; the
 * facilitator guide lists them in full. Also: a line of resources.yaml by `id`, as a page
 * prints it.
 */
import type { Content } from '../content/content.ts';
import { helpEntry, type HelpEntry } from '../content/help.ts';
import type { Source } from '../content/schema.ts';
import { citations } from '../content/slides.ts';
import { resourceById } from './referral-flow.ts';

/** `text` without its [n] citation marks. */
export function uncited(text: string): string {
  return text.replace(/\s*\[\d+[a-z]?\]/g, '').trim();
}

/**
 * A source as a reader finds it: the name its title opens with (up to the first comma) and
 * its website, "National Children's Advocacy Center (nationalcac.org)".
 */
export function sourceName(s: Source): string {
  const name = s.title.split(', ')[0] ?? s.title;
  const url = s.url ?? s.urls?.[0];
  const site = url ? new URL(url).hostname.replace(/^www\./, '') : '';
  return site ? `${name} (${site})` : name;
}

/** The names of the sources that `words` (any tree of strings) cites, in order of first citation. */
export function citedSources(content: Content, words: unknown): string[] {
  const ids = [...new Set(citations(JSON.stringify(words)))];
  return ids.flatMap((id) => content.sources.find((s) => s.id === id) ?? []).map(sourceName);
}

/** The lines of resources.yaml named by `ids`, in one language (the check makes sure each exists). */
export function linesById(content: Content, ids: readonly string[], lang: string): HelpEntry[] {
  return ids.flatMap((id) => {
    const r = resourceById(content, id);
    return r ? [helpEntry(r, lang)] : [];
  });
}
