/** Rewrites rules/*.yaml in canonical form (see src/rules/format.ts). */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatNegationFile, formatRuleFile } from '../src/rules/format.js';

const dir = join(import.meta.dirname, '..', 'rules');
let changed = 0;
for (const f of readdirSync(dir).filter((x) => x.endsWith('.yaml'))) {
  const path = join(dir, f);
  const before = readFileSync(path, 'utf8');
  const after = f === 'negation.yaml' ? formatNegationFile(before) : formatRuleFile(before);
  if (after !== before) {
    writeFileSync(path, after);
    changed++;
  }
}
console.log(`format:rules: ${changed} file(s) rewritten`);
