/**
 * How a region pack is named: a folder of regions/ (regions/monterey-ca, regions/us). Here
 * alone, so the settings can check a name without reading any content.
 */

/** The pack the kit runs without --region: the county the workshop was written for. */
export const DEFAULT_REGION = 'monterey-ca';

/** A pack's folder name: lowercase letters, digits and dashes. */
export const REGION_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The pack a command line names with --region (the default when none), or the one line that says why it cannot be one. */
export function regionArg(given: string | undefined): { ok: true; region: string } | { ok: false; message: string } {
  const region = given ?? DEFAULT_REGION;
  if (REGION_NAME.test(region)) return { ok: true, region };
  return { ok: false, message: `--region must be the name of a folder in regions/, like monterey-ca or us, not "${region}"` };
}

/**
 * Where the pages built for a pack go: the deck and the phone's help carry the pack's words
 * and lines, so each pack has its own build (the default's stays at dist/client).
 */
export function builtClientDir(root: string, region: string): string {
  return region === DEFAULT_REGION ? `${root}/dist/client` : `${root}/dist/regions/${region}/client`;
}
