declare module 'virtual:deck' {
  /** Markdown of each deck file, by language, in presentation order. */
  const decks: Record<string, string[]>;
  export default decks;
}
declare module 'virtual:strings' {
  /** UI strings by language; `en` has every key. */
  const strings: Record<string, Record<string, string>>;
  export default strings;
}
declare module 'virtual:help' {
  /** The phone's help list (every resource), by language. */
  const help: Record<string, import('../server/protocol.ts').HelpGroup[]>;
  export default help;
}
declare module 'virtual:outline' {
  /** Each deck's sections and slides (key, title, notes, planned minutes), by language. */
  const outlines: Record<string, import('../server/protocol.ts').OutlineSection[]>;
  export default outlines;
}
