/**
 * The rules of the house (.dependency-cruiser.cjs) hold on the kit, and each one fails the run
 * with the file and the import when a bad import is planted (in a throwaway tree shaped like
 * the kit's, so the real one is never touched).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/server.ts';

const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const DEPCRUISE = join(ROOT, 'node_modules/.bin/depcruise');

function cruise(cwd: string, places: string[]): { status: number | null; output: string } {
  const run = spawnSync(DEPCRUISE, [...places, '--config', CONFIG, '--output-type', 'err'], { cwd, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** Each rule, a planted tree that breaks it, and the line the run must print. */
const PLANTS: { rule: string; files: Record<string, string>; line: string }[] = [
  {
    rule: 'no-circular',
    files: { 'server/content/loader.ts': "import { b } from './check.ts';\nexport const a = b;", 'server/content/check.ts': "import { a } from './loader.ts';\nexport const b = () => a;" },
    line: 'no-circular: server/content/check.ts → server/content/loader.ts → server/content/check.ts',
  },
  { rule: 'core-is-pure', files: { 'server/core/rules.ts': "import { guard } from '../wire/guard.ts';\nexport const r = guard;", 'server/wire/guard.ts': 'export const guard = 1;' }, line: 'core-is-pure: server/core/rules.ts → server/wire/guard.ts' },
  {
    rule: 'core-reads-content-types-only',
    files: { 'server/core/tally.ts': "import { TRANSLATIONS } from '../content/schema.ts';\nexport const t = TRANSLATIONS;", 'server/content/schema.ts': 'export const TRANSLATIONS = [];' },
    line: 'core-reads-content-types-only: server/core/tally.ts → server/content/schema.ts',
  },
  { rule: 'store-knows-no-sockets', files: { 'server/store/records.ts': "import { live } from '../live/contract.ts';\nexport const s = live;", 'server/live/contract.ts': 'export const live = 1;' }, line: 'store-knows-no-sockets: server/store/records.ts → server/live/contract.ts' },
  {
    rule: 'contract-imports-no-implementation',
    files: { 'server/live/live-workshop.ts': "import { room } from '../redis/redis-room.ts';\nexport const w = room;", 'server/redis/redis-room.ts': 'export const room = 1;' },
    line: 'contract-imports-no-implementation: server/live/live-workshop.ts → server/redis/redis-room.ts',
  },
  { rule: 'stores-stay-apart', files: { 'server/local/room.ts': "import { ballots } from '../redis/ballots.ts';\nexport const r = ballots;", 'server/redis/ballots.ts': 'export const ballots = 1;' }, line: 'stores-stay-apart: server/local/room.ts → server/redis/ballots.ts' },
  { rule: 'wire-knows-only-the-contract', files: { 'server/wire/host.ts': "import { open } from '../store/sqlite.ts';\nexport const h = open;", 'server/store/sqlite.ts': 'export const open = 1;' }, line: 'wire-knows-only-the-contract: server/wire/host.ts → server/store/sqlite.ts' },
  { rule: 'store-chosen-at-the-top', files: { 'server/workshops.ts': "import { rooms } from './local/workshops.ts';\nexport const w = rooms;", 'server/local/workshops.ts': 'export const rooms = 1;' }, line: 'store-chosen-at-the-top: server/workshops.ts → server/local/workshops.ts' },
  { rule: 'pages-know-no-sockets', files: { 'server/report/routes.ts': "import { brake } from '../wire/brake.ts';\nexport const r = brake;", 'server/wire/brake.ts': 'export const brake = 1;' }, line: 'pages-know-no-sockets: server/report/routes.ts → server/wire/brake.ts' },
  { rule: 'privacy-stands-alone', files: { 'server/privacy/keys.ts': "import { record } from '../store/records.ts';\nexport const k = record;" }, line: 'privacy-stands-alone: server/privacy/keys.ts → server/store/records.ts' },
  { rule: 'purge-reads-no-pages', files: { 'server/purge/purge.ts': "import { counts } from '../report/counts.ts';\nexport const p = counts;", 'server/report/counts.ts': 'export const counts = 1;' }, line: 'purge-reads-no-pages: server/purge/purge.ts → server/report/counts.ts' },
  { rule: 'content-is-data', files: { 'server/content/deck.ts': "import { store } from '../store/interface.ts';\nexport const d = store;", 'server/store/interface.ts': 'export const store = 1;' }, line: 'content-is-data: server/content/deck.ts → server/store/interface.ts' },
  { rule: 'content-knows-no-packs', files: { 'server/content/reader.ts': "import { words } from '../regions/words.ts';\nexport const l = words;", 'server/regions/words.ts': 'export const words = 1;' }, line: 'content-knows-no-packs: server/content/reader.ts → server/regions/words.ts' },
  { rule: 'packs-are-content', files: { 'server/regions/lens.ts': "import { room } from '../live/room.ts';\nexport const l = room;", 'server/live/room.ts': 'export const room = 1;' }, line: 'packs-are-content: server/regions/lens.ts → server/live/room.ts' },
  { rule: 'nothing-imports-the-entry', files: { 'server/wire/live.ts': "import { app } from '../app.ts';\nexport const l = app;", 'server/app.ts': 'export const app = 1;' }, line: 'nothing-imports-the-entry: server/wire/live.ts → server/app.ts' },
  {
    rule: 'client-imports-protocol-and-core',
    files: { 'client/join/help.ts': "import { help } from '../../server/content/help.ts';\nexport const h = help;", 'server/content/help.ts': 'export const help = 1;' },
    line: 'client-imports-protocol-and-core: client/join/help.ts → server/content/help.ts',
  },
  { rule: 'client-knows-no-node', files: { 'client/join/device.ts': "import { randomBytes } from 'node:crypto';\nexport const d = randomBytes;" }, line: 'client-knows-no-node: client/join/device.ts → crypto' },
  { rule: 'rehearsal-is-a-client', files: { 'server/rehearsal/phone.ts': "import { door } from '../wire/back-door.ts';\nexport const p = door;", 'server/wire/back-door.ts': 'export const door = 1;' }, line: 'rehearsal-is-a-client: server/rehearsal/phone.ts → server/wire/back-door.ts' },
  { rule: 'server-imports-no-pages', files: { 'server/rehearsal/screen.ts': "import { t } from '../../client/i18n.ts';\nexport const s = t;", 'client/i18n.ts': 'export const t = 1;' }, line: 'server-imports-no-pages: server/rehearsal/screen.ts → client/i18n.ts' },
  { rule: 'only-the-entry-rehearses', files: { 'server/wire/rehearse.ts': "import { room } from '../rehearsal/room.ts';\nexport const r = room;", 'server/rehearsal/room.ts': 'export const room = 1;' }, line: 'only-the-entry-rehearses: server/wire/rehearse.ts → server/rehearsal/room.ts' },
  { rule: 'product-imports-no-tests', files: { 'server/links.ts': "import { seed } from '../tests/helpers/seed.ts';\nexport const l = seed;", 'tests/helpers/seed.ts': 'export const seed = 1;' }, line: 'product-imports-no-tests: server/links.ts → tests/helpers/seed.ts' },
  { rule: 'no-orphans', files: { 'server/forgotten.ts': 'export const forgotten = 1;' }, line: 'no-orphans: server/forgotten.ts' },
  { rule: 'imports-resolve', files: { 'server/paths.ts': "import { gone } from './moved-away.ts';\nexport const p = gone;" }, line: 'imports-resolve: server/paths.ts → ./moved-away.ts' },
];

