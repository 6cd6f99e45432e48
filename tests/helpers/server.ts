/** Starts the real app on port 0 with its own temporary data folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApp, type App, type AppOptions } from '../../server/app.ts';
import type { Activity, Content } from '../../server/content/content.ts';
import { loadRegionContent } from '../../server/regions/load.ts';
import { DEFAULT_REGION } from '../../server/regions/name.ts';
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

let content: Content | undefined;
/** The workshop's real content: slides/ as the default region pack (monterey-ca) presents it. */
export function realContent(): Content {
  content ??= loadRegionContent(ROOT, DEFAULT_REGION).content;
  if (!content) throw new Error('the content does not load');
  return content;
}

/** The workshop's real activities, from slides/activities.yaml. */
export function realActivities(): Activity[] {
  return realContent().activities;
}

/** Starts the app on 127.0.0.1:0; the phones' link is the server's own address. */
export async function startServer(dataDir = tempDataDir(), extra: Partial<AppOptions> = {}, listenPort = 0): Promise<Running> {
  const store = openSqliteStore(dataDir);
  const workshop = openDefaultWorkshop(store, false, Date.now());
  let port = 0;
  const app = createApp({
    store,
    workshop,
    activities: realActivities(),
    content: realContent(),
    clientDir: join(ROOT, 'dist/client'),
    joinUrl: (code) => `http://127.0.0.1:${port}/?code=${code}`,
    // Browser tests reach the kit by this name, as phones on a venue network by its address.
    allowedHosts: ['kit.test'],
    ...extra,
  });
  await new Promise<void>((ok) => app.server.listen(listenPort, '127.0.0.1', ok));
  port = (app.server.address() as AddressInfo).port;
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
