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
  /** The expression, compiled on first use (see regexOf). */
  source: string;
  /** Sticky ('y') when `atStart`, global ('g') otherwise (see flagsFor). */
  re?: RegExp;
  atStart: boolean;
  /** A small number naming the entry's group; scans take a bit mask of the groups to run. */
  group: number;
}

/** The entries one anchor calls for, group by group. */
interface AnchorSlot {
  /** The groups of its entries, as a bit mask: an anchor of no group the scan wants is skipped. */
  groups: number;
  lists: GroupLists[];
  /** listsFor's merged lists, per scan mask (made on first use: most anchors never match). */
  byMask?: Map<number, MergedLists>;
  /** The last mask asked for and its lists: consecutive ads mostly share one. */
  lastMask: number;
  last?: MergedLists;
}

/**
 * One group's entries for an anchor: [group, entries tried at each word the anchor matches
 * (atStart), entries run over the whole text when it matches, entries whose `required` anchor it
 * is]. A tuple, so that a snapshot's rows serve as they are (snapshot.ts).
 */
type GroupLists = [group: number, start: number[], scan: number[], required: number[]];

interface MergedLists {
  start: number[];
  scan: number[];
  required: number[];
}

/**
 * Entries (patterns, place names...) indexed by the words that can start them, in a trie of the
 * anchors' letters: a word of the text is read letter by letter down the trie, and the walk ends
 * where no anchor continues, so that a word costs a few lookups whatever the number of anchors.
 */
export interface PrefixIndex<E extends Matchable> {
  entries: E[];
  /**
   * The trie's edges: the child of node `n` by the letter of code `c` (see CODE) has the key
   * n * 128 + c, in an open-addressing hash table (a lookup is a few typed-array reads, several
   * times faster than Map.get, and building it costs no Map rehashing at start-up). Only adding
   * anchors reads it (the scan reads FastTrie); a restored index builds it when first needed.
   */
  table?: EdgeTable;
  /** Per node: the key of the edge that leads to it (node 0, the root, has none). */
  nodeKeys: number[];
  /** Per node: the anchor that a word beginning with the node's letters matches ("^prac"). */
  prefixAt: (AnchorSlot | undefined)[];
  /** Per node: the anchor that a word of exactly the node's letters matches ("=na"). */
  exactAt: (AnchorSlot | undefined)[];
  /** Entries without anchors: they always run, over the whole text. */
  always: number[];
  /** Entries that also need a `required` anchor somewhere in the text. */
  requires: Set<number>;
  /** scan's per-entry work array, kept between calls so that a scan allocates only what it returns. */
  scratch?: (number[] | undefined)[];
  /** The scan's read-only view of the trie (see FastTrie), made on first scan, dropped on change. */
  fast?: FastTrie;
  /** scan's list of anchor hits, kept between calls. */
  hits?: Int32Array;
  /**
   * scan's per-entry marks, kept between calls (see EntryMarks): which entries the walk touched, and
   * which `required` anchors the text has.
   */
  marks?: EntryMarks;
}

/**
 * Per-entry bits for one scan, as typed arrays sized to the index's entries: which entries the walk
 * touched (read back in entry order one 32-bit word at a time, instead of sorting a list of them) and
 * which entries have a required anchor in the text. With `requires` as a bit per entry too, deciding
 * whether a touched entry runs costs two array reads instead of two Set lookups; together those were
 * a third of the scan's time.
 */
interface EntryMarks {
  touched: Int32Array;
  present: Int32Array;
  /** index.requires as bits (an index's requires change only with its entries, see marksOf). */
  requires: Int32Array;
  /** How many entries the arrays were made for. */
  entries: number;
}

/**
 * What the scan reads for every letter of every word, in small flat arrays: the trie is walked
 * about 1,600 steps per 2 KB ad, and reading the anchor objects at each node was most of the cost
 * (cache misses, not work).
 */
