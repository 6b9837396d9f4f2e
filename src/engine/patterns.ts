/**
 * Phrase patterns: the small language rule authors write in, compiled to regular expressions over
 * folded text (see normalise.ts), plus the anchors the prefilter uses.
 *
 *   free accommodation        two words, any short punctuation or space between them
 *   fee*                      a word that starts with "fee" (fee, fees, feestructure)
 *   fee|fees|charge*          one of several words
 *   pay .. fee*               up to 3 words between "pay" and "fee..."
 *   pay ... fee*              up to 6 words between
 *   any? fee*                 an optional word
 *   # eur                     a number ("1 500", "1.500,00", "12") followed by "eur"
 *   # €                       a word of symbols only ("€", "&", an emoji) is matched as written
 *
 * Literal letters are folded like ad text, so authors may write "Opłata", "Gebühr" or "τέλη".
 */
import { FOLDED_LETTERS, FOLDED_WORD, foldText, isDigitUnit, isWordUnit } from './normalise.js';

// Word characters of folded text (see FOLDED_WORD in normalise.ts for why not \p{L}\p{N}).
export const W = `[${FOLDED_WORD}]`;
const NW = `[^${FOLDED_WORD}\\n]`;
/** Between two words of a phrase: some space or punctuation, on the same line. */
const SEP = `${NW}{1,4}`;
const GAP3 = `(?:${SEP}${W}+){0,3}`;
const GAP6 = `(?:${SEP}${W}+){0,6}`;
const NUMBER = '\\d+(?:[ .,\']\\d{3}){0,3}(?:[.,]\\d{1,2})?';
export const BEFORE = `(?<!${W})`;
export const AFTER = `(?!${W})`;

/**
 * A word the text must contain for a pattern to match: the word begins with `text`, or is exactly
 * `text` when `exact`. The prefilter (prefilter.ts) looks anchors up word by word.
 */
export interface Anchor {
  text: string;
  exact: boolean;
}

export interface CompiledPattern {
  source: string;
  /** Anchors, one of which some word of the text must match; empty when the pattern has none (it always runs). */
  anchors: Anchor[];
  /**
   * Every match begins at a word that matches one of the anchors, so the matcher tries the pattern
   * only there (sticky) instead of scanning the whole text.
   */
  atStart: boolean;
  /**
   * With `atStart`, the anchors of the phrase's most selective word when that is not its first: the
   * pattern is tried at its start words only if the text also has one of these somewhere ("na ..
   * darmo" is tried at each "na" only in ads that say "darmo").
   */
  required?: Anchor[];
  /** Read from the build's memo (see PhraseMemo), where its expression was compiled and checked. */
  memoised?: boolean;
}

/** Escapes for a regular expression with the u flag (where "\\-" or "\\/" outside a class are errors). */
function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A literal word or part of a word: word characters stay, other characters become optional punctuation. */
function literal(word: string): string {
  let out = '';
  let i = 0;
  while (i < word.length) {
    const u = word.charCodeAt(i);
    if (isWordUnit(u)) {
      out += word[i]; // letters and digits never need escaping
      i++;
    } else {
      // "e-mail", "24/7", "z o.o.": punctuation inside a token is optional and loose.
      while (i < word.length && !isWordUnit(word.charCodeAt(i))) i++;
      out += `${NW}{0,2}`;
    }
  }
  return out;
}

function leadingLiteral(word: string): string {
  let i = 0;
  while (i < word.length && isWordUnit(word.charCodeAt(i))) i++;
  return word.slice(0, i);
}

const hasWordUnit = (s: string) => {
  for (let i = 0; i < s.length; i++) if (isWordUnit(s.charCodeAt(i))) return true;
  return false;
};

const DIGIT_ANCHORS: Anchor[] = [...'0123456789'].map((d) => ({ text: d, exact: false }));

export class PatternError extends Error {}

