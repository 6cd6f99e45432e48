/**
 * Gives the client the checked content at build time as virtual modules:
 * `virtual:deck` (the Markdown of every deck), `virtual:strings` (UI strings) and
 * `virtual:help` (the resources, for the phone's help list) and `virtual:outline` (each
 * deck's slides with their notes and planned minutes, for the console).
 * A content error stops the build with the same `file:line` messages as check:content.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { loadContent } from './content.ts';
import { renderDeck } from './deck.ts';
import { helpList } from './help.ts';
import { deckOutline } from './outline.ts';

const MODULES = {
  'virtual:deck': '\0virtual:deck',
  'virtual:strings': '\0virtual:strings',
  'virtual:help': '\0virtual:help',
  'virtual:outline': '\0virtual:outline',
} as const;

export function contentPlugin(dir: string): Plugin {
  return {
    name: 'workshop-content',
    resolveId: (id) => (id in MODULES ? MODULES[id as keyof typeof MODULES] : undefined),
    load(id) {
      if (!Object.values(MODULES).includes(id as (typeof MODULES)[keyof typeof MODULES])) return undefined;
      const { content, errors } = loadContent(dir);
      this.addWatchFile(resolve(dir));
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

/** Pages the server makes itself (report, guide, handout, help) keep their words off the phone's bundle. */
const SERVER_ONLY = /^(report|guide|handout|helpPage)\./;

function pageStrings(strings: Record<string, Record<string, string>>): Record<string, Record<string, string>> {
  return Object.fromEntries(Object.entries(strings).map(([lang, table]) => [lang, Object.fromEntries(Object.entries(table).filter(([key]) => !SERVER_ONLY.test(key)))]));
}
