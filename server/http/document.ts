/** A whole HTML page the server makes itself (report, guide, handout, help): no script, no request for anything. */
import { escapeHtml } from '../content/escape-html.ts';

/** `head`: more of the head, after the kit's own meta tags (trusted markup, never content). */
export function htmlDocument({ lang, title, style, body, head = [] }: { lang: string; title: string; style: string; body: string; head?: readonly string[] | undefined }): string {
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow">',
    ...head,
    // No icon to fetch: one request less for a phone on a weak network, and none from a file opened offline.
    '<link rel="icon" href="data:,">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    `<body>${body}</body>`,
    '</html>',
    '',
  ].join('\n');
}
