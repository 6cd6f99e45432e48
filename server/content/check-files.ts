/**
 * Checks of the data files (sources.yaml, activities.yaml, resources.yaml) that their
 * schemas cannot make: ids are unique, an activity's answer is one of its options and a
 * scale's top is above its bottom, an activity cites only listed sources, and every
 * resource can be reached.
 */
import type { z } from 'zod';
import type { activitiesSchema, Resources } from './schema.ts';
import { citations } from './slides.ts';
import type { ContentError, YamlResult } from './yaml-file.ts';

/** Each id once; `lineOf(i)` is the line of the i-th id, `what` names the thing in the message. */
export function checkUnique(ids: string[], lineOf: (i: number) => number, what: string, errors: ContentError[], file: string): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) errors.push({ file, line: lineOf(i), message: `${what} id "${id}" is used twice` });
    seen.add(id);
  });
}

/** activities.yaml; `sourceIds` is undefined when sources.yaml could not be read. */
export function checkActivities(result: YamlResult<z.infer<typeof activitiesSchema>>, file: string, sourceIds: Set<string> | undefined, errors: ContentError[]): void {
  const list = result.value?.activities ?? [];
  checkUnique(list.map((a) => a.id), (i) => result.lineOf(['activities', i, 'id']), 'activity', errors, file);
  list.forEach((a, i) => {
    const at = (key: string): number => result.lineOf(['activities', i, key]);
    if ('answer' in a && a.answer !== undefined && 'options' in a && a.answer >= a.options.length) {
      errors.push({ file, line: at('answer'), message: `activity "${a.id}": answer ${a.answer} is not one of its ${a.options.length} options (counting from 0)` });
    }
    if (a.kind === 'scale' && a.min >= a.max) errors.push({ file, line: at('max'), message: `activity "${a.id}": max must be above min` });
    const cited = [...(a.sources ?? []), ...citations(JSON.stringify(a))];
    for (const id of cited) {
      if (sourceIds && !sourceIds.has(id)) errors.push({ file, line: at('sources'), message: `activity "${a.id}" cites source [${id}], which is not in sources.yaml` });
    }
  });
}

/** resources.yaml: unique ids, and a way to reach every line. */
export function checkResources(result: YamlResult<Resources>, file: string, errors: ContentError[]): void {
  // A copied template's blanks (___) are named one by one, so a trainer sees all that is left.
  const said = new Set(result.errors.map((e) => e.line));
  for (const path of blanks(result.raw, [])) {
    const line = result.lineOf(path);
    if (!said.has(line)) errors.push({ file, line, message: `${path.join('.')}: still ___: fill it in` });
  }
  // The guide's referral flow names resources by id: one id, one line.
  const entries = Object.entries(result.value?.groups ?? {}).flatMap(([group, g]) => g.entries.map((r, i) => ({ id: r.id, at: ['groups', group, 'entries', i, 'id'] })));
  const withId = entries.filter((e) => e.id !== undefined);
  checkUnique(withId.map((e) => e.id ?? ''), (i) => result.lineOf(withId[i]?.at ?? []), 'resource', errors, file);
  for (const [group, { entries }] of Object.entries(result.value?.groups ?? {})) {
    entries.forEach((r, i) => {
      if (!r.phone && !r.text && !r.web) {
        errors.push({ file, line: result.lineOf(['groups', group, 'entries', i, 'name']), message: `"${r.name}" needs a phone, a text line or a web address` });
      }
    });
  }
}

/** Paths to every string of `value` still holding a blank (___), as the template writes them. */
function blanks(value: unknown, path: (string | number)[]): (string | number)[][] {
  if (typeof value === 'string') return value.includes('___') ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => blanks(v, [...path, i]));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => blanks(v, [...path, k]));
  return [];
}