interface FastTrie {
  /**
   * The first two levels, indexed by the first letters' codes: slot c1 * 128 holds the node of the
   * one-letter prefix c1, slot c1 * 128 + c2 that of c1 c2 (0: no anchor goes on). Most words leave
   * the trie within two letters, so most cost one array read instead of two hash probes.
   */
  top: Int32Array;
  /**
   * Per node, side by side: at 2n the groups of its prefix anchor's entries, at 2n + 1 those of its
   * exact anchor's (0: none), as AnchorSlot.groups (there are fewer than 16 groups).
   */
  groups: Uint16Array;
  /**
   * Below the first two levels, each node's children side by side (compressed rows): those of node
   * n are kids[first[n] .. first[n + 1]), ordered by letter code (codes). A word's walk then reads a
   * few neighbouring bytes per letter instead of probing a half-empty hash table, which is far larger
   * and, between two ads, no longer in the processor's cache.
   */
  first: Uint16Array | Int32Array;
  codes: Uint8Array;
  kids: Uint16Array | Int32Array;
}

export function emptyIndex<E extends Matchable>(): PrefixIndex<E> {
  return { entries: [], nodeKeys: [-1], prefixAt: [undefined], exactAt: [undefined], always: [], requires: new Set() };
}

/** The regular expression flags an entry needs: the engine reads folded text with Unicode semantics. */
export const flagsFor = (atStart: boolean) => (atStart ? 'yu' : 'gu');

/**
 * An entry's expression, compiled the first time an ad calls for it: an ad runs a few dozen of the
 * built-in packs' 2,466 expressions, and compiling them all up front was a sixth of the start-up time.
 */
export const regexOf = (e: Matchable): RegExp => (e.re ??= new RegExp(e.source, flagsFor(e.atStart)));

/**
 * A 7-bit code for each character of the folded alphabet (normalise.ts), so that a trie edge is a
 * small integer key and the text is read without cutting it into strings.
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

/**
 * Trie edges in one typed array of (key, child) pairs, side by side so that a probe reads one cache
 * line; a key of 0 marks an empty slot (no edge has key 0: letter codes start at 1), so that a new
 * table needs no filling.
 */
interface EdgeTable {
  kv: Int32Array;
  /** Slots minus one. */
  mask: number;
  /** 32 minus the table's size in bits: a slot is the top bits of a multiplicative hash. */
  shift: number;
}

const slotOf = (key: number, shift: number) => Math.imul(key, 0x9e3779b1) >>> shift;

function edgeTable(bits: number): EdgeTable {
  const size = 1 << bits;
  return { kv: new Int32Array(size * 2), mask: size - 1, shift: 32 - bits };
}

function insertEdge(t: EdgeTable, key: number, child: number): void {
  let i = slotOf(key, t.shift);
  while (t.kv[i * 2] !== 0) i = (i + 1) & t.mask;
  t.kv[i * 2] = key;
  t.kv[i * 2 + 1] = child;
}

function fastTrie<E extends Matchable>(index: PrefixIndex<E>): FastTrie {
  // Nodes come after their parents: a node one or two letters deep finds its parent's slot filled.
  const top = new Int32Array(128 * 128);
  const keys = index.nodeKeys;
  for (let n = 1; n < keys.length; n++) {
    const parent = Math.floor(keys[n]! / 128);
    const code = keys[n]! % 128;
    if (parent === 0) top[code * 128] = n;
    else if (keys[parent]! < 128) top[keys[parent]! * 128 + code] = n;
  }
  const nodes = index.prefixAt.length;
  const groups = new Uint16Array(nodes * 2);
  for (let n = 0; n < nodes; n++) {
    groups[2 * n] = index.prefixAt[n]?.groups ?? 0;
    groups[2 * n + 1] = index.exactAt[n]?.groups ?? 0;
  }
  // Edges sorted by key (parent * 128 + code): by parent, then by letter.
  const order = Int32Array.from({ length: nodes - 1 }, (_, i) => i + 1).sort((a, b) => index.nodeKeys[a]! - index.nodeKeys[b]!);
  // Two bytes a node where they fit (the built-in packs have about 20,000 nodes): half the cache.
  const small = nodes < 65536;
  const first = small ? new Uint16Array(nodes + 1) : new Int32Array(nodes + 1);
  const codes = new Uint8Array(nodes);
  const kids = small ? new Uint16Array(nodes) : new Int32Array(nodes);
  for (const n of order) first[Math.floor(index.nodeKeys[n]! / 128) + 1]!++;
  for (let n = 0; n < nodes; n++) first[n + 1]! += first[n]!;
  order.forEach((n, k) => {
    codes[k] = index.nodeKeys[n]! % 128;
    kids[k] = n;
  });
  return { top, groups, first, codes, kids };
}

