/**
 * The browser half of the index benchmark (bundled by scripts/bench-index.ts and run in a Chromium
 * page): fills an IndexedDB index with `size` invented ads, then checks `checks` new ones against it
 * as the extension does, timing each check.
 */
import { entryOf } from '../src/network/record.js';
import { crossAdFindings } from '../src/network/signals.js';
import { IdbAdIndex } from '../src/network/idb-index.js';
import { syntheticAds } from './synthetic-ads.js';

export interface IndexBenchResult {
  size: number;
  fillSeconds: number;
  checks: number;
  /** ms per check: the ad's contact keys and fingerprint, the index reads, the two signals. */
  check: number[];
  /** Of each check, ms for the ad's keys and fingerprint, and for the index reads. */
  keys: number[];
  reads: number[];
  /** ms per add (one put, the cap kept). */
  add: number[];
  /** Checks that found a cross-ad sign. */
  signs: number;
}

async function run(size: number, checks: number): Promise<IndexBenchResult> {
  const stream = syntheticAds();
  const index = new IdbAdIndex(size + checks, `bench-${Date.now()}`);
  const t0 = performance.now();
  const batch = [];
  for (let i = 0; i < size; i++) {
    batch.push(entryOf(stream.ad(i), i).record);
    if (batch.length === 1_000) await index.addMany(batch.splice(0));
  }
  await index.addMany(batch);
  const fillSeconds = (performance.now() - t0) / 1000;
  const check: number[] = [];
  const keys: number[] = [];
  const reads: number[] = [];
  const add: number[] = [];
  let signs = 0;
  for (let k = 0; k < checks; k++) {
    // New ads after the indexed ones: the stream's groups and templates reach back into the index.
    const ad = stream.ad(size + k);
    const a = performance.now();
    const entry = entryOf(ad, size + k);
    const e = performance.now();
    const candidates = await index.candidates(entry.record.contacts, entry.record.bands);
    reads.push(performance.now() - e);
    keys.push(e - a);
    const found = crossAdFindings(entry, candidates);
    const b = performance.now();
    await index.add(entry.record);
    add.push(performance.now() - b);
    check.push(b - a);
    if (found.length > 0) signs++;
  }
  await index.clear();
  return { size, fillSeconds, checks, check, keys, reads, add, signs };
}

(globalThis as { telltaleIndexBench?: typeof run }).telltaleIndexBench = run;
