/**
 * The helpline directory (src/helplines/helplines.json): every entry has its sources and the date it
 * was taken, and a number libphonenumber-js accepts for its country (short codes such as 112 or
 * 1109, which libphonenumber-js has no data for, are 3-6 digits and not full numbers); the focus
 * countries and the EU-wide numbers are all there.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { HELPLINES, helpFor } from '../src/helplines/index.js';

const REQUIRED = ['BG', 'GR', 'IT', 'PL', 'SK', 'ES', 'AT', 'CZ', 'RO', 'DE', 'FR', 'PT', 'NL', 'GB', 'IE', 'US'];

describe('helpline directory', () => {
  for (const e of HELPLINES.entries) {
    it(`${e.country} ${e.name}: sourced, dated, and a number of its country`, () => {
      expect(e.sources.length).toBeGreaterThan(0);
      expect(e.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (e.short) {
        expect(e.tel).toMatch(/^\d{3,6}$/);
        expect(parsePhoneNumberFromString(e.tel, e.country === 'EU' ? 'BE' : (e.country as 'BG'))?.isValid() ?? false).toBe(false);
      } else {
        const n = parsePhoneNumberFromString(e.tel);
        expect(n?.isValid(), e.tel).toBe(true);
        expect(n!.country === e.country || n!.getPossibleCountries().includes(e.country as 'US'), `${e.tel} is of ${n!.country}`).toBe(true);
        expect(e.tel).toBe(n!.number);
      }
    });
  }
  it('has every focus country and the EU-wide numbers', () => {
    for (const c of REQUIRED) {
      const help = helpFor(c);
      expect(help.national.length + help.links.length, c).toBeGreaterThan(0);
    }
    const eu = helpFor('PL').everywhere.map((e) => e.tel);
    expect(eu[0]).toBe('112');
    expect(eu).toEqual(expect.arrayContaining(['112', '116000', '116111']));
  });
  it('every link without a number has its sources too', () => {
    for (const l of HELPLINES.links) expect(l.sources.length, l.name).toBeGreaterThan(0);
  });
  it('reads "UK" as GB and orders a country\'s lines high confidence first', () => {
    expect(helpFor('uk').national[0]!.name).toContain('Modern Slavery');
    const bg = helpFor('BG').national.map((e) => e.confidence);
    expect(bg).toEqual([...bg].sort((a, b) => ['high', 'medium', 'low'].indexOf(a) - ['high', 'medium', 'low'].indexOf(b)));
  });
});