/** The edge table of the nodes so far (nodeKeys[n] leads to node n), at most half full. */
function edgesOf(nodeKeys: readonly number[]): EdgeTable {
  let bits = 12;
  while (1 << bits < (nodeKeys.length + 1) * 2) bits++;
  const table = edgeTable(bits);
  for (let n = 1; n < nodeKeys.length; n++) insertEdge(table, nodeKeys[n]!, n);
  return table;
}

/** The child at `key`, or -1. */
function childAt(t: EdgeTable, key: number): number {
  let i = slotOf(key, t.shift);
  for (let k = t.kv[i * 2]!; k !== 0; k = t.kv[(i = (i + 1) & t.mask) * 2]!) if (k === key) return t.kv[i * 2 + 1]!;
  return -1;
}

/** The trie node of an anchor's text, created if needed. */
function nodeFor<E extends Matchable>(index: PrefixIndex<E>, text: string): number {
  let node = 0;
  let table = (index.table ??= edgesOf(index.nodeKeys));
  for (let i = 0; i < text.length; i++) {
    const key = node * 128 + CODE[text.charCodeAt(i)]!;
    let child = childAt(table, key);
    if (child === -1) {
      child = index.prefixAt.push(undefined) - 1;
      index.fast = undefined;
      index.exactAt.push(undefined);
      index.nodeKeys.push(key);
      // Kept at most half full, so that probes stay short.
      if (child * 2 > table.mask + 1) table = index.table = edgesOf(index.nodeKeys.slice(0, child));
      insertEdge(table, key, child);
    }
    node = child;
  }
  return node;
}

export function addEntry<E extends Matchable>(index: PrefixIndex<E>, entry: E, anchors: Anchor[], required: Anchor[] = []): void {
  const at = index.entries.push(entry) - 1;
  if (anchors.length === 0) {
    index.always.push(at);
    return;
  }
  if (required.length) index.requires.add(at);
  const slot = (anchor: Anchor): GroupLists => {
    const node = nodeFor(index, anchor.text);
    const table = anchor.exact ? index.exactAt : index.prefixAt;
    let b = table[node];
    if (!b) table[node] = b = { groups: 0, lists: [], lastMask: 0 };
    b.groups |= 1 << entry.group;
    index.fast = undefined;
    // The merged lists change with this entry.
    b.byMask = undefined;
    b.last = undefined;
    let g = b.lists.find((x) => x[0] === entry.group);
    if (!g) b.lists.push((g = [entry.group, [], [], []]));
    return g;
  };
  for (const anchor of anchors) {
    const g = slot(anchor);
    const list = entry.atStart ? g[1] : g[2];
    if (list[list.length - 1] !== at) list.push(at);
  }
  for (const anchor of required) slot(anchor)[3].push(at);
}

/** An index's trie and anchor lists as plain arrays (see snapshot.ts). */
export interface IndexParts {
  /** Per node but the root, in order: the key of the edge that leads to it. */
  nodeKeys: number[];
  /** [node, exact, groups (bit mask), lists] per anchor. */
  slots: [number, 0 | 1, number, GroupLists[]][];
  always: number[];
  requires: number[];
}

