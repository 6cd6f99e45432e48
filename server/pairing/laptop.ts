/**
 * Whether a request comes from the laptop the kit runs on: what the host key and the reports
 * are kept to. The address alone is not enough: a reverse proxy (nginx, a tunnel) on the same
 * machine connects from loopback too, and says so in a forwarding header, so such a request
 * counts as coming from the network. Nothing here is kept or logged.
 */
import type { IncomingHttpHeaders } from 'node:http';

/** Headers a proxy adds for the client it relays (nginx, Caddy, Cloudflare, ngrok...). */
const FORWARDED = ['forwarded', 'x-forwarded-for', 'x-real-ip', 'x-forwarded-host', 'x-forwarded-proto', 'via', 'cf-connecting-ip', 'true-client-ip'];

/** What is needed of a request or a socket.io handshake. */
export interface Caller {
  address: string | undefined;
  headers: IncomingHttpHeaders;
}

/** True for 127.0.0.0/8, ::1 and IPv4 loopback written as IPv6. */
export function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4 === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/** True when `caller` is a browser on this computer, not relayed by a proxy. */
export function onTheLaptop(caller: Caller): boolean {
  return isLoopback(caller.address) && FORWARDED.every((name) => caller.headers[name] === undefined);
}

/**
 * Where the host key may be shown: on the laptop, or anywhere when the kit is served over
 * HTTPS (PUBLIC_URL https://) and the request came that way (the HTTPS proxy in front says
 * `X-Forwarded-Proto: https`), where it never crosses a network in clear. Over plain HTTP on
 * the venue's Wi-Fi, never, not even to the port behind the proxy: the console pairs instead.
 */
export function hostKeyAllowed(caller: Caller, publicUrl: URL | undefined): boolean {
  return onTheLaptop(caller) || (publicUrl?.protocol === 'https:' && caller.headers['x-forwarded-proto'] === 'https');
}

/**
 * Where a request comes from, for limits held in memory for a minute (new phones, wrong
 * secrets), never stored or logged. Relayed by a proxy, the address the proxy saw: the last
 * one it added to X-Forwarded-For (the ones before it are whatever the client claimed). A
 * proxy on this machine (a loopback peer, nginx in front) is trusted by construction; one on
 * another machine only with --trust-proxy.
 */
export function sourceOf(caller: { address: string | undefined; headers: IncomingHttpHeaders }, trustProxy = false): string {
  const address = caller.address ?? '';
  if (!trustProxy && !isLoopback(address)) return address;
  const forwarded = caller.headers['x-forwarded-for'];
  const last = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',').at(-1)?.trim();
  return last || address;
}
