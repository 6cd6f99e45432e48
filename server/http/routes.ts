/**
 * The kit's HTTP routes: `/healthz`, then the built pages and assets served by sirv
 * (precompressed brotli/gzip, long caching for hashed assets, none for pages).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import sirv from 'sirv';

/**
 * A page the server makes itself (the report, the guide...): answers and returns true when
 * `path` is its own, returns false otherwise. Only GET and HEAD reach it.
 */
export type PageHandler = (req: IncomingMessage, res: ServerResponse, path: string) => boolean;

export interface RoutesOptions {
  /** The built client (dist/client). */
  clientDir: string;
  headers: Record<string, string>;
  /** Tried in order before the built files. */
  pages?: readonly PageHandler[];
  /** Whether the request's Host is one of the kit's own names (hosts.ts): others get 421. */
  hostAllowed?: (req: IncomingMessage) => boolean;
}

/** A request handler for `http.createServer`. */
export function createRoutes({ clientDir, headers, pages = [], hostAllowed = () => true }: RoutesOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const assets = sirv(clientDir, {
    dev: false,
    etag: true,
    gzip: true,
    brotli: true,
    extensions: ['html'],
    setHeaders: (res, pathname) => {
      // Vite puts content hashes in asset names, so they never change; pages always may.
      res.setHeader('Cache-Control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });

  return (req, res) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (!hostAllowed(req)) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' }).end('This is not the name of this workshop kit.\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method not allowed\n');
      return;
    }
    if (path === '/healthz') {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end('{"ok":true}');
      return;
    }
    for (const page of pages) if (page(req, res, path)) return;
    // Only the pages by their names: /index.html and /present.html are not separate routes.
    if (/\.html$/.test(path)) return notFound(res);
    assets(req, res, () => notFound(res));
  };
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
}
