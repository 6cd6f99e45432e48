/**
 * Gives the client the checked content at build time as virtual modules:
 * `virtual:deck` (the Markdown of every deck), `virtual:strings` (UI strings) and
 * `virtual:help` (the resources, for the phone's help list) and `virtual:outline` (each
 * deck's slides with their notes and planned minutes, for the console).
 * A content error stops the build with the same `file:line` messages as check:content.
 */
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { renderDeck } from '../content/deck.ts';
import { helpList } from '../content/help.ts';
import { deckOutline } from '../content/outline.ts';
import { loadRegionContent } from '../regions/load.ts';

const MODULES = {
  'virtual:deck': '\0virtual:deck',
  'virtual:strings': '\0virtual:strings',
  'virtual:help': '\0virtual:help',
  'virtual:outline': '\0virtual:outline',
} as const;

/** The content of the kit in `root` as the region pack `region` presents it. */
export function contentPlugin(root: string, region: string): Plugin {
  return {
    name: 'workshop-content',
    resolveId: (id) => (id in MODULES ? MODULES[id as keyof typeof MODULES] : undefined),
    load(id) {
      if (!Object.values(MODULES).includes(id as (typeof MODULES)[keyof typeof MODULES])) return undefined;
      const { content, errors } = loadRegionContent(root, region);
      this.addWatchFile(resolve(join(root, 'slides')));
      this.addWatchFile(resolve(join(root, 'regions', region)));
      if (!content) {
        const list = errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n');
        throw new Error(`The workshop content has errors (run npm run check:content):\n${list}`);
      }
      for (const files of Object.values(content.decks)) for (const f of files) this.addWatchFile(resolve(f.file));
      if (id === MODULES['virtual:strings']) return `export default ${JSON.stringify(pageStrings(content.strings))};`;
      if (id === MODULES['virtual:help']) {
        const help = Object.fromEntries(Object.keys(content.strings).map((lang) => [lang, helpList(content.resources, lang)]));
        return `export default ${JSON.stringify(help)};`;
      }
      if (id === MODULES['virtual:outline']) {
        const outlines = Object.fromEntries(Object.keys(content.decks).map((lang) => [lang, deckOutline(content, lang)]));
        return `export default ${JSON.stringify(outlines)};`;
      }
      const decks = Object.fromEntries(Object.keys(content.decks).map((lang) => [lang, renderDeck(content, lang)]));
      return `export default ${JSON.stringify(decks)};`;
    },
  };
}

/** Pages the server makes itself (report, guide, handout, help), and the rehearsal's simulated phones, keep their words off the pages' bundles. */
const SERVER_ONLY = /^(report|guide|handout|helpPage|rehearsal)\./;

function pageStrings(strings: Record<string, Record<string, string>>): Record<string, Record<string, string>> {
  return Object.fromEntries(Object.entries(strings).map(([lang, table]) => [lang, Object.fromEntries(Object.entries(table).filter(([key]) => !SERVER_ONLY.test(key)))]));
}
