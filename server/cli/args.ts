/**
 * Reading the kit's command lines (npm start, report, purge) with node:util parseArgs: strict,
 * no positional arguments, and every mistake as one short line a facilitator can act on.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export type ArgValues = Record<string, string | boolean | undefined>;

/** The flags' values, or the one-line reason they could not be read. */
export function readArgs(argv: readonly string[], options: NonNullable<ParseArgsConfig['options']>): { ok: true; values: ArgValues } | { ok: false; message: string } {
  try {
    return { ok: true, values: parseArgs({ args: [...argv], strict: true, allowPositionals: false, options }).values as ArgValues };
  } catch (error) {
    return { ok: false, message: describeArgError(error) };
  }
}

/** A flag's text, when it was given one. */
export function textOf(values: ArgValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

function describeArgError(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = message.match(/'(-[^' ]+)/)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option} (see --help)`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `option ${option} needs a value`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${message.match(/'([^']+)'/)?.[1] ?? ''} (options start with --; see --help)`;
    default:
      return message.split('\n')[0] ?? 'bad arguments';
  }
}
