/**
 * Takes the facilitator's key out of the address bar the moment the deck loads, so it
 * is never on the projected screen (or in history, or a screenshot), and keeps it in
 * sessionStorage for this tab only. Import this module first.
 */
const STORAGE_KEY = 'hostKey';

function capture(): string | undefined {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('key');
  if (fromUrl !== null) {
    url.searchParams.delete('key');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    try {
      sessionStorage.setItem(STORAGE_KEY, fromUrl);
    } catch {
      // Storage refused (private mode): the key still works until the tab is reloaded.
    }
    return fromUrl;
  }
  try {
    return sessionStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

const key = capture();

/** The facilitator's key for this tab, if the deck was opened with one. */
export function hostKey(): string | undefined {
  return key;
}
