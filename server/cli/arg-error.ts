/** node:util parseArgs errors as one short line a facilitator can act on (shared by the kit's scripts). */
export function describeArgError(error: unknown): string {
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
