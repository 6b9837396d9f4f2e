/**
 * Negation and warnings in every language: a statement that the sign is absent ("we never charge
 * fees") must not raise the indicator and counts as a mitigation; the same words stated plainly
 * raise it.
 */
import { describe, expect, it } from 'vitest';
import { defaultEngine } from '../src/engine/index.js';
import type { Lang } from '../src/engine/types.js';

const engine = defaultEngine();

const CASES: [Lang, string, string, string][] = [
  // lang, rule, negated text, plain text
  ['en', 'fees_upfront', 'We never charge fees to candidates.', 'Candidates pay a registration fee of 50 EUR.'],
  ['en', 'document_retention', 'We will never keep your passport.', 'We keep your passport for safekeeping during the contract.'],
  ['pl', 'fees_upfront', 'Nie pobieramy żadnych opłat od kandydatów.', 'Przed wyjazdem opłata rejestracyjna 300 zł.'],
  ['pl', 'document_retention', 'Nigdy nie zatrzymujemy paszportów pracowników.', 'Paszport oddajesz koordynatorowi na przechowanie.'],
  ['de', 'fees_upfront', 'Keine Vermittlungsgebühr für Bewerber.', 'Vor Arbeitsbeginn ist eine Vermittlungsgebühr von 200 € zu zahlen.'],
  ['de', 'document_retention', 'Wir behalten Ihren Reisepass nicht ein.', 'Der Reisepass wird bei der Ankunft vom Arbeitgeber einbehalten.'],
  ['bg', 'document_retention', 'НЕ задържаме паспорти на работниците.', 'Паспортът се задържа от работодателя до края на договора.'],
  ['bg', 'fees_upfront', 'Не взимаме такси от кандидатите.', 'Регистрационна такса 150 лв. преди заминаване.'],
  ['sk', 'fees_upfront', 'Nevyberáme žiadne poplatky za sprostredkovanie.', 'Pred odchodom treba uhradiť registračný poplatok 150 €.'],
  ['es', 'fees_upfront', 'No cobramos gastos de gestión a los candidatos.', 'Hay que pagar 200 € de gastos de gestión antes de viajar.'],
  ['it', 'fees_upfront', 'Non chiediamo alcuna quota di iscrizione.', 'È richiesta una quota di iscrizione di 150 euro.'],
  ['el', 'fees_upfront', 'Δεν ζητάμε κανένα παράβολο ή τέλη εγγραφής.', 'Απαιτούνται τέλη εγγραφής 100 ευρώ πριν την αναχώρηση.'],
];

describe.each(CASES)('%s %s', (lang, rule, negated, plain) => {
  it(`negated: ${negated}`, () => {
    const a = engine.assess({ text: negated, lang });
    expect(a.flags.map((f) => f.rule)).not.toContain(rule);
    const m = a.mitigations.find((x) => x.rule === rule);
    expect(m?.negated).toBe(true);
    expect(m!.contribution).toBeLessThanOrEqual(0);
  });
  it(`plain: ${plain}`, () => {
    const a = engine.assess({ text: plain, lang });
    expect(a.flags.map((f) => f.rule)).toContain(rule);
  });
});

describe('clause breaks', () => {
  it('a negation before "but" does not reach past it', () => {
    const a = engine.assess({ text: 'We are not an agency, but you pay a registration fee of 80 EUR.', lang: 'en' });
    expect(a.flags.map((f) => f.rule)).toContain('fees_upfront');
  });
  it('a negation in another sentence does not count', () => {
    const a = engine.assess({ text: 'No experience needed. Registration fee 100 EUR.', lang: 'en' });
    expect(a.flags.map((f) => f.rule)).toContain('fees_upfront');
  });
});
