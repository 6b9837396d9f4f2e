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
import { foldText } from './normalise.js';

export const W = '[\\p{L}\\p{N}]';
const NW = '[^\\p{L}\\p{N}\\n]';
/** Between two words of a phrase: some space or punctuation, on the same line. */
const SEP = `${NW}{1,4}`;
const GAP3 = `(?:${SEP}${W}+){0,3}`;
const GAP6 = `(?:${SEP}${W}+){0,6}`;
const NUMBER = '\\d+(?:[ .,\']\\d{3})*(?:[.,]\\d{1,2})?';
export const BEFORE = `(?<!${W})`;
export const AFTER = `(?!${W})`;

export interface CompiledPattern {
  source: string;
  /**
   * Word prefixes, one of which must begin some word of the text for the pattern to match; empty
   * when the pattern has no usable literal (then it always runs).
   */
  anchors: string[];
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
    const ch = word[i]!;
    if (/[\p{L}\p{N}]/u.test(ch)) {
      out += escapeRe(ch);
      i++;
    } else {
      // "e-mail", "24/7", "z o.o.": punctuation inside a token is optional and loose.
      while (i < word.length && !/[\p{L}\p{N}]/u.test(word[i]!)) i++;
      out += `${NW}{0,2}`;
    }
  }
  return out;
}

function leadingLiteral(word: string): string {
  const m = /^[\p{L}\p{N}]+/u.exec(word);
  return m ? m[0] : '';
}

export class PatternError extends Error {}

/** Compiles one phrase into a regular expression source and its anchors. */
export function compilePhrase(phrase: string): CompiledPattern {
  const tokens = phrase.trim().split(/\s+/);
  if (tokens.length === 0 || tokens[0] === '') throw new PatternError('empty phrase');
  let source = '';
  let best: { anchors: string[]; len: number } = { anchors: [], len: 0 };
  // Whether the next word needs a separator before it (false at the start and after an optional first word).
  let needSep = false;
  tokens.forEach((raw, idx) => {
    if (raw === '..' || raw === '...') {
      if (idx === 0 || idx === tokens.length - 1) throw new PatternError(`"${raw}" cannot start or end a phrase`);
      source += raw === '..' ? GAP3 : GAP6;
      return;
    }
    if (/^\.+\??$/.test(raw)) throw new PatternError(`"${raw}" is not a token: gaps are ".." or "..." and cannot be optional`);
    let tok = raw;
    let optional = false;
    if (tok.length > 1 && tok.endsWith('?')) {
      optional = true;
      tok = tok.slice(0, -1);
    }
    const alts = tok.split('|').map((a) => a.trim());
    if (alts.some((a) => a === '' || a === '*')) throw new PatternError(`empty alternative in "${raw}"`);
    const altAnchors: string[] = [];
    const altRes = alts.map((alt) => {
      if (alt === '#') {
        altAnchors.push('');
        return NUMBER;
      }
      const prefix = alt.endsWith('*');
      const body = foldText(prefix ? alt.slice(0, -1) : alt);
      if (body === '') throw new PatternError(`"${alt}" folds to nothing`);
      if (!/[\p{L}\p{N}]/u.test(body)) {
        // A word of symbols only ("€", "&", "+", an emoji) is matched as it is.
        if (prefix) throw new PatternError(`"${alt}": a symbol cannot take *`);
        altAnchors.push('');
        return escapeRe(body);
      }
      altAnchors.push(leadingLiteral(body));
      return literal(body) + (prefix ? `${W}*` : '');
    });
    const re = altRes.length === 1 ? altRes[0]! : `(?:${altRes.join('|')})`;
    if (optional && !needSep) {
      source += `(?:${re}${SEP})?`; // an optional first word carries the separator after it
    } else if (optional) {
      source += `(?:${SEP}${re})?`;
    } else {
      source += (needSep ? SEP : '') + re;
      needSep = true;
      if (altAnchors.every((a) => a.length > 0)) {
        const len = Math.min(...altAnchors.map((a) => a.length));
        if (len > best.len) best = { anchors: altAnchors, len };
      }
    }
  });
  if (!needSep) throw new PatternError('a phrase needs at least one word that is not optional');
  return { source: `${BEFORE}${source}${AFTER}`, anchors: [...new Set(best.anchors)] };
}

/** Letters that never occur in folded text: a regex that contains them can never match. */
const UNFOLDED = /[A-ZÀ-ÖØ-ÞĀ-ſΆ-Ϋς\u0400-\u042fłßàáâãäåçèéêëìíîïñòóôõöùúûüýÿąćęńśźżčďěľĺňŕřšťůžάέήίόύώϊϋΐΰ]/u;

/** Checks that a hand-written regular expression is written in folded form and compiles. */
export function checkRegex(source: string): string | undefined {
  // Drop escapes (\S, \W, \p{L}...) before looking for letters that folding would have removed.
  const bare = source.replace(/\\[pPu]\{[^}]*\}|\\./g, '');
  const bad = UNFOLDED.exec(bare);
  if (bad) return `contains "${bad[0]}", which never occurs in folded text (write lower case without diacritics; σ for ς)`;
  try {
    new RegExp(source, 'gu');
  } catch (e) {
    return `does not compile: ${(e as Error).message}`;
  }
  return undefined;
}

/** Anchors for a hand-written regex: the explicit ones, or its leading literal letters when it has some. */
export function regexAnchors(source: string, explicit?: string[]): string[] {
  if (explicit && explicit.length) return explicit.map((a) => foldText(a));
  if (hasTopLevelAlternation(source)) return [];
  const m = /^(?:\(\?<!\[\\p\{L\}\\p\{N\}\]\))?([\p{L}\p{N}]{3,})(?![*?{|])/u.exec(source);
  return m ? [m[1]!] : [];
}

function hasTopLevelAlternation(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
    } else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) return true;
  }
  return false;
}
