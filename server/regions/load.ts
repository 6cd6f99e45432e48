/**
 * The kit's content for a region pack: regions/NAME laid over slides/. What `npm start`,
 * the build, the report, the purge, export-help and check:content all read.
 */
import { join } from 'node:path';
import { loadContent, type Loaded } from '../content/content.ts';
import { regionLens } from './lens.ts';
import { loadRegion } from './region.ts';

/** Where the content and the packs are, when not in the kit's own slides/ and regions/. */
export interface Folders {
  slides?: string | undefined;
  regions?: string | undefined;
}

/** The content under `root` (the kit's folder) as the pack `id` presents it. */
export function loadRegionContent(root: string, id: string, folders: Folders = {}): Loaded {
  const slides = folders.slides ?? join(root, 'slides');
  const { region, errors, wordsLine } = loadRegion(folders.regions ?? join(root, 'regions'), id);
  if (!region) return { content: undefined, errors, leftOut: [] };
  return loadContent(slides, regionLens(slides, region, { file: join(region.dir, 'region.yaml'), line: wordsLine }));
}
