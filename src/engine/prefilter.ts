/**
 * The prefilter: patterns indexed by the words that can start them (or that every match contains),
 * so that an ad pays only for the few patterns whose anchor words it contains, and a pattern whose
 * matches always begin at an anchor word is tried only at those words instead of over the whole text.
 *
 * One index holds the patterns of every language and the place names; each entry belongs to a group
 * (a language, "any", countries, cities), and one pass over an ad's words finds the candidates of
 * all the groups the ad needs.
 */
import { isWordUnit } from './normalise.js';
import type { Anchor } from './patterns.js';

/** Something the prefilter can run: a compiled pattern, and whether it is tried only at anchor words. */
export interface Matchable {
  /** Sticky ('y') when `atStart`, global ('g') otherwise (see flagsFor). */
  re: RegExp;
  atStart: boolean;
  /** A small number naming the entry's group; scans take a bit mask of the groups to run. */
  group: number;
}

/** One anchor of a bucket, and the entries it calls for, group by group. */
interface BucketAnchor {
  text: string;
  exact: boolean;
  /** The groups of its entries, as a bit mask: an anchor of no group the scan wants is skipped. */
  groups: number;
  lists: GroupLists[];
  /** listsFor's merged lists, per scan mask. */
  byMask: Map<number, Omit<GroupLists, 'group'>>;
}

interface GroupLists {
  group: number;
  /** Entries tried at each word this anchor matches (atStart). */
  start: number[];
  /** Entries run over the whole text when this anchor matches a word. */
  scan: number[];
  /** Entries whose `required` anchor this is. */
  required: number[];
}

/** Entries (patterns, place names...) indexed by the words that can start them. */
export interface PrefixIndex<E extends Matchable> {
  entries: E[];
  /** Anchors by their first one, two or three letters (see keyOf). */
  buckets: Map<number, BucketAnchor[]>;
  /** Entries without anchors: they always run, over the whole text. */
  always: number[];
  /** Entries that also need a `required` anchor somewhere in the text. */
  requires: Set<number>;
  /** scan's per-entry work array, kept between calls so that a scan allocates only what it returns. */
  scratch?: (number[] | undefined)[];
}

export function emptyIndex<E extends Matchable>(): PrefixIndex<E> {
  return { entries: [], buckets: new Map(), always: [], requires: new Set() };
}

/** The regular expression flags an entry needs: the engine reads folded text with Unicode semantics. */
export const flagsFor = (atStart: boolean) => (atStart ? 'yu' : 'gu');

/**
 * Small integer keys for the first letters of a word, so that the prefilter reads the text without
 * cutting it into strings: each character of the folded alphabet (normalise.ts) gets a 7-bit code,
 * and one, two or three of them make a key that stays a small integer (fast as a Map key).
 */
const CODE = new Uint8Array(65536);
{
  let next = 1;
  const add = (from: number, to: number) => {
    for (let u = from; u <= to; u++) CODE[u] = next++;
  };
  add(97, 122); // a-z
  add(48, 57); // 0-9
  add(0x1c2, 0x1c2); // other letters
  add(0x3b1, 0x3c9); // α-ω
  add(0x430, 0x45f); // а-џ
}
const keyOf = (s: string, i: number, len: number): number => {
  const a = CODE[s.charCodeAt(i)]!;
  if (len === 1) return a;
  const b = CODE[s.charCodeAt(i + 1)]!;
  if (len === 2) return (1 << 14) | (a << 7) | b;
  return (1 << 21) | (a << 14) | (b << 7) | CODE[s.charCodeAt(i + 2)]!;
};

export function addEntry<E extends Matchable>(index: PrefixIndex<E>, entry: E, anchors: Anchor[], required: Anchor[] = []): void {
  const at = index.entries.push(entry) - 1;
  if (anchors.length === 0) {
    index.always.push(at);
    return;
  }
  if (required.length) index.requires.add(at);
  const slot = (anchor: Anchor): GroupLists => {
    const key = keyOf(anchor.text, 0, Math.min(3, anchor.text.length));
    let bucket = index.buckets.get(key);
    if (!bucket) index.buckets.set(key, (bucket = []));
    let b = bucket.find((x) => x.text === anchor.text && x.exact === anchor.exact);
    if (!b) bucket.push((b = { text: anchor.text, exact: anchor.exact, groups: 0, lists: [], byMask: new Map() }));
    b.groups |= 1 << entry.group;
    b.byMask.clear(); // the merged lists change with this entry
    let g = b.lists.find((x) => x.group === entry.group);
    if (!g) b.lists.push((g = { group: entry.group, start: [], scan: [], required: [] }));
    return g;
  };
  for (const anchor of anchors) {
    const g = slot(anchor);
    const list = entry.atStart ? g.start : g.scan;
    if (list[list.length - 1] !== at) list.push(at);
  }
  for (const anchor of required) slot(anchor).required.push(at);
}

/** Where the words of a folded text are (computed once per ad, shared by every prefilter). */
export interface TextWords {
  text: string;
  start: Int32Array;
  end: Int32Array;
  n: number;
}

