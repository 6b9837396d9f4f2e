/**
 * Compiles a validated pack into what the matcher runs: one regular expression per pattern, grouped
 * by language, and a prefilter that maps word prefixes to the patterns they can start, so that an
 * ad only pays for the few patterns whose anchor words it contains.
 */
import { isWordUnit } from './normalise.js';
import { checkRegex, compilePhrase, regexAnchors, BEFORE, AFTER } from './patterns.js';
import type { NegationCues, Pack, RuntimeRule } from './rule-schema.js';
import { LANGS, type Lang } from './types.js';

export interface CompiledEntry {
  rule: number; // index into CompiledPack.rules
  re: RegExp;
  /** Which pattern of the rule (for mitigation facets and error messages). */
  label: string;
}

/** Entries (patterns, place names...) indexed by the word prefixes that can start them. */
export interface PrefixIndex<E> {
  entries: E[];
  /** First three letters of an anchor (as a number, see prefixKey) → [anchor, entry index][] */
  byPrefix: Map<number, [string, number][]>;
  /** Anchors shorter than three letters, looked up by the first one or two letters of a word (key: shortKey). */
  byWord: Map<number, number[]>;
  /** Entries without anchors: they always run. */
  always: number[];
}

export type LangIndex = PrefixIndex<CompiledEntry>;

export interface CompiledNegation {
  before: RegExp;
  after?: RegExp;
  breaks: RegExp;
}

export interface CompiledPack {
  version: string;
  rules: RuntimeRule[];
  ruleIndex: Map<string, number>;
  langs: Map<Lang | 'any', LangIndex>;
  negation: Map<Lang, CompiledNegation>;
}

export class PackCompileError extends Error {
  constructor(public readonly problems: string[]) {
    super(`the rule pack has ${problems.length} problem(s):\n${problems.join('\n')}`);
  }
}

export function emptyIndex<E>(): PrefixIndex<E> {
  return { entries: [], byPrefix: new Map(), byWord: new Map(), always: [] };
}

// Numeric keys, so that the prefilter reads the text without cutting it into strings.
const prefixKey = (s: string, i: number) => (s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1)) * 65536 + s.charCodeAt(i + 2);
const shortKey = (s: string, i: number, len: number) => (len === 1 ? s.charCodeAt(i) : s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1)) + len * 2 ** 40;

export function addEntry<E>(index: PrefixIndex<E>, entry: E, anchors: string[]): void {
  const at = index.entries.push(entry) - 1;
  if (anchors.length === 0) {
    index.always.push(at);
    return;
  }
  for (const a of anchors) {
    if (a.length >= 3) {
      const key = prefixKey(a, 0);
      let list = index.byPrefix.get(key);
      if (!list) index.byPrefix.set(key, (list = []));
      list.push([a, at]);
    } else {
      const key = shortKey(a, 0, a.length);
      let list = index.byWord.get(key);
      if (!list) index.byWord.set(key, (list = []));
      list.push(at);
    }
  }
}

/** Joins cue phrases into one expression; cues are phrases in the same small language as rules. */
function cueRegex(phrases: string[], flags: string): RegExp {
  return new RegExp(phrases.map((p) => compilePhrase(p).source).join('|'), flags);
}

function compileNegation(neg: NegationCues): Map<Lang, CompiledNegation> {
  const out = new Map<Lang, CompiledNegation>();
  for (const lang of LANGS) {
    const cues = neg[lang];
    if (!cues) continue;
    const breakWords = cues.breaks.map((b) => compilePhrase(b).source);
    out.set(lang, {
      before: cueRegex(cues.before, 'u'),
      after: cues.after.length ? cueRegex(cues.after, 'u') : undefined,
      // Clause breaks: sentence punctuation, or a word such as "but" / "ale" / "aber".
      breaks: new RegExp([`[.!?;:\\n·]`, ...breakWords].join('|'), 'gu'),
    });
  }
  return out;
}

