/**
 * Checks about sources: the explanations phones show rest only on confirmed sources, and
 * every source in the list (shown to the room on the sources slides) is cited somewhere.
 */
import type { sourcesSchema } from './schema.ts';
import { citations } from './slides.ts';
import { record, type ContentError, type YamlResult } from './yaml-file.ts';
import type { z } from 'zod';

/**
 * Every phone shows an activity's explanation at the reveal, with no speaker note beside it
 * to say "verify this": it may rest only on confirmed sources. Read from the raw file, so a
 * mistake elsewhere in it does not hide this one.
 */
export function checkExplanations(result: YamlResult<unknown>, file: string, unverified: Set<string>, errors: ContentError[]): void {
  const list = record(result.raw)['activities'];
  if (!Array.isArray(list)) return;
  list.forEach((item, i) => {
    const a = record(item);
    if (typeof a['explanation'] !== 'string') return;
    const listed = Array.isArray(a['sources']) ? a['sources'].map(String) : [];
    for (const id of new Set([...citations(a['explanation']), ...listed])) {
      if (unverified.has(id)) {
        errors.push({ file, line: result.lineOf(['activities', i, 'explanation']), message: `activity "${String(a['id'])}": its explanation is shown on every phone but rests on source [${id}], which sources.yaml marks unverified` });
      }
    }
  });
}

/** A source nobody cites only lengthens the list the room sees: drop it, or cite it. */
export function checkEverySourceCited(result: YamlResult<z.infer<typeof sourcesSchema>>, file: string, texts: string[], errors: ContentError[]): void {
  const cited = new Set(texts.flatMap((t) => [...citations(t), ...[...t.matchAll(/"sources":\[([^\]]*)\]/g)].flatMap((m) => (m[1] ?? '').match(/[^",]+/g) ?? [])]));
  result.value?.sources.forEach((s, i) => {
    if (!cited.has(s.id)) errors.push({ file, line: result.lineOf(['sources', i, 'id']), message: `source [${s.id}] is not cited by any slide, activity or resource: cite it or remove it` });
  });
}
