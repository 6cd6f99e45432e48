/**
 * Reads a YAML content file and validates it against a schema, reporting every
 * problem as `file:line: what is wrong` so a facilitator can find and fix it.
 */
import { isMap, isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';

/** One problem in a content file, with the 1-based line it is on. */
export interface ContentError {
  file: string;
  line: number;
  message: string;
}

/** The result of reading one YAML file: its value when valid, its problems otherwise. */
export interface YamlResult<T> {
  value: T | undefined;
  /** The parsed data before validation, for cross-reference checks when validation failed. */
  raw: unknown;
  errors: ContentError[];
  /** Line of the node at a path, for checks made after the schema (cross references). */
  lineOf: (path: readonly PropertyKey[]) => number;
}

/**
 * Parses `text` (the contents of `file`) and validates it with `schema`, after `prepare`
 * (a region pack's words, content/lens.ts) when given.
 */
export function readYaml<T>(file: string, text: string, schema: z.ZodType<T>, prepare: (raw: unknown) => unknown = (raw) => raw): YamlResult<T> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  const lineAt = (offset: number): number => lines.linePos(offset).line;
  const lineOf = (path: readonly PropertyKey[]): number => nodeLine(doc, path, lineAt);

  if (doc.errors.length > 0) {
    const errors = doc.errors.map((e) => ({ file, line: e.linePos?.[0].line ?? 1, message: e.message.split('\n')[0] ?? e.code }));
    return { value: undefined, raw: undefined, errors, lineOf };
  }
  const raw: unknown = prepare(doc.toJS());
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { value: parsed.data, raw, errors: [], lineOf };

  const errors = parsed.error.issues.map((issue): ContentError => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const where = path.length > 0 ? path.join('.') : '(top level)';
    if (issue.code === 'unrecognized_keys') {
      const key = issue.keys[0] ?? '';
      return { file, line: lineOf([...path, key]), message: `${where === '(top level)' ? '' : where + ': '}unknown field "${issue.keys.join('", "')}"` };
    }
    const present = doc.getIn(path, true) !== undefined;
    if (!present && issue.code === 'invalid_type') {
      const parent = path.slice(0, -1).join('.');
      return { file, line: lineOf(path), message: `${parent ? `${parent}: ` : ''}missing field "${String(path.at(-1))}"` };
    }
    return { file, line: lineOf(path), message: `${where}: ${issue.message}` };
  });
  return { value: undefined, raw, errors, lineOf };
}

/** Line of the deepest existing node along `path` (a key's own line where there is one). */
function nodeLine(doc: Document, path: readonly PropertyKey[], lineAt: (offset: number) => number): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const parentPath = path.slice(0, Math.max(0, depth - 1));
    const parent = depth > 0 ? doc.getIn(parentPath, true) : undefined;
    if (depth > 0 && isMap(parent)) {
      const pair = parent.items.find((p) => isNode(p.key) && (p.key as { value?: unknown }).value === path[depth - 1]);
      if (pair && isNode(pair.key) && pair.key.range) return lineAt(pair.key.range[0]);
    }
    const node = doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return lineAt(node.range[0]);
  }
  return 1;
}

/** A raw YAML value as an object, or an empty one when it is not a mapping. */
export function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