export function compilePack(pack: Pack): CompiledPack {
  const problems: string[] = [];
  const langs = new Map<Lang | 'any', LangIndex>();
  const ruleIndex = new Map<string, number>();
  pack.rules.forEach((rule, ri) => {
    if (ruleIndex.has(rule.id)) problems.push(`${rule.id}: the id is used twice`);
    ruleIndex.set(rule.id, ri);
    for (const [lang, pats] of Object.entries(rule.patterns)) {
      if (!pats) continue;
      const key = lang as Lang | 'any';
      let index = langs.get(key);
      if (!index) langs.set(key, (index = emptyIndex()));
      (pats.phrases ?? []).forEach((phrase, pi) => {
        try {
          const c = compilePhrase(phrase);
          addEntry(index!, { rule: ri, re: new RegExp(c.source, 'gu'), label: `${lang}.phrases[${pi}]` }, c.anchors);
        } catch (e) {
          problems.push(`${rule.id}: patterns.${lang}.phrases[${pi}] "${phrase}": ${(e as Error).message}`);
        }
      });
      (pats.regex ?? []).forEach((r, pi) => {
        const err = checkRegex(r.re);
        if (err) {
          problems.push(`${rule.id}: patterns.${lang}.regex[${pi}] ${err}`);
          return;
        }
        // Hand-written expressions get the same word boundaries as phrases.
        const source = `${BEFORE}(?:${r.re})${AFTER}`;
        addEntry(index!, { rule: ri, re: new RegExp(source, 'gu'), label: `${lang}.regex[${pi}]` }, regexAnchors(r.re, r.anchors));
      });
    }
  });
  for (const rule of pack.rules) {
    for (const ref of [...(rule.requires ?? []), ...(rule.boost?.with ?? [])]) {
      if (!pack.rules.some((r) => r.id === ref)) problems.push(`${rule.id}: refers to "${ref}", which is not a rule in the pack`);
    }
  }
  let negation = new Map<Lang, CompiledNegation>();
  try {
    negation = compileNegation(pack.negation);
  } catch (e) {
    problems.push(`negation: ${(e as Error).message}`);
  }
  if (problems.length) throw new PackCompileError(problems);
  return { version: pack.version, rules: pack.rules, ruleIndex, langs, negation };
}


export interface RawMatch {
  rule: number;
  from: number;
  to: number;
  label: string;
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

/** Marks the entries whose anchor begins one of the words (or that have no anchor). */
export function activate<E>(index: PrefixIndex<E>, words: TextWords): Uint8Array {
  const active = new Uint8Array(index.entries.length);
  for (const i of index.always) active[i] = 1;
  const { text, start, end, n } = words;
  for (let w = 0; w < n; w++) {
    const s = start[w]!;
    const len = end[w]! - s;
    // Anchors are word prefixes: one- and two-letter anchors are looked up by the word's first letters.
    const one = index.byWord.get(shortKey(text, s, 1));
    if (one) for (const i of one) active[i] = 1;
    if (len < 2) continue;
    const two = index.byWord.get(shortKey(text, s, 2));
    if (two) for (const i of two) active[i] = 1;
    if (len < 3) continue;
    const list = index.byPrefix.get(prefixKey(text, s));
    if (!list) continue;
    for (const [anchor, i] of list) if (!active[i] && anchor.length <= len && text.startsWith(anchor, s)) active[i] = 1;
  }
  return active;
}

/** Runs the patterns of the given languages over folded text. */
export function matchPatterns(pack: CompiledPack, text: string, langs: (Lang | 'any')[], words: TextWords = wordsOf(text), perRuleCap = 16): RawMatch[] {
  const out: RawMatch[] = [];
  const perRule = new Map<number, number>();
  for (const lang of langs) {
    const index = pack.langs.get(lang);
    if (!index || index.entries.length === 0) continue;
    const active = activate(index, words);
    for (let i = 0; i < active.length; i++) {
      if (!active[i]) continue;
      const entry = index.entries[i]!;
      const re = entry.re;
      re.lastIndex = 0;
      let hit: RegExpExecArray | null;
      while ((hit = re.exec(text)) !== null) {
        if (hit[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        const n = perRule.get(entry.rule) ?? 0;
        if (n >= perRuleCap) break;
        perRule.set(entry.rule, n + 1);
        out.push({ rule: entry.rule, from: hit.index, to: hit.index + hit[0].length, label: entry.label });
      }
    }
  }
  return out;
}

/**
 * Is the match at [from, to) negated or warned against? Looks back a few words and forward a few
 * words, within the same clause, for the language's cues ("we never charge", "nie pobieramy").
 */
/** How many words before a match a negation cue may stand. */
const NEGATION_REACH = 8;

export function isNegated(neg: CompiledNegation | undefined, text: string, from: number, to: number): boolean {
  if (!neg) return false;
  let before = text.slice(Math.max(0, from - 70), from);
  let lastBreak = -1;
  neg.breaks.lastIndex = 0;
  let b: RegExpExecArray | null;
  while ((b = neg.breaks.exec(before)) !== null) {
    lastBreak = b.index + b[0].length;
    if (b[0].length === 0) neg.breaks.lastIndex++;
  }
  if (lastBreak >= 0) before = before.slice(lastBreak);
  // A cue reaches eight words forward: "nikdy od vás nebudeme žiadať, aby ste nám odovzdali pas".
  const words = before.split(' ');
  if (words.length > NEGATION_REACH + 1) before = words.slice(-(NEGATION_REACH + 1)).join(' ');
  // The cue may also stand inside the match ("zahlen Sie keine Gebühr") or run into it ("nie zatrzymujemy").
  if (neg.before.test(before + text.slice(from, to))) return true;
  if (!neg.after) return false;
  // "Registration fee: none." The colon right after the match introduces its value, not a new clause.
  let after = text.slice(to, to + 45).replace(/^\s?:/, ' ');
  neg.breaks.lastIndex = 0;
  const firstBreak = neg.breaks.exec(after);
  if (firstBreak) after = after.slice(0, firstBreak.index);
  return neg.after.test(after);
}