/** Rebuilds an index from its parts: typed arrays filled in one go, no trie walk per anchor. */
export function restoreIndex<E extends Matchable>(entries: E[], parts: IndexParts): PrefixIndex<E> {
  const nodes = parts.nodeKeys.length + 1;
  const prefixAt: (AnchorSlot | undefined)[] = new Array(nodes).fill(undefined);
  const exactAt: (AnchorSlot | undefined)[] = new Array(nodes).fill(undefined);
  for (const row of parts.slots) {
    const slot: AnchorSlot = { groups: row[2], lists: row[3], lastMask: 0 };
    if (row[1] === 1) exactAt[row[0]] = slot;
    else prefixAt[row[0]] = slot;
  }
  return { entries, nodeKeys: [-1, ...parts.nodeKeys], prefixAt, exactAt, always: parts.always, requires: new Set(parts.requires) };
}

/** Every anchor of an index as "=word" or "^prefix" (for tests and tools). */
export function anchorTexts<E extends Matchable>(index: PrefixIndex<E>): string[] {
  const letters = new Map<number, string>();
  for (let u = 0; u < CODE.length; u++) if (CODE[u]) letters.set(CODE[u]!, String.fromCharCode(u));
  const texts = new Map<number, string>([[0, '']]);
  // Nodes are created parent first, so one pass in order names every node.
  index.nodeKeys.forEach((key, child) => {
    if (child > 0) texts.set(child, texts.get(Math.floor(key / 128))! + letters.get(key % 128)!);
  });
  const out: string[] = [];
  for (const [node, text] of texts) {
    if (index.prefixAt[node]) out.push(`^${text}`);
    if (index.exactAt[node]) out.push(`=${text}`);
  }
  return out;
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
function listsFor(b: AnchorSlot, mask: number): MergedLists {
  if (b.last !== undefined && b.lastMask === mask) return b.last;
  let merged = b.byMask?.get(mask);
  if (merged === undefined) {
    const inMask = b.lists.filter((g) => (mask & (1 << g[0])) !== 0);
    merged = { start: inMask.flatMap((g) => g[1]), scan: inMask.flatMap((g) => g[2]), required: inMask.flatMap((g) => g[3]) };
    (b.byMask ??= new Map()).set(mask, merged);
  }
  b.lastMask = mask;
  b.last = merged;
  return merged;
}

/** The index's EntryMarks, made again when entries were added since (all bits clear between scans). */
function marksOf<E extends Matchable>(index: PrefixIndex<E>): EntryMarks {
  const entries = index.entries.length;
  if (index.marks?.entries === entries) return index.marks;
  const words = (entries >> 5) + 1;
  const requires = new Int32Array(words);
  for (const e of index.requires) requires[e >> 5]! |= 1 << (e & 31);
  return (index.marks = { touched: new Int32Array(words), present: new Int32Array(words), requires, entries });
}

/** Finds the entries of the groups in `mask` that the words call for. */
export function scan<E extends Matchable>(index: PrefixIndex<E>, words: TextWords, mask: number): Candidates {
  const entries = index.entries;
  const at: (number[] | undefined)[] = index.scratch?.length === entries.length ? index.scratch : (index.scratch = new Array(entries.length).fill(undefined));
  const { touched, present, requires } = marksOf(index);
  for (const e of index.always) {
    if ((mask & (1 << entries[e]!.group)) === 0) continue;
    at[e] = [SCAN];
    touched[e >> 5]! |= 1 << (e & 31);
  }
  const { text, start, end, n } = words;
  const { prefixAt, exactAt } = index;
  const { top, groups, first, codes, kids } = (index.fast ??= fastTrie(index));
  // The walk only notes its hits (anchor slot, word start); they are handled after it, so that the
  // walk stays a tight loop over typed arrays. Slot ids: 2 * node for a prefix anchor, + 1 for exact.
  const room = 2 * (text.length + n + 2);
  const hits = index.hits && index.hits.length >= room ? index.hits : (index.hits = new Int32Array(room * 2));
  let h = 0;
  for (let w = 0; w < n; w++) {
    const s = start[w]!;
    const last = end[w]! - 1;
    // The first letter, then the first two, from the direct table (node 0: no anchor goes on).
    const c1 = CODE[text.charCodeAt(s)]! * 128;
    let node = top[c1]!;
    if (node === 0) continue;
    if ((groups[2 * node]! & mask) !== 0) {
      hits[h++] = 2 * node;
      hits[h++] = s;
    }
    if (s === last) {
      if ((groups[2 * node + 1]! & mask) !== 0) {
        hits[h++] = 2 * node + 1;
        hits[h++] = s;
      }
      continue;
    }
    const c2 = CODE[text.charCodeAt(s + 1)]!;
    node = c2 === 0 ? 0 : top[c1 + c2]!;
    if (node === 0) continue;
    if ((groups[2 * node]! & mask) !== 0) {
      hits[h++] = 2 * node;
      hits[h++] = s;
    }
    if (s + 1 === last) {
      if ((groups[2 * node + 1]! & mask) !== 0) {
        hits[h++] = 2 * node + 1;
        hits[h++] = s;
      }
      continue;
    }
    // Down the rest of the trie letter by letter: prefix anchors on the way, an exact one at the end.
    for (let i = s + 2; i <= last; i++) {
      const c = CODE[text.charCodeAt(i)]!;
      let next = 0;
      for (let k = first[node]!, stop = first[node + 1]!; k < stop; k++) {
        const kc = codes[k]!;
        if (kc >= c) {
          if (kc === c) next = kids[k]!;
          break;
        }
      }
      if (next === 0) break;
      node = next;
      if ((groups[2 * node]! & mask) !== 0) {
        hits[h++] = 2 * node;
        hits[h++] = s;
      }
      if (i === last && (groups[2 * node + 1]! & mask) !== 0) {
        hits[h++] = 2 * node + 1;
        hits[h++] = s;
      }
    }
  }
  for (let k = 0; k < h; k += 2) {
    const id = hits[k]!;
    const s = hits[k + 1]!;
    const lists = listsFor((id & 1 ? exactAt[id >> 1] : prefixAt[id >> 1])!, mask);
    const startList = lists.start;
    for (let j = 0; j < startList.length; j++) {
      const e = startList[j]!;
      const list = at[e];
      if (list === undefined) {
        at[e] = [s];
        touched[e >> 5]! |= 1 << (e & 31);
      } else if (list[list.length - 1] !== s) list.push(s);
    }
    const scanList = lists.scan;
    for (let j = 0; j < scanList.length; j++) {
      const e = scanList[j]!;
      if (at[e] !== undefined) continue;
      at[e] = [SCAN];
      touched[e >> 5]! |= 1 << (e & 31);
    }
    const req = lists.required;
    for (let j = 0; j < req.length; j++) present[req[j]! >> 5]! |= 1 << (req[j]! & 31);
  }
  // The touched entries in ascending order, word by word of the bit set; every bit is cleared on the
  // way (and `at` with it), so that the marks are clean for the next scan.
  const order: number[] = [];
  const lists: number[][] = [];
  for (let wi = 0; wi < touched.length; wi++) {
    let bits = touched[wi]!;
    if (bits === 0) continue;
    // A touched entry that needs a required anchor runs only if the text has one.
    const skip = requires[wi]! & ~present[wi]!;
    touched[wi] = 0;
    while (bits !== 0) {
      const b = 31 - Math.clz32(bits & -bits); // the lowest bit set
      bits &= bits - 1;
      const e = (wi << 5) | b;
      if ((skip & (1 << b)) === 0) {
        order.push(e);
        lists.push(at[e]!);
      }
      at[e] = undefined;
    }
  }
  // Cleared whole: required anchors of entries the walk did not touch set bits in other words too.
  present.fill(0);
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
    const re = regexOf(entry);
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