interface CompiledToken {
  re: string;
  /** The anchors of its alternatives, or undefined when one of them has no literal start ("€"). */
  anchors: Anchor[] | undefined;
}

/** One token ("fee", "fee*", "fee|fees|charge*", "#", "€") of a phrase. */
function compileToken(raw: string, tok: string): CompiledToken {
  const alts = tok.split('|').map((a) => a.trim());
  if (alts.some((a) => a === '' || a === '*')) throw new PatternError(`empty alternative in "${raw}"`);
  let anchors: Anchor[] | undefined = [];
  const res = alts.map((alt) => {
    if (alt === '#') {
      anchors?.push(...DIGIT_ANCHORS);
      return NUMBER;
    }
    const prefix = alt.endsWith('*');
    const body = foldText(prefix ? alt.slice(0, -1) : alt);
    if (body === '') throw new PatternError(`"${alt}" folds to nothing`);
    if (!hasWordUnit(body)) {
      // A word of symbols only ("€", "&", "+", an emoji) is matched as it is.
      if (prefix) throw new PatternError(`"${alt}": a symbol cannot take *`);
      anchors = undefined;
      return escapeRe(body);
    }
    const lead = leadingLiteral(body);
    if (lead === '') anchors = undefined;
    else if (lead === body) anchors?.push({ text: lead, exact: !prefix }); // "fee" is a whole word, "fee*" begins one
    else {
      // "t.me", "e-mail": the punctuation is optional, so the text's word is exactly "t" (punctuation
      // written) or begins with "tme" (left out). Anchoring on "t" alone would try it at every t-word.
      let i = lead.length;
      while (i < body.length && !isWordUnit(body.charCodeAt(i))) i++;
      const next = leadingLiteral(body.slice(i));
      // "c/" (trailing punctuation) is the word "c", unless a "*" lets it run on.
      if (next === '' && prefix) anchors?.push({ text: lead, exact: false });
      else anchors?.push({ text: lead, exact: true }, ...(next ? [{ text: lead + next, exact: false }] : []));
    }
    return literal(body) + (prefix ? `${W}*` : '');
  });
  return { re: res.length === 1 ? res[0]! : `(?:${res.join('|')})`, anchors };
}

/**
 * Compiled phrases by their text, made at build time (src/rules/compiled.generated.json) so that
 * an engine starts without compiling the built-in packs again; a phrase missing from it (a custom
 * pack) is compiled as usual. Compact: the recurring pieces of expressions are one character each
 * (SHORTHAND), an anchor is "=word" (exact) or "^prefix".
 */
export type PhraseMemo = Record<string, [source: string, anchors: string[], atStart: 0 | 1, required?: string[]]>;

// Longest first: a shorthand stands for its text only where no longer one already matched. The
// characters come from the private use area, which folded text and rule patterns do not use (toMemo
// checks), and JSON writes them as they are where control characters took six bytes each.
const SHORTHAND: [string, string][] = [
  [BEFORE, '\ue001'],
  [AFTER, '\ue002'],
  [GAP3, '\ue003'],
  [GAP6, '\ue004'],
  [SEP, '\ue005'],
  [`${NW}{0,2}`, '\ue006'],
  [NUMBER, '\ue007'],
  [`${W}*`, '\ue008'],
  [W, '\ue009'],
  [FOLDED_WORD, '\ue00a'],
  [FOLDED_LETTERS, '\ue00b'],
];
const SHORT = /[\ue001-\ue00b]/g;
const PRIVATE_USE = /[\ue000-\uf8ff]/;
const LONG: Record<string, string> = Object.fromEntries(SHORTHAND.map(([long, short]) => [short, long]));
const anchorToText = (a: Anchor) => `${a.exact ? '=' : '^'}${a.text}`;
const textToAnchor = (s: string): Anchor => ({ text: s.slice(1), exact: s[0] === '=' });

