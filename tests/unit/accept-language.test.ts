import { describe, expect, it } from 'vitest';
import { acceptedLanguages } from '../../server/printables/accept-language.ts';

describe('acceptedLanguages', () => {
  it('reads a browser header as two-letter codes, most wanted first', () => {
    expect(acceptedLanguages('es-MX,es;q=0.9,en;q=0.8')).toEqual(['es', 'es', 'en']);
    expect(acceptedLanguages('fr-FR, en;q=0.2, ES;q=0.7')).toEqual(['fr', 'es', 'en']);
    // Equal weights keep the browser's order.
    expect(acceptedLanguages('en-GB;q=0.5,es;q=0.5')).toEqual(['en', 'es']);
  });

  it('passes over what is refused or not a language', () => {
    expect(acceptedLanguages('es;q=0, en;q=0.5')).toEqual(['en']);
    expect(acceptedLanguages('*, en;q=bad, 1x, ;q=1')).toEqual([]);
    expect(acceptedLanguages(undefined)).toEqual([]);
    expect(acceptedLanguages('')).toEqual([]);
    expect(acceptedLanguages(['es', 'en;q=0.1'])).toEqual(['es', 'en']);
  });
});
