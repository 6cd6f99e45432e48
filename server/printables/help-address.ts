/**
 * Where the help page lives after the workshop, in each language. Two kinds of address:
 * - **hosted**: the folder where an organization uploaded `npm run export-help`'s files
 *   (`--help-url`, else the region pack's `help-url`): `index.html` in English, `es.html`
 *   in Spanish, side by side, so the pages link to each other relatively and work on any
 *   host, and from `file://`;
 * - **the kit's own /help** at `--public-url`, while a server keeps it running (`?lang=es`).
 * Without either, there is no address that opens at home: the handout prints the numbers
 * alone and the phones offer no "keep this page" link.
 */

/** The file of the exported help page in `lang`: the folder's own page is English. */
export function helpFile(lang: string): string {
  return lang === 'en' ? 'index.html' : `${lang}.html`;
}

/** Whether `name` is a file the export writes (index.html, es.html...). */
export const isHelpFile = (name: string): boolean => name === 'index.html' || /^[a-z]{2}\.html$/.test(name);

/**
 * The hosted page in `lang`, from the address of the uploaded folder: `https://x.org/help/`,
 * `https://x.org/help` (a folder, written without its slash) or `https://x.org/help/index.html`.
 * English is the address as given (a host shows the folder's index.html); another language
 * is its file in the same folder.
 */
export function hostedHelpPage(base: string, lang: string): string {
  const url = new URL(base);
  const page = /\.html?$/i.test(url.pathname);
  // A folder written without its slash gets one: a host that serves it without redirecting
  // would otherwise resolve the page's own link to es.html one folder up.
  if (lang === 'en') return page ? url.href : ((url.pathname = url.pathname.replace(/\/?$/, '/')), url.href);
  const folder = page ? url.pathname.replace(/[^/]*$/, '') : url.pathname.replace(/\/?$/, '/');
  url.pathname = `${folder}${helpFile(lang)}`;
  return url.href;
}

/** The kit's /help address in one language, keeping whatever else the address holds. */
export function helpUrlIn(base: string, lang: string): string {
  try {
    const url = new URL(base);
    url.searchParams.set('lang', lang);
    return url.href;
  } catch {
    return `${base}${base.includes('?') ? '&' : '?'}lang=${encodeURIComponent(lang)}`;
  }
}

/**
 * The help page in a language, or undefined when there is no address that lasts: the hosted
 * page first (`hosted`: --help-url, else the pack's help-url), else the kit's own /help at
 * `publicUrl` (it opens for as long as that server runs, as the handout's QR code always did).
 */
export function helpPageAt(hosted: string | undefined, publicUrl: URL | undefined): ((lang: string) => string) | undefined {
  if (hosted !== undefined) return (lang) => hostedHelpPage(hosted, lang);
  if (publicUrl === undefined) return undefined;
  const kit = new URL('help', publicUrl.href.replace(/\/?$/, '/')).href;
  return (lang) => helpUrlIn(kit, lang);
}