/** An expression's source in the memo's compact form (see SHORTHAND), and back. */
export function shortenSource(source: string): string {
  if (PRIVATE_USE.test(source)) throw new PatternError('uses a private-use character, which the memo reserves for its shorthand');
  return SHORTHAND.reduce((s, [long, short]) => s.replaceAll(long, short), source);
}
export const expandSource = (short: string): string => short.replace(SHORT, (s) => LONG[s]!);

/** The memo entry of a compiled phrase. */
export function toMemo(c: CompiledPattern): PhraseMemo[string] {
  const source = shortenSource(c.source);
  const entry: PhraseMemo[string] = [source, c.anchors.map(anchorToText), c.atStart ? 1 : 0];
  if (c.required) entry.push(c.required.map(anchorToText));
  return entry;
}

function fromMemo([source, anchors, atStart, required]: PhraseMemo[string]): CompiledPattern {
  const c: CompiledPattern = { source: expandSource(source), anchors: anchors.map(textToAnchor), atStart: atStart === 1, memoised: true };
  if (required) c.required = required.map(textToAnchor);
  return c;
}

/** compilePhrase through a memo, recording into `record` when given (the build does). */
export function memoPhrase(memo: PhraseMemo | undefined, record?: PhraseMemo): (phrase: string) => CompiledPattern {
  return (phrase) => {
    const m = memo && Object.hasOwn(memo, phrase) ? memo[phrase] : undefined;
    const c = m ? fromMemo(m) : compilePhrase(phrase);
    if (record) record[phrase] = toMemo(c);
    return c;
  };
}

/**
 * regexAnchors through the same memo: reading a hand-written expression's beginnings is the slowest
 * part of loading a pack that is not the built-in one's phrases. Keyed apart from phrases by a NUL.
 */
export function memoRegexAnchors(memo: PhraseMemo | undefined, record?: PhraseMemo): typeof regexAnchors {
  return (source, explicit) => {
    const key = `\u0000${source}\u0000${(explicit ?? []).join('\u0000')}`;
    const m = memo && Object.hasOwn(memo, key) ? memo[key] : undefined;
    const r = m ? fromMemo(m) : regexAnchors(source, explicit);
    if (record) record[key] = toMemo({ source: '', ...r });
    return { anchors: r.anchors, atStart: r.atStart, ...(r.required ? { required: r.required } : {}) };
  };
}

/** Compiles one phrase into a regular expression source and its anchors. */
export function compilePhrase(phrase: string): CompiledPattern {
  const tokens = phrase.trim().split(/\s+/);
  if (tokens.length === 0 || tokens[0] === '') throw new PatternError('empty phrase');
  let source = '';
  // The anchors of the longest-literal required token: the best filter when the start cannot be anchored.
  let best: { anchors: Anchor[]; len: number; tokenIndex: number } = { anchors: [], len: 0, tokenIndex: -1 };
  let startToken = -1; // the first required token
  // The anchors a match can begin with: those of leading optional words and of the first required one.
  let start: Anchor[] | undefined = [];
  // Whether the next word needs a separator before it (false at the start and after an optional first word).
  let needSep = false;
  tokens.forEach((raw, idx) => {
    if (raw === '..' || raw === '...') {
      if (idx === 0 || idx === tokens.length - 1) throw new PatternError(`"${raw}" cannot start or end a phrase`);
      source += raw === '..' ? GAP3 : GAP6;
      return;
    }
    if (/^\.+\??$/.test(raw)) throw new PatternError(`"${raw}" is not a token: gaps are ".." or "..." and cannot be optional`);
    const optional = raw.length > 1 && raw.endsWith('?');
    const token = compileToken(raw, optional ? raw.slice(0, -1) : raw);
    if (!needSep) start = start && token.anchors ? [...start, ...token.anchors] : undefined;
    if (optional && !needSep) {
      source += `(?:${token.re}${SEP})?`; // an optional first word carries the separator after it
    } else if (optional) {
      source += `(?:${SEP}${token.re})?`;
    } else {
      source += (needSep ? SEP : '') + token.re;
      if (!needSep) startToken = idx;
      needSep = true;
      const literal = token.anchors?.filter((a) => !DIGIT_ANCHORS.includes(a));
      if (literal && literal.length === token.anchors!.length) {
        const len = Math.min(...literal.map((a) => a.text.length));
        if (len > best.len) best = { anchors: literal, len, tokenIndex: idx };
      }
    }
  });
  if (!needSep) throw new PatternError('a phrase needs at least one word that is not optional');
  const out: CompiledPattern = { source: `${BEFORE}${source}${AFTER}`, anchors: uniqueAnchors(start ?? best.anchors), atStart: start !== undefined };
  if (start && best.anchors.length > 0 && best.tokenIndex !== startToken) out.required = uniqueAnchors(best.anchors);
  return out;
}

