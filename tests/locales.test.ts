/**
 * The interface and indicator texts in the eight languages (locales/<lang>.json): every key of the
 * English file exists, non-empty, in every language, with the same placeholders ({name}), and every
 * rule has its title, why and advice.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../src/engine/types.js';
import { readRuleFolder } from '../src/rules/read-files.js';

const load = (lang: string) => JSON.parse(readFileSync(`locales/${lang}.json`, 'utf8')) as Record<string, string>;
const en = load('en');
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  it('English has a title, a why and an advice for every rule', () => {
    for (const r of readRuleFolder('rules').rules) {
      for (const part of ['title', 'why', 'advice']) expect(en[`indicator.${r.id}.${part}`], `${r.id}.${part}`).toBeTruthy();
    }
  });
  for (const lang of LANGS.filter((l) => l !== 'en')) {
    it(`${lang} has every English key, none empty, with the same placeholders`, () => {
      const texts = load(lang);
      const problems: string[] = [];
      for (const [key, value] of Object.entries(en)) {
        const t = texts[key];
        if (typeof t !== 'string' || !t.trim()) problems.push(`${key}: missing or empty`);
        else if (placeholders(t).join() !== placeholders(value).join()) problems.push(`${key}: placeholders ${placeholders(t)} differ from ${placeholders(value)}`);
      }
      for (const key of Object.keys(texts)) if (!(key in en)) problems.push(`${key}: not an English key`);
      expect(problems).toEqual([]);
    });
  }
});
