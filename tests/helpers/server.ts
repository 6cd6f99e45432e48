/** Starts the real app on port 0 with its own temporary data folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApp, type App } from '../../server/app.ts';
import { openSqliteStore } from '../../server/store/sqlite.ts';
import type { Store } from '../../server/store/store.ts';
import { openDefaultWorkshop } from '../../server/workshops.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface Running {
  app: App;
  store: Store;
  url: string;
  port: number;
  dataDir: string;
  /** Closes the server and the store; removes the data folder unless `keepData`. */
  close(keepData?: boolean): Promise<void>;
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'csec-kit-'));
}

export async function startServer(dataDir = tempDataDir()): Promise<Running> {
  const store = openSqliteStore(dataDir);
  const workshop = openDefaultWorkshop(store, false, Date.now());
  const app = createApp({ store, workshop, clientDir: join(ROOT, 'dist/client') });
  await new Promise<void>((ok) => app.server.listen(0, '127.0.0.1', ok));
  const { port } = app.server.address() as AddressInfo;
  return {
    app,
    store,
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    async close(keepData = false) {
      await app.close();
      store.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
