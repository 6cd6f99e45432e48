/**
 * The printable pages as HTTP routes: GET /guide, /handout and /help, each with an optional
 * `?lang=`. Thin: it picks the language, asks the page's module for its HTML and sends it.
 * Without `?lang=`, /help (opened on an attendee's phone) follows the phone's language, as
 * the join page does; the guide and the handout, which the facilitator prints, the deck's.
 * These pages hold no secret and need no key: the guide is what a facilitator hands a
 * co-facilitator, and the help page is what the handout's QR code opens on anyone's phone
 * (when there is an address that lasts beyond the workshop; see `helpPage`).
 */
import type { ServerResponse } from 'node:http';
import type { Content } from '../content/content.ts';
import type { PageHandler } from '../http/routes.ts';
import { renderGuide } from './guide-page.ts';
import { renderHandout } from './handout-page.ts';
import { acceptedLanguages } from './accept-language.ts';
import { renderHelp } from './help-page.ts';
import { renderParents } from './parents-page.ts';
import { renderTeenCard } from './teen-card-page.ts';
import type { PageInput } from './shell.ts';

export interface PrintableOptions {
  content: Content;
  /** The language of a page opened without `?lang=` (the deck's). */
  lang: string;
  /**
   * The help page in a language at an address that still works after the workshop (the
   * hosted export, or the kit's /help at `--public-url`: help-address.ts), for the handout's
   * QR code and its printed link; undefined when there is none. The laptop's address on the
   * venue's Wi-Fi is not one: at home it opens nothing.
   */
  helpPage: (lang: string) => string | undefined;
  /** The time a page is made, for the guide's "printed on" line. */
  now?: () => Date;
}

function send(res: ServerResponse, status: number, type: string, body: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-cache', 'Content-Length': Buffer.byteLength(body), ...extra }).end(body);
}

/** The pages that follow the browser's language when no `?lang=` is given. */
const FOLLOWS_BROWSER = new Set(['/help']);

/** A PageHandler for the printable pages; false for every other path. */
export function printableRoutes({ content, lang, helpPage, now = () => new Date() }: PrintableOptions): PageHandler {
  const pages: Record<string, (input: PageInput) => string | Promise<string>> = {
    '/guide': renderGuide,
    '/handout': (input) => renderHandout(input, helpPage(input.lang)),
    '/help': (input) => renderHelp(input),
    '/handout/parents': renderParents,
    '/handout/teens': renderTeenCard,
  };
  const available = (l: string | null | undefined): l is string => typeof l === 'string' && content.guide[l] !== undefined && content.strings[l] !== undefined;
  const fallback = available(lang) ? lang : 'en';

  return (req, res, path) => {
    const render = Object.hasOwn(pages, path) ? pages[path] : undefined;
    if (!render || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    const requested = new URL(req.url ?? '/', 'http://kit.invalid').searchParams.get('lang');
    const browser = FOLLOWS_BROWSER.has(path) ? acceptedLanguages(req.headers['accept-language']).find(available) : undefined;
    const input: PageInput = { content, lang: available(requested) ? requested : (browser ?? fallback), now: now() };
    const vary: Record<string, string> = FOLLOWS_BROWSER.has(path) ? { Vary: 'Accept-Language' } : {};
    Promise.resolve()
      .then(() => render(input))
      .then(
        (html) => send(res, 200, 'text/html; charset=utf-8', html, vary),
        (error: unknown) => {
          console.error(`error: ${path}: ${error instanceof Error ? error.message : String(error)}`);
          send(res, 500, 'text/plain; charset=utf-8', 'This page could not be made.\n');
        },
      );
    return true;
  };
}
