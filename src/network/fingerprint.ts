/**
 * Text fingerprints for near-duplicate ads: MinHash over word shingles, with locality-sensitive
 * hashing (LSH) bands so that an index finds the few ads worth comparing without reading them all.
 *
 * - Words are the engine's folded words (case, diacritics and look-alikes folded), without words
 *   that have no letter: the same template with another phone number, price or date is the same text.
 * - Shingles are runs of SHINGLE consecutive words; the similarity of two ads is the Jaccard index
 *   of their shingle sets, which MinHash estimates from SIG_SIZE minimum hash values.
 * - Two ads are near duplicates at an estimated similarity of NEAR_DUPLICATE (0.8) or more: a few
 *   words changed, a sentence added or removed, the contact line swapped. Ads of one board written
 *   from the same form share their headings, but far less than that (tests/network.test.ts).
 * - Ads with fewer than MIN_SHINGLES shingles get no fingerprint: "Praca w Niemczech, tel. ..."
 *   is the same few words in hundreds of unrelated ads.
 * - LSH: BANDS bands of ROWS values each, over the first 32 values of the signature; ads that agree
 *   on all values of at least one band are candidates, and all 64 values then estimate their
 *   similarity. A pair at 0.8 becomes a candidate with a probability of 1 - (1 - 0.8^4)^8 ≈ 0.985,
 *   at 0.9 of 0.9996; at 0.3 of 0.06 (the signature comparison drops it). Eight bands rather than
 *   sixteen: each band is one IndexedDB read, and a check in the browser must stay within 5 ms
 *   with 50,000 ads indexed (npm run bench:index measured 2.4 ms of reads with 16, 1.1 ms with 8).
 */
import type { AdDocument } from '../engine/document.js';

export const SHINGLE = 3;
export const SIG_SIZE = 64;
export const BANDS = 8;
export const ROWS = 4;
export const NEAR_DUPLICATE = 0.8;
export const MIN_SHINGLES = 8;

export interface Fingerprint {
  /** MinHash signature: SIG_SIZE unsigned 32-bit values. */
  sig: Uint32Array;
  /** One key per band: band number × 2^32 + the band's hash (an exact integer below 2^36). */
  bands: number[];
}

// Seeds of the hash functions: fixed, so that fingerprints stay comparable across runs and builds.
const SEEDS = (() => {
  const s = new Uint32Array(SIG_SIZE);
  let x = 0x9e3779b9;
  for (let i = 0; i < SIG_SIZE; i++) {
    x = fmix32(x + 0x6d2b79f5);
    s[i] = x;
  }
  return s;
})();

/** MurmurHash3's finaliser: a fast 32-bit mix with good avalanche. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over a word's UTF-16 units. */
function wordHash(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// A word counts when it has a letter of the folded alphabet (Latin, Greek, Cyrillic).
const LETTER = /[a-z\u01c2\u03b1-\u03c9\u0430-\u045f]/u;

/** The fingerprint of an ad's folded words, or undefined when the ad is too short to compare. */
export function fingerprint(doc: AdDocument): Fingerprint | undefined {
  const { text, start, end, n } = doc.words;
  const hashes: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = start[i]!;
    const e = end[i]!;
    if (LETTER.test(text.slice(s, e))) hashes.push(wordHash(text, s, e));
  }
  const count = hashes.length - SHINGLE + 1;
  if (count < MIN_SHINGLES) return undefined;
  const sig = new Uint32Array(SIG_SIZE).fill(0xffffffff);
  const seen = new Set<number>();
  for (let i = 0; i < count; i++) {
    // Order matters inside a shingle: rotate each word's hash by its place.
    const sh = fmix32(hashes[i]! ^ rotl(hashes[i + 1]!, 11) ^ rotl(hashes[i + 2]!, 22));
    if (seen.has(sh)) continue;
    seen.add(sh);
    for (let k = 0; k < SIG_SIZE; k++) {
      const v = fmix32(sh ^ SEEDS[k]!);
      if (v < sig[k]!) sig[k] = v;
    }
  }
  return { sig, bands: bandsOf(sig) };
}

const rotl = (x: number, r: number) => ((x << r) | (x >>> (32 - r))) >>> 0;

/** The LSH band keys of a signature (the CLI index recomputes them instead of keeping them). */
export function bandsOf(sig: Uint32Array): number[] {
  const out: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = fmix32(h ^ sig[b * ROWS + r]!);
    out.push(b * 0x1_0000_0000 + h);
  }
  return out;
}

/** The estimated Jaccard similarity of two signatures: the share of equal minimum values. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < SIG_SIZE; k++) if (a[k] === b[k]) same++;
  return same / SIG_SIZE;
}

/** The module's expressions, for the catastrophic-backtracking tests (tests/redos.test.ts). */
export const FINGERPRINT_REGEXES = { LETTER };
