// The bench's polling-only network: a venue proxy between the phones and the kit that forwards
// every HTTP request and refuses every websocket upgrade (403), as some venue, school and
// office proxies do. The phones' websocket fails, and they go on over long-polling as the
// phone page does (client/connection/options.ts). It stands for the network, not the server:
// it runs at the phones' lower priority, and its CPU is reported apart.
// Usage: node bench/venue-proxy.mjs TARGET_URL... ; one port per target, sent over IPC as
// { ports } once listening; answers the parent's 'metrics' message (metrics.mjs). Each phone
// holds a connection to it and it one to the kit: a large room needs several (network.ts).
import { Agent, createServer, request } from 'node:http';
import { setPriority } from 'node:os';
import { reportMetrics } from './metrics.mjs';

setPriority(10);
reportMetrics();

const agent = new Agent({ keepAlive: true });
/** Headers for one hop only: a proxy does not pass them on. */
const HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade']);
const passed = (headers) => Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP.has(name)));

/** A proxy to `target` on a free port; resolves with the port. */
function proxyTo(target) {
  const { hostname, port } = new URL(target);
  const server = createServer((req, res) => {
    const upstream = request({ hostname, port, method: req.method, path: req.url, headers: passed(req.headers), agent }, (reply) => {
      res.writeHead(reply.statusCode ?? 502, passed(reply.headers));
      reply.pipe(res);
    });
    // The kit is gone (killed mid-request, or not yet back): 502, as a proxy answers.
    upstream.on('error', () => (res.headersSent ? res.destroy() : res.writeHead(502).end()));
    // The phone gave up (closed its connection): so does the request to the kit.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.on('error', () => upstream.destroy());
    req.pipe(upstream);
  });
  server.on('upgrade', (_req, socket) => {
    socket.on('error', () => socket.destroy());
    socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server.address().port)));
}

const ports = await Promise.all(process.argv.slice(2).map(proxyTo));
process.send?.({ ports });
