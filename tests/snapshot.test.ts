/**
 * The build-time snapshot of the built-in packs (src/engine/snapshot.ts) must behave exactly as the
 * packs compiled from the rule files: same assessments on every rule example, round trip through
 * JSON, and a clear refusal of a snapshot of another format.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compilePack } from '../src/engine/compile.js';
import { createEngine, engineFromSnapshot } from '../src/engine/engine.js';
import { PackSchema } from '../src/engine/rule-schema.js';
import { SnapshotError, toSnapshot, type EngineSnapshot } from '../src/engine/snapshot.js';
import { LANGS } from '../src/engine/types.js';
import { toPack } from '../src/rules/pack.js';
import { readRuleFolder } from '../src/rules/read-files.js';

const folder = readRuleFolder('rules');
const pack = PackSchema.parse(toPack(folder.rules, folder.negation, 'snapshot-test'));
const compiled = createEngine(pack);
const snapshot = JSON.parse(JSON.stringify(toSnapshot(pack, compilePack(pack)))) as EngineSnapshot;
const restored = engineFromSnapshot(snapshot);

const texts: { text: string; title?: string; lang: string }[] = [];
for (const rule of folder.rules) {
  for (const lang of LANGS) {
    const ex = rule.examples[lang];
    if (!ex) continue;
    for (const e of ex.flagged) texts.push({ text: e.text, title: e.title, lang });
    for (const c of ex.clean) texts.push({ text: typeof c === 'string' ? c : c.text, lang });
  }
}

describe('engine snapshot', () => {
  it('gives the same assessment as the compiled packs on every rule example', () => {
    expect(texts.length).toBeGreaterThan(1000);
    const differ: string[] = [];
    for (const ad of texts) {
      if (JSON.stringify(compiled.assess(ad)) !== JSON.stringify(restored.assess(ad))) differ.push(ad.text.slice(0, 80));
    }
    expect(differ).toEqual([]);
  });

  it('gives the same assessment without a language hint (every pack scanned) and on mixed text', () => {
    const mixed = texts.slice(0, 400).map((t, i) => ({ text: `${t.text}\n${texts[(i * 7) % texts.length]!.text}` }));
    for (const ad of mixed) expect(restored.assess(ad)).toEqual(compiled.assess(ad));
  });

  it('keeps the rules without their patterns, and the same version', () => {
    expect(restored.version).toBe(compiled.version);
    expect(restored.version).toMatch(/^snapshot-test\+/);
    expect(restored.rules.map((r) => r.id)).toEqual(compiled.rules.map((r) => r.id));
    expect(restored.rules.every((r) => Object.keys(r.patterns).length === 0)).toBe(true);
  });

  it('refuses a snapshot of another format, saying how to rebuild it', () => {
    expect(() => engineFromSnapshot({ ...snapshot, format: 999 })).toThrow(SnapshotError);
    expect(() => engineFromSnapshot({ ...snapshot, format: 999 })).toThrow(/npm run build:rules/);
  });

  it('the built snapshot (src/rules/engine.generated.json) is of the current rule files', () => {
    const built = JSON.parse(readFileSync('src/rules/engine.generated.json', 'utf8')) as EngineSnapshot;
    const fresh = JSON.parse(readFileSync('src/rules/packs.generated.json', 'utf8')) as { version: string };
    expect(built.pack.version).toBe(fresh.version);
    const engine = engineFromSnapshot(built);
    const a = engine.assess({ text: 'Praca w Niemczech. Opłata rekrutacyjna 300 zł przed wyjazdem. Paszport przechowamy u nas.', lang: 'pl' });
    expect(a.flags.map((f) => f.rule)).toEqual(expect.arrayContaining(['fees_upfront', 'document_retention']));
  });
});
