/**
 * Checks of the rule files themselves: ids and categories match the catalogue, every indicator
 * speaks all eight languages with examples (catastrophic backtracking: redos.test.ts), the files are in canonical form, and rules/README.md is current.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../src/engine/types.js';
import { toPack } from '../src/rules/pack.js';
import { formatNegationFile, formatRuleFile } from '../src/rules/format.js';
import { readRuleFolder } from '../src/rules/read-files.js';
import { renderRulesReadme } from '../src/rules/readme.js';

const folder = readRuleFolder('rules');
const CATALOGUE = join(import.meta.dirname, '..', '..', 'shared', 'reference', 'indicators.json');
/** Rules the project adds to the catalogue: contexts that gate or boost indicators, never scored. */
const PROJECT_CONTEXTS = ['abroad_context', 'adult_service_context'];

describe('catalogue', () => {
  it.skipIf(!existsSync(CATALOGUE))('every catalogue indicator has a rule file with its id and category', () => {
    const cat = JSON.parse(readFileSync(CATALOGUE, 'utf8')) as { indicators: { id: string; category: string }[] };
    for (const ind of cat.indicators) {
      const rule = folder.rules.find((r) => r.id === ind.id);
      expect(rule, ind.id).toBeDefined();
      expect(rule!.category, ind.id).toBe(ind.category);
    }
    const extra = folder.rules.filter((r) => !cat.indicators.some((i) => i.id === r.id)).map((r) => r.id);
    expect(extra.sort()).toEqual(PROJECT_CONTEXTS);
  });

  it('ids are unique, match their file names, and project additions are contexts', () => {
    const ids = folder.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of PROJECT_CONTEXTS) expect(folder.rules.find((r) => r.id === id)?.status).toBe('context');
  });

  it('every message id has an English text', () => {
    const en = JSON.parse(readFileSync('locales/en.json', 'utf8')) as Record<string, string>;
    for (const r of folder.rules) {
      expect(r.message).toBe(`indicator.${r.id}`);
      expect(en[`${r.message}.title`], r.id).toBeTruthy();
      expect(en[`${r.message}.advice`], r.id).toBeTruthy();
    }
  });
});

describe('languages and examples', () => {
  const textRules = folder.rules.filter((r) => r.status !== 'cross_ad');
  it.each(textRules.map((r) => [r.id, r] as const))('%s: patterns (or a detector) and 2+2 examples in all 8 languages', (_id, r) => {
    for (const lang of LANGS) {
      const own = (r.patterns[lang]?.phrases?.length ?? 0) + (r.patterns[lang]?.regex?.length ?? 0);
      const shared = (r.patterns.any?.phrases?.length ?? 0) + (r.patterns.any?.regex?.length ?? 0);
      expect(own + shared > 0 || r.detector !== undefined, `${r.id} has no way to fire in ${lang}`).toBe(true);
      const ex = r.examples[lang];
      expect(ex?.flagged.length ?? 0, `${r.id} ${lang} flagged examples`).toBeGreaterThanOrEqual(2);
      expect(ex?.clean.length ?? 0, `${r.id} ${lang} clean examples`).toBeGreaterThanOrEqual(2);
    }
  });

  it('cross-ad indicators are declared as scored from the index of other ads', () => {
    for (const id of ['shared_contact_different_names', 'near_duplicate_text']) {
      expect(folder.rules.find((r) => r.id === id)?.status).toBe('cross_ad');
    }
  });

  it('negatable rules have a negated clean example in every language', () => {
    // Checked through the engine in rules.examples.test.ts; here: the data is there to check.
    for (const r of folder.rules.filter((x) => x.negatable)) {
      for (const lang of LANGS) expect(r.examples[lang]?.clean.length ?? 0, `${r.id} ${lang}`).toBeGreaterThan(0);
    }
  });
});

describe('files', () => {
  it('rules/README.md is generated from the current rule files (npm run build:rules)', () => {
    expect(readFileSync('rules/README.md', 'utf8')).toBe(renderRulesReadme(folder.rules));
  });

  it('rule files are in canonical form (npm run format:rules)', () => {
    const bad = readdirSync('rules')
      .filter((f) => f.endsWith('.yaml'))
      .filter((f) => {
        const text = readFileSync(join('rules', f), 'utf8');
        return (f === 'negation.yaml' ? formatNegationFile(text) : formatRuleFile(text)) !== text;
      });
    expect(bad).toEqual([]);
  });
});
