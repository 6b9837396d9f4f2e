import { describe, expect, it } from 'vitest';
import { defaultEngine } from '../src/engine/index.js';
import { WEIGHTS } from '../src/engine/rule-schema.js';
import { levelFor, score, type ScoredFlag } from '../src/engine/scoring.js';
import type { Flag } from '../src/engine/types.js';

const flag = (rule: string, weight: number, common = false): ScoredFlag => ({ rule, category: 'x', weight, contribution: 0, spans: [], match: '', common });
const mit = (weight: number): Flag => ({ rule: 'm', category: 'mitigating', weight, contribution: 0, spans: [], match: '' });
const engine = defaultEngine();

describe('score()', () => {
  it('one signal alone never reaches "elevated" unless it is strong', () => {
    for (const [name, w] of Object.entries(WEIGHTS)) {
      const level = score([flag('a', w, w <= WEIGHTS.low_medium)], []).level;
      if (w < WEIGHTS.high) expect(level, name).not.toMatch(/elevated|high/);
    }
  });

  it('many common signs stay "low"', () => {
    const flags = Array.from({ length: 8 }, (_, i) => flag(`c${i}`, WEIGHTS.low_medium, true));
    expect(score(flags, []).level).toBe('low');
  });

  it('combinations count: two strong signs are "high"', () => {
    expect(score([flag('a', WEIGHTS.high), flag('b', WEIGHTS.high)], []).level).toBe('high');
  });

  it('mitigations remove at most half of the points', () => {
    const r = score([flag('a', WEIGHTS.high)], [mit(100)]);
    expect(r.score).toBe(15);
  });

  it('levels have fixed floors', () => {
    expect([levelFor(0), levelFor(1), levelFor(29), levelFor(30), levelFor(54), levelFor(55), levelFor(100)]).toEqual(['none', 'low', 'low', 'elevated', 'elevated', 'high', 'high']);
  });

  it('no flags is "none" whatever the mitigations', () => {
    expect(score([], [mit(6)])).toEqual({ score: 0, level: 'none' });
  });
});

describe('the engine scores as research suggests', () => {
  const level = (text: string, lang: string) => engine.assess({ text, lang }).level;

  it('an ordinary seasonal ad with the usual signs stays below "elevated"', () => {
    expect(level('Zbiór truskawek w Holandii, bez doświadczenia, zakwaterowanie zapewnione, praca od zaraz. Agro Service sp. z o.o., KRAZ 12345, umowa o pracę, 14 € brutto za godzinę.', 'pl')).toMatch(/none|low/);
  });

  it('fees, kept passports and high pay abroad together are "high"', () => {
    expect(level('Work in Germany, no experience, free accommodation. Earn 6000 EUR per month! Registration fee 300 EUR before departure, your passport is kept by the coordinator.', 'en')).toBe('high');
  });

  it('an adult-service ad without youth, control or coded payment stays "none" or "low"', () => {
    expect(level('Independent escort, incall and outcall, 30 min 100 €, 1 hour 150 €. New in town!', 'en')).toMatch(/none|low/);
  });

  it('movement language never raises the score', () => {
    const without = engine.assess({ text: 'Independent escort, incall and outcall available, discreet apartment.', lang: 'en' });
    const withMove = engine.assess({ text: 'Independent escort, incall and outcall available, discreet apartment. New in town, leaving soon ✈', lang: 'en' });
    expect(withMove.score).toBeLessThanOrEqual(without.score);
    expect(withMove.flags.find((f) => f.rule === 'escort_movement_language')?.contribution ?? 0).toBe(0);
  });
});

describe('switched-off categories', () => {
  it('leave their signs out of the flags and the score, and nothing else', async () => {
    const { defaultEngine } = await import('../src/engine/index.js');
    const engine = defaultEngine();
    const ad = { text: 'Praca w Niemczech, opłata rekrutacyjna 300 zł przed wyjazdem, paszport przechowamy u nas. Kontakt tylko WhatsApp.', lang: 'pl' };
    const all = engine.assess(ad);
    expect(all.flags.some((f) => f.category === 'labour_recruitment')).toBe(true);
    const without = engine.assess(ad, { disabledCategories: new Set(['labour_recruitment']) });
    expect(without.flags.some((f) => f.category === 'labour_recruitment')).toBe(false);
    expect(without.score).toBeLessThan(all.score);
    expect(engine.assess(ad, { disabledCategories: new Set(['escort_ads']) })).toEqual(all);
  });
});
