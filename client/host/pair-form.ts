/**
 * The console before it is paired: how to pair, and a field for the code shown on the laptop
 * (for a phone whose camera will not read the QR). Submitting never leaves the page.
 */
import { el } from '../dom.ts';
import { t } from '../i18n.ts';

/** What a pairing code looks like (server/pairing/pairing.ts: 8 of 31 letters and digits that cannot be misread). */
const PAIRING_CODE = /^[A-HJ-NP-Z2-9]{8}$/;

/** Shows the pairing form above the console, with `notice` (why it is asked again) if any. */
export function askToPair(notice: string, pair: (code: string) => void): void {
  document.getElementById('pairing')?.remove();
  // Until the kit lets this phone in, its buttons would do nothing and what it showed is no
  // longer its to see (a phone signed out by another pairing): only the form shows.
  document.body.classList.add('unpaired');
  for (const id of ['queue', 'notes', 'activity', 'waiting']) document.getElementById(id)?.replaceChildren();
  const input = el('input');
  Object.assign(input, { id: 'pair-code', name: 'pair', autocomplete: 'off', spellcheck: false, required: true, maxLength: 12 });
  input.setAttribute('autocapitalize', 'characters');
  const form = el('form', 'pair-form', [el('label', '', t('host.pair.label')), input, el('button', 'primary', t('host.pair.submit'))]);
  form.querySelector('label')?.setAttribute('for', 'pair-code');
  const section = el('section', 'pairing', [el('h2', '', t('host.pair.title')), notice ? el('p', 'pair-notice', notice) : null, el('p', '', t('host.pair.how')), form]);
  section.id = 'pairing';
  section.setAttribute('role', 'region');
  section.setAttribute('aria-labelledby', 'pairing-title');
  section.querySelector('h2')?.setAttribute('id', 'pairing-title');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const code = input.value.replace(/[\s-]/g, '').toUpperCase();
    // Eight letters and digits, as the laptop shows them: a typo is said here, and the form stays.
    if (!PAIRING_CODE.test(code)) {
      input.setCustomValidity(t('host.pair.refused'));
      input.reportValidity();
      return;
    }
    section.remove();
    pair(code);
  });
  document.querySelector('main')?.prepend(section);
  input.focus();
}
