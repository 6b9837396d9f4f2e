/**
 * hasWebsite tries the web-address expression only where a hint stands (contacts.ts). It must say
 * exactly what a scan of the whole text says: checked here against that plain scan on examples and
 * on random text made of the pieces web addresses, e-mails and messenger links are made of.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTACT_REGEXES, hasWebsite } from '../src/engine/contacts.js';

/** The plain definition: any match of URL, leftmost first, that is not a messenger link. */
function reference(text: string): boolean {
  const url = new RegExp(CONTACT_REGEXES.URL.source, 'gu');
  let m: RegExpExecArray | null;
  while ((m = url.exec(text)) !== null) if (!CONTACT_REGEXES.MESSENGER_HOST.test(m[0])) return true;
  return false;
}

describe('hasWebsite', () => {
  it.each([
    ['firma budowlana www.budex.pl zaprasza', true],
    ['więcej na https://example.com/praca', true],
    ['pisz na jan@firma.pl', false],
    ['tylko https://wa.me/48500100200', false],
    ['kontakt t.me/praca_de albo www.firma.de', true],
    ['mail.firma.pl', false],
    ['brand.co.uk jobs', true],
    ['the community.is great', false],
    ['x'.repeat(80) + '.com', false],
    ['praca.pl', true],
    ['a.pl', false],
  ])('%s -> %s', (text, expected) => {
    expect(hasWebsite(text)).toBe(expected);
    expect(reference(text)).toBe(expected);
  });

  it('agrees with a scan of the whole text on random address-like text', () => {
    const piece = fc.constantFrom('www.', 'http://', 'https://', '.com', '.pl', '.co.uk', '.de/', 'wa.me', 't.me/', '@', 'firma', 'praca-', 'x', '1', ' ', '\n', '.', '-', '/', 'ż', 'α', 'мм', 'abcdefghijklmnopqrstuvwxyzabcdefghij');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(hasWebsite(text)).toBe(reference(text));
      }),
      { numRuns: 3000 },
    );
  });
});
