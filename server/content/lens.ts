/**
 * How the loader sees the content folder: which file to read for each path, and what to
 * make of a file once read. Without a region pack it reads slides/ as it is; a region pack
 * (server/regions/) lays its own files, words and law over it. Defined here, implemented
 * there, so the content knows nothing of packs.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Slide } from './slides.ts';
import type { ContentError } from './yaml-file.ts';

/** The place the content is presented for, as the pages and the report name it. */
export interface Place {
  /** The pack's folder name (monterey-ca, us). */
  id: string;
  /** Its name in each language: "Monterey County, California". */
  name: Record<string, string>;
  /** The state whose law the deck states, or `none`. */
  stateLaw: string;
  /** Where the pack's help page is hosted after the workshop, if anywhere. */
  helpUrl: string | undefined;
}

export interface ContentLens {
  place: Place | undefined;
  /** The file to read for `path`, relative to the content folder. */
  file(path: string): string;
  /** The Markdown files of a language's deck, in presentation order. */
  deckFiles(lang: string): string[];
  /** A deck file's text as the deck shows it, and for each line the line of the file it came from. */
  markdown(text: string, lang: string, file: string): { text: string; from?: number[] };
  /** A YAML file's data as the pages show it, before its schema is checked. */
  data(raw: unknown, file: string): unknown;
  /** Whether the deck keeps `slide`; a problem with it goes to `errors`. */
  keepSlide(slide: Slide, errors: ContentError[]): boolean;
  /** Whether the room keeps activity `id`, from its `needs:` field; a problem with it goes to `errors`. */
  keepActivity(id: string, needs: string | undefined, errors: ContentError[]): boolean;
  /** Whether the content must cite every source of the deck's own sources.yaml. */
  citesEverySource: boolean;
  /** What the lens found wrong once every file was read (a word the pack lacks). */
  errors(): ContentError[];
}

/** slides/ as it is: no pack. */
export function plainLens(dir: string): ContentLens {
  return {
    place: undefined,
    file: (path) => join(dir, path),
    deckFiles: (lang) =>
      readdirSync(join(dir, lang))
        .filter((f) => f.endsWith('.md'))
        .sort()
        .map((f) => join(dir, lang, f)),
    markdown: (text) => ({ text }),
    data: (raw) => raw,
    keepSlide: () => true,
    keepActivity: () => true,
    citesEverySource: true,
    errors: () => [],
  };
}

/** Whether the content folder `dir` has `path`. */
export const hasFile = (dir: string, path: string): boolean => existsSync(join(dir, path));
