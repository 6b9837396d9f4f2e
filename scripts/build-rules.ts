/**
 * Validates rules/*.yaml, compiles them once to catch pattern errors, and writes the runtime pack
 * (src/rules/packs.generated.json, used by the extension and the CLI) and rules/README.md.
 * Exits 1 with every problem listed when a file is wrong.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { compilePack } from '../src/engine/compile.js';
import { createEngine } from '../src/engine/engine.js';
import { PackSchema } from '../src/engine/rule-schema.js';
import { toSnapshot } from '../src/engine/snapshot.js';
import type { PhraseMemo } from '../src/engine/patterns.js';
import { readRuleFolder } from '../src/rules/read-files.js';
import { toPack } from '../src/rules/pack.js';
import { renderRulesReadme } from '../src/rules/readme.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const folder = readRuleFolder(join(root, 'rules'));
if (folder.problems.length) {
  console.error(`rules/: ${folder.problems.length} problem(s)`);
  for (const p of folder.problems) console.error(`  ${p}`);
  process.exit(1);
}
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;
const pack = toPack(folder.rules, folder.negation, version);
const memo: PhraseMemo = {};
try {
  createEngine(pack, { record: memo });
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
writeFileSync(join(root, 'src/rules/packs.generated.json'), JSON.stringify(pack));
// Every phrase compiled, so that engines start without compiling the built-in packs again.
writeFileSync(join(root, 'src/rules/compiled.generated.json'), JSON.stringify(memo));
// The validated, compiled built-in packs, which the extension and the CLI start from (snapshot.ts).
const validated = PackSchema.parse(pack);
writeFileSync(join(root, 'src/rules/engine.generated.json'), JSON.stringify(toSnapshot(validated, compilePack(validated, { memo }))));
writeFileSync(join(root, 'rules/README.md'), renderRulesReadme(folder.rules));
console.log(`rules: ${folder.rules.length} rule files, pack ${pack.version}`);