describe('the rules of the house', () => {
  it('hold on the kit: no circular import, no import against the layers', () => {
    const run = cruise(ROOT, ['server', 'client', 'scripts', 'bench', 'tests']);
    expect(run.output).toContain('no dependency violations found');
    expect(run.status).toBe(0);
  });

  it("docs/architecture.md draws the house as it is (npm run graph's output)", () => {
    const graph = spawnSync('npm', ['run', '-s', 'graph'], { cwd: ROOT, encoding: 'utf8' });
    expect(graph.status).toBe(0);
    const doc = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');
    const drawn = /```mermaid\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(drawn, 'run npm run -s graph and paste its output into docs/architecture.md').toBe(graph.stdout.trim());
  });

  describe('fail on a planted bad import, naming the rule, the file and the import', () => {
    let tree: string;
    let run: { status: number | null; output: string };
    beforeAll(() => {
      tree = mkdtempSync(join(tmpdir(), 'csec-house-'));
      writeFileSync(join(tree, 'tsconfig.json'), JSON.stringify({ compilerOptions: { allowImportingTsExtensions: true, noEmit: true, module: 'ESNext', moduleResolution: 'Bundler' } }));
      for (const plant of PLANTS) {
        for (const [file, text] of Object.entries(plant.files)) {
          mkdirSync(dirname(join(tree, file)), { recursive: true });
          writeFileSync(join(tree, file), `${text}\n`);
        }
      }
      run = cruise(tree, ['server', 'client', 'tests']);
    });
    afterAll(() => rmSync(tree, { recursive: true, force: true }));

    it('fails the run', () => {
      expect(run.status).not.toBe(0);
    });

    it.each(PLANTS.map((p) => [p.rule, p.line] as const))('%s', (_rule, line) => {
      // The reporter wraps long chains over lines.
      expect(run.output.replace(/\s+/g, ' ')).toContain(`error ${line}`);
    });

    it('checks every rule of the config', async () => {
      const { default: config } = (await import(CONFIG)) as { default: { forbidden: { name: string }[] } };
      expect(PLANTS.map((p) => p.rule).sort()).toEqual(config.forbidden.map((r) => r.name).sort());
    });
  });
});