function uniqueAnchors(list: Anchor[]): Anchor[] {
  const seen = new Map<string, Anchor>();
  for (const a of list) {
    const key = `${a.exact ? '=' : '^'}${a.text}`;
    if (!seen.has(key)) seen.set(key, a);
  }
  return [...seen.values()];
}

/** Letters that never occur in folded text: a regex that contains them can never match. */
const UNFOLDED = /[A-ZÀ-ÖØ-ÞĀ-ſΆ-Ϋς\u0400-\u042fłßàáâãäåçèéêëìíîïñòóôõöùúûüýÿąćęńśźżčďěľĺňŕřšťůžάέήίόύώϊϋΐΰ]/u;

/** Checks that a hand-written regular expression is written in folded form and compiles. */
export function checkRegex(source: string): string | undefined {
  for (const property of source.matchAll(/\\([pP])\{([^}]*)\}/g)) {
    if (property[1] === 'P' || (property[2] !== 'L' && property[2] !== 'N')) {
      return `uses ${property[0]}: write \\p{L} for a letter and \\p{N} for a digit (folded text has no other classes)`;
    }
  }
  // Drop escapes (\S, \W, \p{L}...) before looking for letters that folding would have removed.
  const bare = source.replace(/\\[pPu]\{[^}]*\}|\\./g, '');
  const bad = UNFOLDED.exec(bare);
  if (bad) return `contains "${bad[0]}", which never occurs in folded text (write lower case without diacritics; σ for ς)`;
  try {
    new RegExp(toFoldedClasses(source), 'gu');
  } catch (e) {
    return `does not compile: ${(e as Error).message}`;
  }
  return undefined;
}

/**
 * A hand-written expression, as authors write it (\p{L} for a letter, \p{N} for a digit), in the
 * folded alphabet's explicit classes. Other Unicode properties and their negations (\P{L}) are
 * refused by checkRegex.
 */
export function toFoldedClasses(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      const esc = source.slice(i, i + 5);
      if (esc === '\\p{L}' || esc === '\\p{N}') {
        const body = esc === '\\p{L}' ? FOLDED_LETTERS : '0-9';
        out += inClass ? body : `[${body}]`;
        i += 4;
        continue;
      }
      out += source.slice(i, i + 2);
      i++;
      continue;
    }
    if (inClass && ch === ']') inClass = false;
    else if (!inClass && ch === '[') inClass = true;
    out += ch;
  }
  return out;
}

/**
 * Anchors for a hand-written regex. When the expression's possible beginnings can be read off its
 * source (see startAnchors), every match begins with one of them and it is tried only there; the
 * author's `anchors` (words somewhere in every match) then also have to be present. Otherwise the
 * author's anchors only decide whether it runs over the text at all.
 */
/** How many one-letter beginnings make an expression run over the whole text instead (see regexAnchors). */
const BROAD_START = 8;

