/**
 * `npm run export-help -- --out DIR [--region NAME]`: writes the help page as static files
 * for an organization to host (server/printables/help-export.ts), then says what it wrote
 * and what to do next. Exit 2: bad arguments; 1: the content has problems, or DIR is
 * someone's folder.
 */
import { resolve } from 'node:path';
import { kitRoot } from '../server/paths.ts';
import { loadRegionContent } from '../server/regions/load.ts';
import { DEFAULT_REGION } from '../server/regions/name.ts';
import { EXPORT_USAGE, exportPages, parseExportArgs, writeExport } from '../server/printables/help-export.ts';

function fail(message: string, code: number): never {
  console.error(`error: ${message}`);
  process.exit(code);
}

const parsed = parseExportArgs(process.argv.slice(2));
if (!parsed.ok) fail(parsed.message, 2);
const { args } = parsed;
if (args.help) {
  console.log(EXPORT_USAGE);
  process.exit(0);
}

const { content, errors } = loadRegionContent(kitRoot(import.meta.dirname), args.region);
if (!content) {
  for (const e of errors) console.error(`${e.file}:${e.line}: ${e.message}`);
  fail(`the workshop content (region pack ${args.region}) has problems (listed above); nothing was written`, 1);
}

const dir = resolve(args.out);
const pages = exportPages(content, new Date());
const written = writeExport(dir, pages);
if (!written.ok) fail(written.message, 1);

const place = content.place?.name['en'] ?? args.region;
const lines = Object.values(content.resources.groups).reduce((n, g) => n + g.entries.length, 0);
const own = content.place?.helpUrl;
console.log(
  [
    `Wrote the help page for ${place} (${lines} lines to call or text, with a quick exit) to ${dir}:`,
    ...pages.map((p) => `  ${p.file.padEnd(12)}${content.strings[p.lang]?.['language.name'] ?? p.lang}`),
    `Open ${resolve(dir, 'index.html')} in a browser to check it: it needs no server and no internet.`,
    '',
    "Next: upload the folder's files to your organization's web site, as they are (any host will",
    'do: they are plain HTML, with nothing fetched from elsewhere). Then start the kit with the',
    "folder's address, so the handout's QR code and the phones' \"keep this page\" link open it:",
    `  npm start -- --help-url https://your-organization.example/help/${args.region === DEFAULT_REGION ? '' : ` --region ${args.region}`}`,
    own
      ? `The ${args.region} pack already names ${own} as its help page: upload the files there, and the kit uses it without --help-url.`
      : `Or write the address into the pack once, as help-url: in regions/${args.region}/region.yaml.`,
    'When a number changes: update the pack, export again and upload again.',
  ].join('\n'),
);
