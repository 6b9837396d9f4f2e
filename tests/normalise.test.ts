import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText, normalise } from '../src/engine/normalise.js';
import { buildDocument } from '../src/engine/document.js';
import { wordsOf } from '../src/engine/prefilter.js';

describe('folding', () => {
  it.each([
    ['Opłata REJESTRACYJNA', 'oplata rejestracyjna'],
    ['Vermittlungsgebühr: Straße', 'vermittlungsgebuhr: strasse'],
    ['ΆΛΛΑ Τέλη εγγραφής', 'αλλα τελη εγγραφησ'],
    ['Poplatok   za\tsprostredkovanie', 'poplatok za sprostredkovanie'],
    ['ﬁrma ＡＢＣ', 'firma abc'],
    ['tak\u200Bsa', 'taksa'],
    ['all’ora', "all'ora"],
    ['line one\n\n  line two', 'line one\nline two'],
  ])('%s → %s', (input, folded) => {
    expect(foldText(input)).toBe(folded);
  });
});

describe('de-obfuscation', () => {
  it.each([
    ['w h a t s a p p', 'whatsapp'],
    ['W.H.A.T.S.A.P.P me', 'whatsapp me'],
    ['wh@tsapp', 'whatsapp'],
    ['teIegram', 'telegram'],
    ['vib3r', 'viber'],
    ['wh\u0430tsapp', 'whatsapp'], // Cyrillic а inside a Latin word
    ['Рaбота', 'работа'], // Latin a inside a Cyrillic word
    ['jan.kowalski@gmail.com', 'jan.kowalski@gmail.com'], // an e-mail keeps its @
    ['Rossi S.r.l. e Bianchi', 'rossi s.r.l. e bianchi'], // abbreviations are not spaced letters
  ])('%s → %s', (input, folded) => {
    expect(foldText(input)).toBe(folded);
  });

  it('turns spelled-out digits into digits and marks them', () => {
    const n = normalise('call six zero four one two three');
    expect(n.text).toBe('call 6 0 4 1 2 3');
    expect(n.spelled[n.text.indexOf('6')]).toBe(1);
    expect(n.spelled[n.text.indexOf('c')]).toBe(0);
  });

  it('spells digits in every language, but leaves single number words alone', () => {
    expect(foldText('sześć zero cztery')).toBe('6 0 4');
    expect(foldText('шест нула четири')).toBe('6 0 4');
    expect(foldText('έξι μηδέν τέσσερα')).toBe('6 0 4');
    expect(foldText('one of our team')).toBe('one of our team');
    expect(foldText('sei molto bravo')).toBe('sei molto bravo');
  });

  it('marks keycap emoji digits as disguised and keeps emoji between digits', () => {
    const n = normalise('6️⃣0️⃣4️⃣');
    expect(n.text).toBe('604');
    expect([...n.spelled]).toEqual([1, 1, 1]);
    expect(foldText('604💋123')).toBe('604💋123');
  });
});

describe('offset map', () => {
  it('maps a folded match back to the original words', () => {
    const original = 'Przed wyjazdem  OPŁATA   rejestracyjna 300 zł';
    const n = normalise(original);
    const i = n.text.indexOf('oplata rejestracyjna');
    const start = n.start[i]!;
    const end = n.end[i + 'oplata rejestracyjna'.length - 1]!;
    expect(original.slice(start, end)).toBe('OPŁATA   rejestracyjna');
  });

  it('maps de-obfuscated words to the whole disguise', () => {
    const original = 'napisz na w h a t s a p p teraz';
    const n = normalise(original);
    const i = n.text.indexOf('whatsapp');
    expect(original.slice(n.start[i]!, n.end[i + 7]!)).toBe('w h a t s a p p');
  });

  it('round trip: every folded unit points inside the original, in order', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const n = normalise(s);
        expect(n.start.length).toBe(n.text.length);
        expect(n.end.length).toBe(n.text.length);
        let last = 0;
        for (let i = 0; i < n.text.length; i++) {
          expect(n.start[i]!).toBeGreaterThanOrEqual(0);
          expect(n.end[i]!).toBeLessThanOrEqual(s.length);
          expect(n.start[i]!).toBeLessThan(n.end[i]!);
          expect(n.start[i]!).toBeGreaterThanOrEqual(last);
          last = n.start[i]!;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('folding is idempotent on folded text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const once = foldText(s);
        expect(foldText(once)).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});

describe('word spans from normalisation', () => {
  const same = (ad: { title?: string; text: string; employer?: string }) => {
    const doc = buildDocument(ad);
    const fresh = wordsOf(doc.text);
    expect(doc.words.n).toBe(fresh.n);
    expect([...doc.words.start.slice(0, fresh.n)]).toEqual([...fresh.start.slice(0, fresh.n)]);
    expect([...doc.words.end.slice(0, fresh.n)]).toEqual([...fresh.end.slice(0, fresh.n)]);
  };
  it('are what a walk over the folded document finds, with and without joined letters or digit words', () => {
    same({ title: 'Praca w Niemczech', text: 'Kontakt: w h a t s a p p  +48 six zero zero, jeden dwa trzy cztery pięć sześć', employer: 'ACME Sp. z o.o.' });
    same({ text: 'Ordinary ad, nothing spaced. 5 000 zł netto / mies.' });
    same({ text: '' });
    same({ title: 'ΕΡΓΑΣΙΑ', text: '  Работа в Германия…\n\nT e l e g r a m: @job_de ✆ 0️⃣7️⃣0️⃣' });
  });
  it('agree on random text made of words, single letters, digits and separators', () => {
    const piece = fc.constantFrom('w', 'h', 'a ', 'praca', ' ', '.', '-', '\n', '7', '12', 'seven', 'zero', 'dwa', 'ß', 'İ', 'α', 'щ', '😀', '\u200b', '  ');
    fc.assert(fc.property(fc.array(piece, { maxLength: 60 }), fc.array(piece, { maxLength: 10 }), (a, b) => same({ text: a.join(''), title: b.join('') })), { numRuns: 500 });
  });
});
