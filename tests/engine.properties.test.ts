/**
 * Properties of the engine over arbitrary input (fast-check): it never throws, the result is a
 * valid Assessment, spans stay inside their fields, the same ad gives the same result, and the
 * score moves in the right direction when a mitigating fact or a strong signal is added.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AssessmentSchema } from '../src/engine/assessment-schema.js';
import { defaultEngine } from '../src/engine/index.js';
import type { Ad, Assessment } from '../src/engine/types.js';
import { LANGS } from '../src/engine/types.js';

const engine = defaultEngine();

function checkSpans(ad: Ad, a: Assessment) {
  for (const f of [...a.flags, ...a.mitigations, ...a.contexts]) {
    for (const s of f.spans) {
      const value = (s.field === 'pay' ? (typeof ad.pay === 'string' ? ad.pay : undefined) : ad[s.field]) as string | undefined;
      expect(value, `${f.rule} points into ${s.field}`).toBeTypeOf('string');
      expect(s.start).toBeLessThan(s.end);
      expect(s.end).toBeLessThanOrEqual(value!.length);
    }
  }
}

// Text made of pieces ads are made of: words of every language, numbers, emoji, odd characters.
const piece = fc.oneof(
  fc.constantFrom('opłata', 'fee', 'Gebühr', 'такса', 'τέλη', 'passport', 'paszport', 'whatsapp', 'w h a t s a p p', '€', 'zł', '/h', '🌹', '6️⃣', 'six', 'zero', '\u200b', '\n', ' ', '.', ',', 'nie', 'no', 'keine', 'sp. z o.o.', 'KRAZ 123', 'escort', 'incall', '18', 'abroad', 'Niemczech'),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.integer({ min: 0, max: 99999 }).map(String),
);
const adText = fc.array(piece, { maxLength: 40 }).map((p) => p.join(' '));
const ad = fc.record(
  {
    text: fc.oneof(adText, fc.string({ unit: 'binary', maxLength: 200 })),
    title: fc.option(adText, { nil: undefined }),
    lang: fc.option(fc.constantFrom(...LANGS, 'xx', ''), { nil: undefined }),
    country: fc.option(fc.constantFrom('PL', 'DE', 'BG', 'GR', 'IT', 'AT', 'zz'), { nil: undefined }),
    location: fc.option(fc.constantFrom('Kraków', 'Berlin', 'Sofia', ''), { nil: undefined }),
    employer: fc.option(fc.constantFrom('ACME sp. z o.o.', ''), { nil: undefined }),
  },
  { requiredKeys: ['text'] },
);

describe('any input', () => {
  it('gives a valid Assessment with spans inside their fields, deterministically', () => {
    fc.assert(
      fc.property(ad, (x) => {
        const a = engine.assess(x);
        expect(AssessmentSchema.safeParse(a).success).toBe(true);
        checkSpans(x, a);
        expect(engine.assess(x)).toEqual(a);
      }),
      { numRuns: 400 },
    );
  });

  it('handles empty text, a 1 MB ad, binary junk and lone surrogates', () => {
    const inputs: Ad[] = [
      { text: '' },
      { text: 'opłata rejestracyjna 300 zł. '.repeat(40_000).slice(0, 1_000_000) },
      { text: '\ud800abc\udfff\u0000\u0001\uffff' },
      { text: String.fromCharCode(...Array.from({ length: 5000 }, (_, i) => (i * 7919) % 65536)) },
      { text: 'a '.repeat(100_000) },
      { text: '1 '.repeat(100_000) },
      { text: ' '.repeat(100_000) },
    ];
    for (const x of inputs) {
      const a = engine.assess(x);
      expect(AssessmentSchema.safeParse(a).success).toBe(true);
      checkSpans(x, a);
    }
  });

  it('tolerates wrong types from untrusted callers', () => {
    const a = engine.assess({ text: 42 as unknown as string, title: null as unknown as string, pay: { min: Number.NaN } });
    expect(a.level).toBe('none');
  });
});

describe('scoring properties', () => {
  const base = fc.constantFrom(
    'Praca w Niemczech od zaraz, bez doświadczenia, zakwaterowanie zapewnione. Kontakt WhatsApp.',
    'Warehouse job in the Netherlands, no experience needed, free accommodation and transport.',
    'Работа в Германия, без опит, осигурена квартира. Пишете на Viber.',
    'Trabajo en Huelva, sin experiencia, alojamiento incluido.',
    'Cameriera per hotel in Grecia, vitto e alloggio inclusi, partenza immediata.',
  );
  const mitigation = fc.constantFrom(
    ' Pracodawca: Agro Service sp. z o.o., KRAZ 12345.',
    ' Employer: Green Farms Ltd, company number 01234567.',
    ' Arbeitgeber: Muster GmbH, HRB 12345.',
    ' We never charge any fees.',
  );
  const strong = fc.constantFrom(
    ' Registration fee 300 EUR before departure.',
    ' Przed wyjazdem opłata rejestracyjna 500 zł.',
    ' Your passport will be kept by the employer for safekeeping.',
    ' Send a copy of your ID card and your bank card details before the interview.',
  );

  it('adding a mitigating fact never raises the score', () => {
    fc.assert(
      fc.property(base, mitigation, (text, m) => {
        expect(engine.assess({ text: text + m }).score).toBeLessThanOrEqual(engine.assess({ text }).score);
      }),
    );
  });

  it('adding a strong signal never lowers the score', () => {
    fc.assert(
      fc.property(base, strong, (text, s) => {
        expect(engine.assess({ text: text + s }).score).toBeGreaterThanOrEqual(engine.assess({ text }).score);
      }),
    );
  });

  it('contributions add up to the score', () => {
    fc.assert(
      fc.property(base, fc.option(strong, { nil: '' }), fc.option(mitigation, { nil: '' }), (text, s, m) => {
        const a = engine.assess({ text: text + s + m });
        const sum = [...a.flags, ...a.mitigations].reduce((t, f) => t + f.contribution, 0);
        expect(Math.abs(sum - a.score)).toBeLessThanOrEqual(1);
      }),
    );
  });
});
