/**
 * Compiles a validated pack into what the matcher runs: one regular expression per pattern, in one
 * prefilter index (prefilter.ts) with the place names, grouped by language, and the negation cues.
 */
import { addPlaces, PLACE_GROUPS, type PlaceEntry } from './places.js';
import { addEntry, emptyIndex, regexOf, runCandidates, type Candidates, type Matchable, type PrefixIndex, type TextWords } from './prefilter.js';
import { checkRegex, memoPhrase, memoRegexAnchors, toFoldedClasses, BEFORE, AFTER, type CompiledPattern, type PhraseMemo } from './patterns.js';
import type { NegationCues, Pack, RuntimeRule } from './rule-schema.js';
import { LANGS, type Lang } from './types.js';

export interface CompiledEntry extends Matchable {
  kind: 'rule';
  rule: number; // index into CompiledPack.rules
  /** Which pattern of the rule (for mitigation facets and error messages). */
  label: string;
}

/** Prefilter groups: one per language (its index in LANGS), then "any", then the place names. */
export const ANY_GROUP = LANGS.length;
export const groupOf = (lang: Lang | 'any') => (lang === 'any' ? ANY_GROUP : LANGS.indexOf(lang));
export const groupMask = (langs: (Lang | 'any')[]) => langs.reduce((m, l) => m | (1 << groupOf(l)), 0);

export interface CompiledNegation {
  before: RegExp;
  after?: RegExp;
  breaks: RegExp;
}

export interface CompiledPack {
  version: string;
  rules: RuntimeRule[];
  ruleIndex: Map<string, number>;
  /** Every pattern of every language, and the place names (places.ts), in one index. */
  index: PrefixIndex<CompiledEntry | PlaceEntry>;
  negation: Map<Lang, CompiledNegation>;
}

export class PackCompileError extends Error {
  constructor(public readonly problems: string[]) {
    super(`the rule pack has ${problems.length} problem(s):\n${problems.join('\n')}`);
  }
}

/** Joins cue phrases into one expression; cues are phrases in the same small language as rules. */
function cueRegex(phrases: string[], flags: string, phrase: (p: string) => CompiledPattern): RegExp {
  return new RegExp(phrases.map((p) => phrase(p).source).join('|'), flags);
}

function compileNegation(neg: NegationCues, phrase: (p: string) => CompiledPattern): Map<Lang, CompiledNegation> {
  const out = new Map<Lang, CompiledNegation>();
  for (const lang of LANGS) {
    const cues = neg[lang];
    if (!cues) continue;
    const breakWords = cues.breaks.map((b) => phrase(b).source);
    out.set(lang, {
      before: cueRegex(cues.before, 'u', phrase),
      after: cues.after.length ? cueRegex(cues.after, 'u', phrase) : undefined,
      // Clause breaks: sentence punctuation, or a word such as "but" / "ale" / "aber".
      breaks: new RegExp([`[.!?;:\\n·]`, ...breakWords].join('|'), 'gu'),
    });
  }
  return out;
}

export interface CompileOptions {
  /** Phrases compiled at build time (see PhraseMemo). */
  memo?: PhraseMemo;
  /** Receives every phrase compiled (the build writes it out as the memo). */
  record?: PhraseMemo;
}

export function compilePack(pack: Pack, options: CompileOptions = {}): CompiledPack {
  const phrase = memoPhrase(options.memo, options.record);
  const anchorsOf = memoRegexAnchors(options.memo, options.record);
  const problems: string[] = [];
  const index = emptyIndex<CompiledEntry | PlaceEntry>();
  const ruleIndex = new Map<string, number>();
  pack.rules.forEach((rule, ri) => {
    if (ruleIndex.has(rule.id)) problems.push(`${rule.id}: the id is used twice`);
    ruleIndex.set(rule.id, ri);
    for (const [lang, pats] of Object.entries(rule.patterns)) {
      if (!pats) continue;
      const group = groupOf(lang as Lang | 'any');
      (pats.phrases ?? []).forEach((text, pi) => {
        try {
          const c = phrase(text);
          const entry: CompiledEntry = { kind: 'rule', rule: ri, source: c.source, atStart: c.atStart, group, label: `${lang}.phrases[${pi}]` };
          // A phrase from the build's memo compiled there; any other is compiled now, so that a bad
          // custom pack fails when it loads and not in the middle of an ad.
          if (!c.memoised) regexOf(entry);
          addEntry(index, entry, c.anchors, c.required);
        } catch (e) {
          problems.push(`${rule.id}: patterns.${lang}.phrases[${pi}] "${text}": ${(e as Error).message}`);
        }
      });
      (pats.regex ?? []).forEach((r, pi) => {
        const err = checkRegex(r.re);
        if (err) {
          problems.push(`${rule.id}: patterns.${lang}.regex[${pi}] ${err}`);
          return;
        }
        // Hand-written expressions get the same word boundaries as phrases.
        const source = `${BEFORE}(?:${toFoldedClasses(r.re)})${AFTER}`;
        const { anchors, atStart, required } = anchorsOf(r.re, r.anchors);
        // checkRegex compiled the expression: this one is compiled on first use (regexOf).
        addEntry(index, { kind: 'rule', rule: ri, source, atStart, group, label: `${lang}.regex[${pi}]` }, anchors, required);
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
    negation = compileNegation(pack.negation, phrase);
  } catch (e) {
    problems.push(`negation: ${(e as Error).message}`);
  }
  if (problems.length) throw new PackCompileError(problems);
  addPlaces(index, phrase);
  return { version: pack.version, rules: pack.rules, ruleIndex, index, negation };
}


export interface RawMatch {
  rule: number;
  from: number;
  to: number;
  label: string;
}

/** The groups an ad's scan covers: its languages, "any", and the place names the detectors read. */
export const scanMask = (langs: Lang[]) => groupMask([...langs, 'any']) | PLACE_GROUPS;

/** Runs the patterns of the given languages that the scan found. */
export function matchPatterns(pack: CompiledPack, words: TextWords, found: Candidates, langs: (Lang | 'any')[], perRuleCap = 16): RawMatch[] {
  const out: RawMatch[] = [];
  const perRule = new Map<number, number>();
  runCandidates(pack.index, words, found, groupMask(langs), (entry, from, to) => {
    if (entry.kind !== 'rule') return false;
    const n = perRule.get(entry.rule) ?? 0;
    if (n >= perRuleCap) return false;
    perRule.set(entry.rule, n + 1);
    out.push({ rule: entry.rule, from, to, label: entry.label });
    return true;
  });
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
