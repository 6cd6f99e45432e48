/**
 * The real app on every interface, as `npm start` listens, reached two ways: from the laptop
 * itself (loopback) and as a phone on the venue's network would (this computer's network
 * address; without one, a request relayed by a proxy on this computer, which counts as the
 * network too).
 */
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createApp, type App, type AppOptions } from '../../server/app.ts';
import { lanAddress } from '../../server/links.ts';
import { openSqliteStore } from '../../server/store/sqlite.ts';
import type { Store } from '../../server/store/store.ts';
import { openDefaultWorkshop } from '../../server/workshops.ts';
import { realActivities, realContent, ROOT, tempDataDir } from './server.ts';

export interface LanKit {
  app: App;
  store: Store;
  /** The running workshop's join code. */
  code: string;
  /** This computer as the laptop's browser reaches it. */
  local: string;
  /** This computer as another machine on the network reaches it, with the headers to send. */
  remote: { url: string; headers: Record<string, string> };
  close(): Promise<void>;
}

export async function startLanKit(extra: Partial<AppOptions> = {}): Promise<LanKit> {
  const dataDir = tempDataDir();
  const store = openSqliteStore(dataDir);
  const workshop = openDefaultWorkshop(store, false, Date.now());
  const app = createApp({ store, workshop, activities: realActivities(), content: realContent(), clientDir: join(ROOT, 'dist/client'), joinUrl: (code) => `/?code=${code}`, ...extra });
  await new Promise<void>((ok) => app.server.listen(0, '0.0.0.0', ok));
  const { port } = app.server.address() as AddressInfo;
  const lan = lanAddress();
  return {
    app,
    store,
    code: workshop.code,
    local: `http://127.0.0.1:${port}`,
    remote: lan ? { url: `http://${lan}:${port}`, headers: {} } : { url: `http://127.0.0.1:${port}`, headers: { 'x-forwarded-for': '192.0.2.50' } },
    async close() {
      await app.close();
      store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
