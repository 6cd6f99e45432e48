/**
 * Which names the kit answers to. A web page on another site can point its own name at the
 * laptop's address (DNS rebinding) and so reach the kit as if it were a phone; its requests
 * carry that other name in Host. The kit answers only to its own: localhost, this computer's
 * addresses (the QR code's), PUBLIC_URL's host, and names given at start (`allowed`).
 */
import type { IncomingMessage } from 'node:http';
import { networkInterfaces } from 'node:os';

/** The host name of a Host header, lowercased, IPv6 in brackets; undefined when it is not one. */
function hostname(header: string): string | undefined {
  try {
    return new URL(`http://${header}`).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** This computer's own names and addresses, as they appear in a Host header. */
function ownNames(): Set<string> {
  const names = new Set(['localhost', '127.0.0.1', '[::1]']);
  for (const a of Object.values(networkInterfaces()).flat()) {
    if (!a) continue;
    names.add(a.family === 'IPv6' ? `[${a.address.split('%')[0]?.toLowerCase()}]` : a.address);
  }
  return names;
}

/**
 * A check of a request's Host header. Read once at start, with the machine's addresses then
 * (a laptop that moves to another network restarts the kit to print its new link anyway).
 * A request without Host (not a browser) is let through: it gains nothing a phone has not.
 */
export function hostAllowed(publicUrl: URL | undefined, allowed: readonly string[] = []): (req: IncomingMessage) => boolean {
  const names = ownNames();
  if (publicUrl) names.add(publicUrl.hostname.toLowerCase());
  for (const name of allowed) names.add(name.toLowerCase());
  return (req) => {
    const header = req.headers.host;
    if (header === undefined) return true;
    const name = hostname(header);
    return name !== undefined && names.has(name);
  };
}
