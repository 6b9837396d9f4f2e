/**
 * The prefilter must never lose a match: on every example text of every rule, in every language,
 * and on generated text made of the anchors themselves, running the index (anchors, word starts,
 * required words) finds exactly what running every pattern over the whole text finds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePack, scanMask } from '../src/engine/compile.js';
import { normalise } from '../src/engine/normalise.js';
import { startAnchors } from '../src/engine/patterns.js';
import { runIndex, wordsOf } from '../src/engine/prefilter.js';
import { LANGS } from '../src/engine/types.js';
import { toPack } from '../src/rules/pack.js';
import { readRuleFolder } from '../src/rules/read-files.js';

const folder = readRuleFolder('rules');
const pack = compilePack(toPack(folder.rules, folder.negation, 'test'));
const ALL = scanMask([...LANGS]);
const entries = pack.index.entries;
const wholeText = entries.map((e) => new RegExp(e.source, 'gu'));

function viaIndex(text: string): string[] {
  const out: string[] = [];
  runIndex(pack.index, wordsOf(text), ALL, (_, from, to) => {
    out.push(`${from}-${to}`);
    return true;
  });
  // runIndex reports entry by entry; name each match by its entry to compare.
  return out;
}

function viaIndexByEntry(text: string): string[] {
  const out: string[] = [];
  runIndex(pack.index, wordsOf(text), ALL, (entry, from, to) => {
    out.push(`${entries.indexOf(entry)}:${from}-${to}`);
    return true;
  });
  return out.sort();
}

function viaWholeText(text: string): string[] {
  const out: string[] = [];
  wholeText.forEach((re, i) => {
    for (const m of text.matchAll(re)) if (m[0].length) out.push(`${i}:${m.index}-${m.index + m[0].length}`);
  });
  return out.sort();
}

const exampleTexts = folder.rules.flatMap((r) =>
  Object.values(r.examples ?? {}).flatMap((ex) => [...(ex?.flagged ?? []).map((f) => f.text), ...(ex?.clean ?? []).map((c) => (typeof c === 'string' ? c : c.text))]),
);

describe('prefilter', () => {
  it(`finds what a whole-text run finds on all ${exampleTexts.length} example texts`, () => {
    expect(exampleTexts.length).toBeGreaterThan(1000);
    let matched = 0;
    for (const raw of exampleTexts) {
      const text = normalise(raw).text;
      const expected = viaWholeText(text);
      matched += expected.length;
      expect(viaIndexByEntry(text), raw).toEqual(expected);
    }
    expect(matched).toBeGreaterThan(exampleTexts.length); // the comparison is not vacuous
  });

  it('finds what a whole-text run finds on text made of example words, shuffled', () => {
    const vocabulary = [...new Set(exampleTexts.flatMap((t) => normalise(t).text.split(/\s+/)))].filter(Boolean);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 40 }), fc.constantFrom(' ', ', ', ' - ', '\n'), (words, sep) => {
        const text = words.join(sep);
        expect(viaIndexByEntry(text)).toEqual(viaWholeText(text));
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('runs nothing on text without anchor words', () => {
    expect(viaIndex('qqq zzz 1')).toEqual([]);
  });
});

describe('startAnchors (the literal beginnings of a hand-written expression)', () => {
  const show = (src: string) => startAnchors(src)?.map((a) => `${a.exact ? '=' : '^'}${a.text}`);
  it.each([
    ['pobiera\\p{L}*', ['^pobiera']],
    ['fee', ['=fee']],
    ['(?:fee|charge)s?', ['^fee', '^charge']],
    ['(?:1[2-9]|2[0-4]) godzin', ['^12', '^13', '^14', '^15', '^16', '^17', '^18', '^19', '^20', '^21', '^22', '^23', '^24']],
    ['(?:bez )?umowy', ['=bez', '=umowy']],
    ['\\p{L}+ fee', undefined],
    ['[^a] fee', undefined],
    ['(?<![0-9])od \\d+', ['=od']],
    ['a|', undefined],
  ])('%s → %j', (src, expected) => {
    expect(show(src)).toEqual(expected);
  });
});

describe('the build-time phrase memo (src/rules/compiled.generated.json)', () => {
  it('gives what compiling the phrases gives now, and leaves out nothing the built-in packs use', async () => {
    const { memoPhrase, memoRegexAnchors, compilePhrase, regexAnchors } = await import('../src/engine/patterns.js');
    const memo = (await import('../src/rules/compiled.generated.json', { with: { type: 'json' } })).default as unknown as import('../src/engine/patterns.js').PhraseMemo;
    const viaMemo = memoPhrase(memo);
    const keys = Object.keys(memo);
    expect(keys.length).toBeGreaterThan(2000);
    const anchorsViaMemo = memoRegexAnchors(memo);
    for (const k of keys) {
      if (k.startsWith('\u0000')) {
        // A hand-written expression's anchors: NUL, the source, then NUL before each explicit anchor.
        const [, source, ...explicit] = k.split('\u0000');
        const given = explicit.length === 1 && explicit[0] === '' ? undefined : explicit;
        expect(anchorsViaMemo(source!, given), k).toEqual(regexAnchors(source!, given));
      } else expect({ ...viaMemo(k), memoised: undefined }, k).toEqual({ ...compilePhrase(k), memoised: undefined });
    }
    const used: import('../src/engine/patterns.js').PhraseMemo = {};
    compilePack(toPack(folder.rules, folder.negation, 'test'), { record: used });
    expect(Object.keys(used).filter((k) => !Object.hasOwn(memo, k))).toEqual([]);
  });
});
