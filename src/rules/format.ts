/**
 * The canonical text of a rule file: a fixed header, then the fields in a fixed order, block style.
 * `npm run format:rules` rewrites the files; a test checks every file is canonical, so diffs of rule
 * files stay small and readable whoever (or whatever tool) edited them.
 */
import { parse, stringify } from 'yaml';

const ORDER = ['id', 'title', 'category', 'weight', 'status', 'message', 'rationale', 'misfires', 'advice', 'common', 'negatable', 'requires', 'boost', 'detector', 'patterns', 'examples'];
const LANG_ORDER = ['any', 'en', 'es', 'it', 'pl', 'sk', 'bg', 'el', 'de'];

function header(id: string): string {
  return `# Indicator rule: ${id}. Patterns: the phrase language of src/engine/patterns.ts. Examples are tests\n# (tests/rules.examples.test.ts). rules/README.md is generated from these files (npm run build:rules).\n`;
}

function ordered(obj: Record<string, unknown>, order: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of order) if (k in obj) out[k] = obj[k];
  for (const k of Object.keys(obj)) if (!(k in out)) out[k] = obj[k];
  return out;
}

export function formatRuleFile(text: string): string {
  const data = parse(text) as Record<string, unknown>;
  const rule = ordered(data, ORDER);
  for (const key of ['patterns', 'examples']) {
    const v = rule[key];
    if (v && typeof v === 'object') rule[key] = ordered(v as Record<string, unknown>, LANG_ORDER);
  }
  return header(String(rule.id)) + stringify(rule, { lineWidth: 0, collectionStyle: 'block' });
}

export function formatNegationFile(text: string): string {
  const data = parse(text) as Record<string, unknown>;
  const head = text.split('\n').filter((l) => l.startsWith('#')).join('\n');
  return `${head}\n${stringify(ordered(data, LANG_ORDER), { lineWidth: 0, collectionStyle: 'block' })}`;
}
