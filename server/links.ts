/**
 * The links `npm start` prints: the presenter's and the report's (on this computer, with the
 * key), the attendees' (this computer's address on the venue network, or PUBLIC_URL) and the
 * console's pairing link (the attendees' address, with a single-use code, never the key).
 */
import { networkInterfaces } from 'node:os';
import type { PlanId } from './protocol.ts';

/** This computer's IPv4 address on the local network, preferring private (venue Wi-Fi) ranges. */
export function lanAddress(): string | undefined {
  const candidates = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);
  const isPrivate = (ip: string): boolean => /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(ip);
  return candidates.find(isPrivate) ?? candidates[0];
}

export interface Links {
  /** The deck, one link per plan (the 60-minute essentials, the 90-minute town hall, the full set). */
  presenter: Record<PlanId, string>;
  attendee: string;
  /** The console, for the facilitator's own phone: on the network, never with the key (see `pairingLink`). */
  console: string;
  /** The report (results to take home), on this computer, with the key. */
  report: string;
  /** The facilitator guide and the attendee handout, to print (no key). */
  guide: string;
  handout: string;
  /** True when no network address was found and the attendee link is localhost-only. */
  localOnly: boolean;
}

/** Builds the printed links for a server listening on `port`. */
export function buildLinks(port: number, hostKey: string, publicUrl: URL | undefined, lan = lanAddress(), lang = 'en'): Links {
  const key = encodeURIComponent(hostKey);
  const language = lang === 'en' ? '' : `lang=${lang}&`;
  const local = `http://localhost:${port}`;
  const attendee = publicUrl ? withSlash(publicUrl.href) : `http://${lan ?? 'localhost'}:${port}/`;
  return {
    presenter: { '60': `${local}/present?${language}plan=60&key=${key}`, '90': `${local}/present?${language}plan=90&key=${key}`, full: `${local}/present?${language}full&key=${key}` },
    attendee,
    console: `${attendee}host${lang === 'en' ? '' : `?lang=${lang}`}`,
    report: `${local}/report?${language}key=${key}`,
    guide: `${local}/guide${lang === 'en' ? '' : `?lang=${lang}`}`,
    handout: `${local}/handout${lang === 'en' ? '' : `?lang=${lang}`}`,
    localOnly: !publicUrl && lan === undefined,
  };
}

/**
 * The console's link with a pairing code (server/pairing/), for the QR the facilitator scans.
 * The code travels in the fragment: the browser never sends it in the page request (so no
 * proxy or server log holds it), only once, in the console's handshake.
 */
export function pairingLink(links: Links, code: string): string {
  return `${links.console}#pair=${code}`;
}

/** A pairing code as it is shown to be typed: ABCD-EFGH. */
export function spacedCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

function withSlash(href: string): string {
  return href.endsWith('/') ? href : `${href}/`;
}