export function regexAnchors(source: string, explicit?: string[]): { anchors: Anchor[]; atStart: boolean; required?: Anchor[] } {
  const given = (explicit ?? []).map((a) => ({ text: foldText(a), exact: false }));
  const start = startAnchors(source);
  // A start such as [a-z]{1,2} gives one-letter anchors that nearly every word matches: trying the
  // expression at each word costs more than one search over the whole text.
  const oneLetter = start?.filter((a) => !a.exact && a.text.length === 1 && !isDigitUnit(a.text.charCodeAt(0))).length ?? 0;
  if (start && oneLetter < BROAD_START) {
    const same = given.every((g) => start.some((s) => s.text === g.text));
    return { anchors: uniqueAnchors(start), atStart: true, ...(given.length && !same ? { required: uniqueAnchors(given) } : {}) };
  }
  return { anchors: given, atStart: false };
}

/** Characters a class such as [6-9] or [jkp] stands for, if it is a small class of word characters. */
function classChars(body: string): string[] | undefined {
  if (body.startsWith('^') || body.includes('\\')) return undefined;
  const out: string[] = [];
  for (let i = 0; i < body.length; i++) {
    if (body[i + 1] === '-' && i + 2 < body.length) {
      for (let c = body.charCodeAt(i); c <= body.charCodeAt(i + 2); c++) out.push(String.fromCharCode(c));
      i += 2;
    } else out.push(body[i]!);
  }
  return out.length <= 40 && out.every((c) => isWordUnit(c.charCodeAt(0))) ? out : undefined;
}

/** Index of the bracket or parenthesis that closes the one at `i`. */
function closing(src: string, i: number): number {
  const open = src[i];
  let depth = 0;
  let inClass = false;
  for (let k = i; k < src.length; k++) {
    const ch = src[k];
    if (ch === '\\') {
      k++;
      continue;
    }
    if (open === '[') {
      if (ch === ']' && k > i) return k;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
    } else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return k;
  }
  return -1;
}

/** Splits a group body (or a whole expression) at its top-level "|". */
function alternatives(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let k = 0; k < src.length; k++) {
    const ch = src[k];
    if (ch === '\\') {
      k++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
    } else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      out.push(src.slice(from, k));
      from = k + 1;
    }
  }
  out.push(src.slice(from));
  return out;
}

/** Is the element that ended just before `k` made optional by a quantifier at `k`? */
const optionalAt = (src: string, k: number) => src[k] === '?' || src[k] === '*' || /^\{0[,}]/.test(src.slice(k, k + 3));
const skipQuantifier = (src: string, k: number) => {
  if (src[k] === '?' || src[k] === '*' || src[k] === '+') return src[k + 1] === '?' ? k + 2 : k + 1;
  if (src[k] === '{') {
    const end = src.indexOf('}', k);
    return end < 0 ? k : end + 1;
  }
  return k;
};

/**
 * The literal beginnings every match of a hand-written expression starts with ("pobiera",
 * "1" and "2" for (?:1[2-9]|2[0-4]), each digit for \d...), or undefined when a match could begin
 * with something this reading does not follow (a \p{L}, a negated class, a dot): then the
 * expression runs over the whole text. Zero-width assertions at the start are stepped over, and an
 * optional first element adds what follows it.
 */
export function startAnchors(src: string, wordEndAfter = true): Anchor[] | undefined {
  const out: Anchor[] = [];
  for (const alt of alternatives(src)) {
    const a = sequenceStart(alt, 0, wordEndAfter);
    if (!a) return undefined;
    out.push(...a);
  }
  return out.length ? out : undefined;
}

/**
 * Does a character that cannot be part of a word certainly come at `k` (a space, "\\.", "\\s"), or
 * the end of the expression when a word boundary follows it? Then the literal before `k` is a whole
 * word ("s" in "s\\.\\s?a", a legal form) and its anchor can be exact.
 */
