/**
 * The rules of the house, checked on every `npm test` and `npm run lint` (`npm run lint:deps`).
 * Each rule is named for what it protects; docs/architecture.md draws the layers they keep.
 * A broken rule fails the run and names the file and the import.
 */

/** Modules that talk to sockets, pages or a particular store: what the lower layers never import. */
const EDGES = '^server/(wire|http|report|printables)/';
const STORES = '^server/(local|redis)/';
const ENTRY = '^server/(app|main)\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Two modules that import each other cannot be understood, tested or moved apart: put what both need below both.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-is-pure',
      comment:
        'core/ holds the rules over plain data (clock and ids passed in), tested without sockets and shared with the phone: it imports other core modules, the protocol and the content types, nothing else (no Node, no package, no store, no socket).',
      severity: 'error',
      from: { path: '^server/core/' },
      to: { pathNot: ['^server/core/', '^server/protocol\\.ts$', '^server/content/schema\\.ts$'] },
    },
    {
      name: 'core-reads-content-types-only',
      comment: 'core/ may know the shape of content, never load or check it: only `import type` from content/schema.ts.',
      severity: 'error',
      from: { path: '^server/core/' },
      to: { path: '^server/content/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'store-knows-no-sockets',
      comment: 'store/ keeps records (SQLite): it never imports a live room, the wire, HTTP pages, Redis or socket.io, so the report, purge and both live stores can use it.',
      severity: 'error',
      from: { path: '^server/store/' },
      to: { path: ['^server/live/', STORES, EDGES, '^server/countdown/', ENTRY, 'node_modules/(socket\\.io|@socket\\.io|redis|@redis)/'] },
    },
    {
      name: 'contract-imports-no-implementation',
      comment: 'live/ is the contract of a live workshop and the parts both stores build on: it imports neither store (local/, redis/), no SQLite, no Redis, no edge.',
      severity: 'error',
      from: { path: '^server/live/' },
      to: { path: [STORES, EDGES, ENTRY, '^server/store/(?!store\\.ts$)', 'node_modules/(better-sqlite3|redis|@redis)/'] },
    },
    {
      name: 'stores-stay-apart',
      comment: 'The two stores implement one contract (live/): neither imports the other.',
      severity: 'error',
      from: { path: STORES },
      to: { path: STORES, pathNot: '^server/$1/' },
    },
    {
      name: 'wire-knows-only-the-contract',
      comment: 'The socket edge takes any live workshop through live/live-workshop.ts: it never imports a store or its records.',
      severity: 'error',
      from: { path: '^server/wire/' },
      to: { path: [STORES, '^server/store/', 'node_modules/(better-sqlite3|redis|@redis)/'] },
    },
    {
      name: 'store-chosen-at-the-top',
      comment: 'Only app.ts and main.ts choose where workshops are kept; everything else reaches a live workshop through the contract.',
      severity: 'error',
      from: { path: '^server/', pathNot: [STORES, ENTRY] },
      to: { path: STORES },
    },
    {
      name: 'pages-know-no-sockets',
      comment: 'HTTP pages (the report, the printables, routes) read the store and check keys with privacy/: never the socket edge, a live room or a store of live workshops.',
      severity: 'error',
      from: { path: '^server/(report|printables|http)/' },
      to: { path: ['^server/(wire|live|countdown)/', STORES, 'node_modules/socket\\.io/'] },
    },
    {
      name: 'privacy-stands-alone',
      comment: 'privacy/ holds the keys that stand for a phone and the brake on guessing a key: the store, the rooms and the pages build on it, so it imports nothing of the kit but itself.',
      severity: 'error',
      from: { path: '^server/privacy/' },
      to: { path: '^server/', pathNot: '^server/privacy/' },
    },
    {
      name: 'purge-reads-no-pages',
      comment: 'Purge (what a workshop keeps once old) reads the store\'s counts, as the report does, and never depends on a page, a socket or a live room.',
      severity: 'error',
      from: { path: '^server/purge/' },
      to: { path: [EDGES, '^server/(live|countdown)/', STORES, ENTRY] },
    },
    {
      name: 'content-is-data',
      comment: 'content/ loads and checks the workshop content: it knows the protocol, nothing of the live room, the stores or the pages.',
      severity: 'error',
      from: { path: '^server/content/' },
      to: { path: ['^server/(core|live|store|privacy|countdown)/', STORES, EDGES, ENTRY] },
    },
    {
      name: 'content-knows-no-packs',
      comment: 'content/ defines how it is read (lens.ts); a region pack lays itself over it from regions/, never the other way round.',
      severity: 'error',
      from: { path: '^server/content/' },
      to: { path: '^server/regions/' },
    },
    {
      name: 'packs-are-content',
      comment: 'regions/ reads a pack over the content: it knows the content and the protocol, nothing of the room, the stores or the pages.',
      severity: 'error',
      from: { path: '^server/regions/' },
      to: { path: ['^server/(core|live|store|privacy|countdown|pairing|purge|report|printables|rehearsal)/', STORES, EDGES, ENTRY] },
    },
    {
      name: 'nothing-imports-the-entry',
      comment: 'app.ts builds the server and main.ts starts it: only main.ts (and tests) import app.ts, and nobody imports main.ts.',
      severity: 'error',
      from: { pathNot: ['^server/main\\.ts$', '^tests/'] },
      to: { path: ENTRY },
    },
    {
      name: 'rehearsal-is-a-client',
      comment:
        "A rehearsal's simulated phones (server/rehearsal/) talk to the kit over socket.io like any phone, with the protocol: they never reach into the server (its wire, rooms, stores, pairing, privacy keys or pages), so the kit has no back door for them.",
      severity: 'error',
      from: { path: '^server/rehearsal/' },
      to: { path: ['^server/(wire|live|countdown|pairing|privacy|report|printables|http|purge|store)/', STORES, ENTRY, '^server/workshops\\.ts$', 'node_modules/(socket\\.io|better-sqlite3|redis|@redis)/'] },
    },
    {
      name: 'only-the-entry-rehearses',
      comment: 'Only main.ts starts a rehearsal: nothing else in the kit imports server/rehearsal/, so the server takes no special path for simulated phones.',
      severity: 'error',
      from: { path: '^(server|client)/', pathNot: ['^server/main\\.ts$', '^server/rehearsal/'] },
      to: { path: '^server/rehearsal/' },
    },
    {
      name: 'server-imports-no-pages',
      comment:
        "The server never imports a page (client/), with one exception shared the other way: client/connection/options.ts, how a connection opens (transports, backoff, timeout; pure), which a rehearsal's simulated phones use as the phone page does.",
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^client/', pathNot: '^client/connection/options\\.ts$' },
    },
    {
      name: 'client-imports-protocol-and-core',
      comment: 'The pages run on phones: from the server they import the protocol and pure core modules only (never Node, a store or the loader).',
      severity: 'error',
      from: { path: '^client/' },
      to: { path: '^server/', pathNot: ['^server/protocol\\.ts$', '^server/core/'] },
    },
    {
      name: 'client-knows-no-node',
      comment: 'Nothing in a page may need Node.',
      severity: 'error',
      from: { path: '^client/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'product-imports-no-tests',
      comment: 'The kit never imports its tests, the bench or the scripts.',
      severity: 'error',
      from: { path: '^(server|client)/' },
      to: { path: '^(tests|bench|scripts)/' },
    },
    {
      name: 'no-orphans',
      comment: 'A module nothing imports and that imports nothing is dead or forgotten: use it or delete it.',
      severity: 'error',
      from: { orphan: true, pathNot: ['\\.d\\.ts$', '(^|/)[^/]+\\.config\\.(js|ts|cjs|mjs)$', '^\\.dependency-cruiser\\.cjs$'] },
      to: {},
    },
    {
      name: 'imports-resolve',
      comment: 'Every import names a file or package that exists (the Vite virtual modules of the content excepted).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^virtual:' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '^node_modules/', '^tests/fixtures/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.d.ts'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: {
      mermaid: { minify: false },
    },
  },
};
