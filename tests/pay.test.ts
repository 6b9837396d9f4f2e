import { describe, expect, it } from 'vitest';
import { defaultEngine } from '../src/engine/index.js';
import { foldText } from '../src/engine/normalise.js';
import { parsePay } from '../src/engine/pay.js';

const one = (text: string) => {
  const all = parsePay(foldText(text));
  expect(all.length, text).toBe(1);
  return all[0]!;
};

describe('pay parsing', () => {
  it.each([
    // text, min, max, currency, period, basis
    ['5 000 zł miesięcznie', 5000, 5000, 'PLN', 'month', undefined],
    ['1.500 € al mes', 1500, 1500, 'EUR', 'month', undefined],
    ['€12/h', 12, 12, 'EUR', 'hour', undefined],
    ['200 лв. на ден', 200, 200, 'BGN', 'day', undefined],
    ['4000 лв./седмица', 4000, 4000, 'BGN', 'week', undefined],
    ['3 500 - 4 500 zł brutto miesięcznie', 3500, 4500, 'PLN', 'month', 'gross'],
    ['5 000 zł na rękę miesięcznie', 5000, 5000, 'PLN', 'month', 'net'],
    ['1.500,50 € netto al mese', 1500.5, 1500.5, 'EUR', 'month', 'net'],
    ['12,50 € pro Stunde brutto', 12.5, 12.5, 'EUR', 'hour', 'gross'],
    ['Salario: 24.000€ - 28.000€ Bruto/año', 24000, 28000, 'EUR', 'year', 'gross'],
    ['550 ευρώ καθαρά τον μήνα', 550, 550, 'EUR', 'month', 'net'],
    ['1.200 ευρώ μηνιαίως', 1200, 1200, 'EUR', 'month', undefined],
    ['£11.44 per hour', 11.44, 11.44, 'GBP', 'hour', undefined],
    ['7 € all’ora', 7, 7, 'EUR', 'hour', undefined],
    ['RAL 24.000 €', 24000, 24000, 'EUR', 'year', undefined],
    ['20k zł miesięcznie', 20000, 20000, 'PLN', 'month', undefined],
  ])('%s', (text, min, max, currency, period, basis) => {
    const a = one(text);
    expect([a.min, a.max, a.currency, a.period, a.basis]).toEqual([min, max, currency, period, basis]);
  });

  it('converts to EUR per month with the dated rates table', () => {
    expect(Math.round(one('€12/h').monthlyEurMax)).toBe(12 * 173);
    expect(Math.round(one('1000 лв. месечно').monthlyEurMax)).toBe(511);
    expect(Math.round(one('Salario 1.184 € al mes en 14 pagas').monthlyEurMax)).toBe(1381);
  });

  it('ignores amounts without a currency, phone numbers and costs to the worker', () => {
    expect(parsePay(foldText('Tel. 604 123 456, rok 2024'))).toEqual([]);
    expect(parsePay(foldText('poplatok za sprostredkovanie 200 €'))).toEqual([]);
    expect(parsePay(foldText('zakwaterowanie 300 zł miesięcznie'))).toEqual([]);
  });

  it('infers only monthly pay when no period is written', () => {
    expect(one('Wynagrodzenie 6000 zł').period).toBe('month');
    expect(parsePay(foldText('Bonus 50 €'))).toEqual([]);
  });
});

describe('pay against the destination', () => {
  const engine = defaultEngine();
  const rules = (text: string, extra: object = {}) => engine.assess({ text, lang: 'pl', ...extra }).flags.map((f) => f.rule);

  it('far above the average for low-skill work abroad raises pay_too_good', () => {
    expect(rules('Praca w Niemczech na magazynie, bez doświadczenia. Zarobki 30 000 zł miesięcznie na rękę.')).toContain('pay_too_good');
  });
  it('ordinary pay in the destination does not', () => {
    expect(rules('Praca w Niemczech na magazynie, 14 € brutto za godzinę, umowa o pracę.')).not.toContain('pay_too_good');
  });
  it('an hourly wage below the destination minimum raises below_minimum_wage', () => {
    expect(rules('Sprzątanie biur w Warszawie, 15 zł/h brutto.', { country: 'PL' })).toContain('below_minimum_wage');
  });
  it('Italy and Austria have no statutory minimum', () => {
    expect(rules('Lavoro a Milano, 5 € all’ora.', { lang: 'it', country: 'IT' })).not.toContain('below_minimum_wage');
  });
  it('an ad dated before the minimum wage table is not compared', () => {
    expect(rules('Sprzątanie biur, 15 zł/h brutto.', { country: 'PL', date: '2023-05-10' })).not.toContain('below_minimum_wage');
  });
  it('part-time pay is not compared with a full-time minimum', () => {
    expect(rules('Praca na pół etatu, 2000 zł miesięcznie brutto.', { country: 'PL' })).not.toContain('below_minimum_wage');
  });
});
