/**
 * The examples in every rule file are tests: a flagged example must raise its rule with exactly the
 * expected words; a clean example must not raise it. TELLTALE_LANG=pl limits the run to one language
 * (handy while writing a language's pack).
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../src/engine/engine.js';
import type { Assessment, Flag } from '../src/engine/types.js';
import { LANGS } from '../src/engine/types.js';
import { toPack } from '../src/rules/pack.js';
import { readRuleFolder } from '../src/rules/read-files.js';

const folder = readRuleFolder('rules');
const engine = createEngine(toPack(folder.rules, folder.negation, 'test'));
const only = process.env.TELLTALE_LANG;

function findRule(a: Assessment, id: string): Flag | undefined {
  return [...a.flags, ...a.contexts, ...a.mitigations.filter((m) => !m.negated)].find((f) => f.rule === id);
}

function original(ad: { title?: string; text: string }, f: Flag): string[] {
  return f.spans.map((s) => (s.field === 'title' ? ad.title ?? '' : s.field === 'text' ? ad.text : '').slice(s.start, s.end));
}

it('the rule folder has no problems', () => {
  expect(folder.problems).toEqual([]);
});

for (const rule of folder.rules) {
  const langs = LANGS.filter((l) => (!only || only === l) && rule.examples[l]);
  if (langs.length === 0) continue;
  describe(rule.id, () => {
    for (const lang of langs) {
      const ex = rule.examples[lang]!;
      ex.flagged.forEach((e, i) => {
        it(`${lang} flagged[${i}]: ${e.text.slice(0, 60)}`, () => {
          const ad = { text: e.text, title: e.title, lang, country: e.country, location: e.location, employer: e.employer };
          const a = engine.assess(ad);
          const f = findRule(a, rule.id);
          expect(f, `not raised; raised: ${[...a.flags, ...a.contexts].map((x) => x.rule).join(', ') || 'nothing'}`).toBeDefined();
          if (e.match) expect(original(ad, f!)).toContain(e.match);
        });
      });
      ex.clean.forEach((c, i) => {
        const e = typeof c === 'string' ? { text: c, title: undefined, country: undefined, location: undefined, employer: undefined } : c;
        it(`${lang} clean[${i}]: ${e.text.slice(0, 60)}`, () => {
          const ad = { text: e.text, title: e.title, lang, country: e.country, location: e.location, employer: e.employer };
          const f = findRule(engine.assess(ad), rule.id);
          expect(f ? original(ad, f) : undefined, `raised on: ${f ? original(ad, f).join(' | ') : ''}`).toBeUndefined();
        });
      });
    }
  });
}