export function wordsOf(text: string): TextWords {
  const start = new Int32Array(text.length / 2 + 2);
  const end = new Int32Array(text.length / 2 + 2);
  let n = 0;
  let i = 0;
  const len = text.length;
  while (i < len) {
    while (i < len && !isWordUnit(text.charCodeAt(i))) i++;
    if (i >= len) break;
    const s = i;
    while (i < len && isWordUnit(text.charCodeAt(i))) i++;
    start[n] = s;
    end[n] = i;
    n++;
  }
  return { text, start, end, n };
}

/** What one pass over an ad's words found: the entries to run, and where. */
export interface Candidates {
  /** Entry indexes, ascending. */
  order: number[];
  /** For each entry of `order`: the word starts to try it at, or [SCAN] to run it over the text. */
  at: number[][];
}

const SCAN = -1;

/**
 * The entries an anchor calls for in the groups of `mask`, merged across groups; remembered per
 * mask, since an index sees only a few (one per language combination of the ads it reads).
 */
function listsFor(b: BucketAnchor, mask: number): Omit<GroupLists, 'group'> {
  let merged = b.byMask.get(mask);
  if (merged === undefined) {
    const inMask = b.lists.filter((g) => (mask & (1 << g.group)) !== 0);
    merged = { start: inMask.flatMap((g) => g.start), scan: inMask.flatMap((g) => g.scan), required: inMask.flatMap((g) => g.required) };
    b.byMask.set(mask, merged);
  }
  return merged;
}

/** Finds the entries of the groups in `mask` that the words call for. */
export function scan<E extends Matchable>(index: PrefixIndex<E>, words: TextWords, mask: number): Candidates {
  const entries = index.entries;
  const at: (number[] | undefined)[] = index.scratch?.length === entries.length ? index.scratch : (index.scratch = new Array(entries.length).fill(undefined));
  const touched: number[] = [];
  for (const e of index.always) {
    if ((mask & (1 << entries[e]!.group)) === 0) continue;
    at[e] = [SCAN];
    touched.push(e);
  }
  let present: Set<number> | undefined;
  const { text, start, end, n } = words;
  const buckets = index.buckets;
  for (let w = 0; w < n; w++) {
    const s = start[w]!;
    const len = end[w]! - s;
    // A word can begin anchors of one, two and three or more letters.
    for (let keyLen = 1; keyLen <= 3 && keyLen <= len; keyLen++) {
      const bucket = buckets.get(keyOf(text, s, keyLen));
      if (bucket === undefined) continue;
      for (const b of bucket) {
        if ((b.groups & mask) === 0) continue;
        if (b.exact ? b.text.length !== len : b.text.length > len) continue;
        if (b.text.length > 3 && !text.startsWith(b.text, s)) continue;
        const lists = listsFor(b, mask);
        for (const e of lists.start) {
          const list = at[e];
          if (list === undefined) {
            at[e] = [s];
            touched.push(e);
          } else if (list[list.length - 1] !== s) list.push(s);
        }
        for (const e of lists.scan) {
          if (at[e] !== undefined) continue;
          at[e] = [SCAN];
          touched.push(e);
        }
        for (const e of lists.required) (present ??= new Set()).add(e);
      }
    }
  }
  touched.sort((a, b) => a - b);
  const order: number[] = [];
  const lists: number[][] = [];
  for (const e of touched) {
    if (index.requires.has(e) && !present?.has(e)) continue;
    order.push(e);
    lists.push(at[e]!);
  }
  for (const e of touched) at[e] = undefined;
  return { order, at: lists };
}

/**
 * Runs the candidates of the groups in `mask`, in entry order, and reports every match (leftmost
 * first, without overlaps, as a global search would). `onMatch` returns false to stop that entry.
 */
export function runCandidates<E extends Matchable>(
  index: PrefixIndex<E>,
  words: TextWords,
  found: Candidates,
  mask: number,
  onMatch: (entry: E, from: number, to: number) => boolean,
): void {
  const text = words.text;
  for (let k = 0; k < found.order.length; k++) {
    const entry = index.entries[found.order[k]!]!;
    if ((mask & (1 << entry.group)) === 0) continue;
    const re = entry.re;
    const at = found.at[k]!;
    if (at[0] === SCAN) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        if (!onMatch(entry, m.index, m.index + m[0].length)) break;
      }
      continue;
    }
    let after = 0;
    for (const s of at) {
      if (s < after) continue; // inside the previous match
      re.lastIndex = s;
      // test() on a sticky expression leaves lastIndex at the match's end and allocates nothing.
      if (!re.test(text) || re.lastIndex === s) continue;
      after = re.lastIndex;
      if (!onMatch(entry, s, after)) break;
    }
  }
}

/** Scans and runs in one go (for small indexes and one-off texts). */
export function runIndex<E extends Matchable>(index: PrefixIndex<E>, words: TextWords, mask: number, onMatch: (entry: E, from: number, to: number) => boolean): void {
  runCandidates(index, words, scan(index, words, mask), mask, onMatch);
}
