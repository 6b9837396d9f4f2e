/**
 * From rule files to the runtime pack: examples are dropped (they are tests, not runtime data) and
 * the version is the package version plus a hash of the rules, so an assessment says exactly which
 * rules produced it.
 */
import type { NegationCues, Pack, RuleFile, RuntimeRule } from '../engine/rule-schema.js';

/** FNV-1a, 32 bit: small, dependency-free and the same in Node and in the browser. */
export function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export function toPack(files: RuleFile[], negation: NegationCues, packageVersion: string): Pack {
  const rules: RuntimeRule[] = [...files]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map(({ examples: _examples, ...rule }) => rule);
  const body = JSON.stringify({ rules, negation });
  return { version: `${packageVersion}+${fnv1a(body)}`, rules, negation };
}
