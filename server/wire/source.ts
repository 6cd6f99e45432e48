/**
 * Where a connection comes from, for the limits that need it (new phones per address, wrong
 * keys): kept in memory for a minute, never stored, never logged. Relayed by a proxy, the
 * address the proxy saw: the last one it added to X-Forwarded-For (the ones before it are
 * whatever the client claimed). A proxy on this machine (nginx in front, a loopback peer) is
 * trusted by construction; one on another machine only with --trust-proxy.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { isLoopback } from '../pairing/laptop.ts';

export function sourceOf(handshake: { address: string; headers: IncomingHttpHeaders }, trustProxy: boolean): string {
  if (!trustProxy && !isLoopback(handshake.address)) return handshake.address;
  const forwarded = handshake.headers['x-forwarded-for'];
  const last = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',').at(-1)?.trim();
  return last || handshake.address;
}
