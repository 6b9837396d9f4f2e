import { checkSync } from 'recheck';
import { compilePack } from './src/engine/compile.js';
import { toPack } from './src/rules/pack.js';
import { readRuleFolder } from './src/rules/read-files.js';
const folder = readRuleFolder('rules');
const compiled = compilePack(toPack(folder.rules, folder.negation, 'test'));
const BOUNDS = /^\(\?<!\[\\p\{L\}\\p\{N\}\]\)|\(\?!\[\\p\{L\}\\p\{N\}\]\)$/g;
const canon = (src: string) => {
  let x = src.replace(/(?<!\\[pP]\{)(?<!\\)[a-z\u0370-\u03ff\u0400-\u04ff]/g, 'q').replace(/q+/g, 'q');
  for (let i = 0; i < 3; i++) x = x.replace(/\(\?:q(?:\|q)+\)/g, 'q').replace(/\(\?:q\)/g, 'q').replace(/q+/g, 'q');
  return x;
};
const shapes = new Set<string>(); const hw: string[] = [];
for (const [, index] of compiled.langs) for (const e of index.entries) { const s = e.re.source.replace(BOUNDS, ''); if (e.label.includes('.regex[')) hw.push(s); else shapes.add(canon(s)); }
console.log('handwritten', hw.length, 'shapes', shapes.size);
let t = Date.now(); const stats: Record<string, number> = {};
for (const s of [...shapes].slice(0, 20)) { const r = checkSync(s, 'u', { timeout: 10000 }); stats[r.checker + ':' + r.status] = (stats[r.checker + ':' + r.status] ?? 0) + 1; }
console.log('20 shapes', Date.now() - t, 'ms', stats);
t = Date.now(); const st2: Record<string, number> = {};
for (const s of hw.slice(0, 20)) { const r = checkSync(s, 'u', { timeout: 10000 }); st2[r.checker + ':' + r.status] = (st2[r.checker + ':' + r.status] ?? 0) + 1; }
console.log('20 hw', Date.now() - t, 'ms', st2);
console.log([...shapes][0]);
const res: [number, string, string][] = [];
for (const s of shapes) { const t0 = Date.now(); const r = checkSync(s, 'u', { timeout: 5000 }); res.push([Date.now() - t0, r.status, s]); }
res.sort((a, b) => b[0] - a[0]);
console.log('total', res.reduce((a, b) => a + b[0], 0), 'ms; not safe:', res.filter((r) => r[1] !== 'safe').length);
for (const r of res.slice(0, 8)) console.log(r[0], r[1], r[2].slice(0, 300));