function wordEndsAt(src: string, k: number, wordEndAfter: boolean): boolean {
  if (k >= src.length) return wordEndAfter;
  const ch = src[k]!;
  let next = k + 1;
  let nonWord = false;
  if (ch === '\\') {
    nonWord = /[.\s\-/+:,]/.test(src[k + 1] ?? '') || src[k + 1] === 's';
    next = k + 2;
  } else nonWord = !isWordUnit(src.charCodeAt(k)) && !'()[]{}|?*+.^$'.includes(ch);
  return nonWord && !optionalAt(src, next);
}

function sequenceStart(src: string, i: number, wordEndAfter = false): Anchor[] | undefined {
  if (i >= src.length) return undefined; // an empty alternative could match anywhere
  const ch = src[i]!;
  if (ch === '(') {
    const end = closing(src, i);
    if (end < 0) return undefined;
    if (src.startsWith('(?=', i) || src.startsWith('(?!', i) || src.startsWith('(?<=', i) || src.startsWith('(?<!', i)) {
      return sequenceStart(src, end + 1, wordEndAfter); // an assertion consumes nothing
    }
    const bodyStart = src.startsWith('(?:', i) ? i + 3 : src.startsWith('(?<', i) ? src.indexOf('>', i) + 1 : i + 1;
    const inner = startAnchors(src.slice(bodyStart, end), false);
    if (!inner) return undefined;
    if (!optionalAt(src, end + 1)) return inner;
    const rest = sequenceStart(src, skipQuantifier(src, end + 1), wordEndAfter);
    return rest ? [...inner, ...rest] : undefined;
  }
  const { chars, next } = classAt(src, i);
  if (!chars && isWordUnit(src.charCodeAt(i))) {
    // A run of literal letters and digits; the last one is dropped if a quantifier follows it.
    let k = i;
    while (k < src.length && isWordUnit(src.charCodeAt(k))) k++;
    if (/^[?*+{]/.test(src.slice(k, k + 1))) {
      k--;
      if (k === i) return optionalAt(src, i + 1) ? undefined : [{ text: src[i]!, exact: false }];
      return [{ text: src.slice(i, k), exact: false }];
    }
    if (wordEndsAt(src, k, wordEndAfter)) return [{ text: src.slice(i, k), exact: true }];
    return extend([src.slice(i, k)], src, k, k).map((c) => ({ text: c, exact: false }));
  }
  if (!chars) return undefined;
  if (optionalAt(src, next)) return undefined;
  return extend(chars, src, skipQuantifier(src, next), next).map((c) => ({ text: c, exact: false }));
}

/**
 * Lengthens one-character beginnings with the literal or small class that follows ("1[2-9]" gives
 * 12 to 19), so that numbers are tried only where they could begin a match. When a quantifier
 * stood before `k` (k differs from `unquantified`), the beginnings stay as they are.
 */
/** The characters of a small class ("[ab]", "\\d") at `i`, and where it ends; no chars otherwise. */
function classAt(src: string, i: number): { chars: string[] | undefined; next: number } {
  if (src[i] === '[') {
    const end = closing(src, i);
    return { chars: end < 0 ? undefined : classChars(src.slice(i + 1, end)), next: end + 1 };
  }
  if (src.startsWith('\\d', i)) return { chars: [...'0123456789'], next: i + 2 };
  return { chars: undefined, next: i + 1 };
}

function extend(prefixes: string[], src: string, k: number, unquantified: number): string[] {
  if (k !== unquantified || k >= src.length) return prefixes;
  let { chars, next } = classAt(src, k);
  if (!chars && isWordUnit(src.charCodeAt(k))) chars = [src[k]!];
  if (!chars || optionalAt(src, next) || prefixes.length * chars.length > 40) return prefixes;
  const longer = prefixes.flatMap((p) => chars.map((c) => p + c));
  return longer[0]!.length >= 4 ? longer : extend(longer, src, skipQuantifier(src, next), next);
}

