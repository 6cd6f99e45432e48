/**
 * Security headers for every page. The Content-Security-Policy allows no inline script
 * with one exception: the speaker view of reveal.js's notes plugin is written into a
 * popup as HTML with one inline script, and the popup inherits this policy, so that
 * exact script (and nothing else) is allowed by its hash.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';

/** sha256 source expression of the speaker view's inline script, read from the installed plugin. */
export function speakerViewScriptHash(): string {
  const file = fileURLToPath(import.meta.resolve('reveal.js/plugin/notes'));
  const code = readFileSync(file, 'utf8');
  const start = code.indexOf('document.write("');
  if (start === -1) throw new Error(`speaker view HTML not found in ${file}`);
  let end = start + 'document.write('.length + 1;
  while (code[end] !== '"' || code[end - 1] === '\\') end++;
  // The argument is a plain string literal of the installed package; evaluating it in an
  // empty context turns its escapes into the exact text the browser will parse.
  const html = String(runInNewContext(code.slice(start + 'document.write('.length, end + 1), {}));
  const script = html.match(/<script>([\s\S]*?)<\/script>/)?.[1];
  if (script === undefined) throw new Error('speaker view script not found');
  return `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
}

/** Headers sent with every response. */
export function securityHeaders(scriptHashes: readonly string[]): Record<string, string> {
  const csp = [
    "default-src 'self'",
    `script-src 'self' ${scriptHashes.join(' ')}`.trim(),
    // Reveal positions slides with inline styles; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    // The speaker view shows the deck in same-origin iframes; nobody else may frame it.
    "frame-ancestors 'self'",
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'SAMEORIGIN',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  };
}
