/**
 * The kit's server without listening: HTTP routes and pages on one port. `main.ts`
 * listens and prints the links; tests build it on port 0.
 */
import { createServer, type Server } from 'node:http';
import { securityHeaders, speakerViewScriptHash } from './http/csp.ts';
import { createRoutes } from './http/routes.ts';
import type { Store, WorkshopRecord } from './store/store.ts';

export interface AppOptions {
  store: Store;
  /** The workshop `npm start` runs. */
  workshop: WorkshopRecord;
  /** The facilitator's key when set by flag; otherwise the workshop's own. */
  hostKey?: string | undefined;
  clientDir: string;
}

export interface App {
  server: Server;
  /** The key the presenter must present. */
  hostKey: string;
  close(): Promise<void>;
}

export function createApp(options: AppOptions): App {
  const headers = securityHeaders([speakerViewScriptHash()]);
  const server = createServer({ maxHeaderSize: 8192 }, createRoutes({ clientDir: options.clientDir, headers }));
  server.headersTimeout = 20_000;
  server.requestTimeout = 30_000;
  return {
    server,
    hostKey: options.hostKey ?? options.workshop.hostKey,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
