/**
 * rules/README.md is generated from the rule files (npm run build:rules) and a test keeps it in
 * sync, so the documentation of every indicator is its own data and its own tests.
 */
import type { RuleFile } from '../engine/rule-schema.js';
import { WEIGHTS } from '../engine/rule-schema.js';
import { LANGS } from '../engine/types.js';

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function markMatch(text: string, match: string): string {
  const i = text.indexOf(match);
  const t = i < 0 ? text : `${text.slice(0, i)}**${match}**${text.slice(i + match.length)}`;
  return esc(t);
}

export function renderRulesReadme(rules: RuleFile[]): string {
  const sorted = [...rules].sort((a, b) => a.id.localeCompare(b.id));
  const lines: string[] = [];
  lines.push('# Rule packs');
  lines.push('');
  lines.push('<!-- Generated from rules/*.yaml by `npm run build:rules`; do not edit by hand (a test checks it). -->');
  lines.push('');
  lines.push('One file per indicator; the id is the file name and the id of the catalogue (`../shared/reference/INDICATORS.md`).');
  lines.push('Patterns are written in the phrase language described in `src/engine/patterns.ts`; the examples are the');
  lines.push('tests (`tests/rules.examples.test.ts`): a flagged example must raise the rule with exactly the marked words,');
  lines.push('a clean example must not raise it. Weights are score points: ' +
    Object.entries(WEIGHTS).map(([k, v]) => `${k} ${v}`).join(', ') + '.');
  lines.push('');
  lines.push(`| id | title | category | weight | status | ${LANGS.join(' | ')} |`);
  lines.push(`|---|---|---|---|---|${LANGS.map(() => '---').join('|')}|`);
  for (const r of sorted) {
    const cells = LANGS.map((l) => {
      const p = r.patterns[l];
      const n = (p?.phrases?.length ?? 0) + (p?.regex?.length ?? 0);
      const e = r.examples[l];
      return `${n}p ${e ? `${e.flagged.length}+/${e.clean.length}-` : '0+/0-'}`;
    });
    const status = r.status + (r.detector ? `, detector ${r.detector}` : '') + (r.common ? ', common' : '');
    lines.push(`| \`${r.id}\` | ${esc(r.title)} | ${r.category} | ${r.weight} | ${status} | ${cells.join(' | ')} |`);
  }
  lines.push('');
  lines.push('Cells: patterns in that language (p), flagged (+) and clean (-) examples. Language-independent patterns');
  lines.push('(messengers, emoji, registration numbers) are under `any`.');
  for (const r of sorted) {
    lines.push('');
    lines.push(`## \`${r.id}\`: ${r.title}`);
    lines.push('');
    lines.push(`- Why it matters: ${r.rationale.text}${r.rationale.sources.length ? ` (sources: ${r.rationale.sources.join(', ')})` : ''}`);
    if (r.rationale.seed) lines.push(`- Seed module: ${r.rationale.seed}`);
    lines.push(`- When it misfires: ${r.misfires}`);
    lines.push(`- What to check: ${r.advice}`);
    const extra: string[] = [];
    if (r.negatable) extra.push('a negation nearby turns it into a mitigation');
    if (r.requires) extra.push(`counts only with ${r.requires.join(' or ')}`);
    if (r.boost) extra.push(`weight ${r.boost.weight} with ${r.boost.with.join(' or ')}`);
    if (extra.length) lines.push(`- Scoring: ${extra.join('; ')}`);
    for (const l of LANGS) {
      const e = r.examples[l];
      if (!e || (e.flagged.length === 0 && e.clean.length === 0)) continue;
      lines.push('');
      lines.push(`| ${l} | example |`);
      lines.push('|---|---|');
      for (const f of e.flagged) lines.push(`| flagged | ${f.match ? markMatch(f.text, f.match) : esc(f.text)} |`);
      for (const c of e.clean) lines.push(`| clean | ${esc(typeof c === 'string' ? c : c.text)} |`);
    }
  }
  lines.push('');
  return lines.join('\n');
}
