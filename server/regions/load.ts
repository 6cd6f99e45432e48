/**
 * The kit's content for a region pack: regions/NAME laid over slides/. What `npm start`,
 * the build, the report, the purge, export-help and check:content all read.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Activity } from '../content/schema.ts';
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

/**
 * Every activity any pack in `root`/regions presents (a pack that does not load adds none).
 * What purge counts against: a workshop's pack is not kept with it, and an activity one pack
 * leaves out must not lose the counts of a workshop that ran with another.
 */
export function everyPacksActivities(root: string): Activity[] {
  const regions = join(root, 'regions');
  const byId = new Map<string, Activity>();
  for (const id of existsSync(regions) ? readdirSync(regions).sort() : []) {
    for (const a of loadRegionContent(root, id).content?.activities ?? []) if (!byId.has(a.id)) byId.set(a.id, a);
  }
  return [...byId.values()];
}
