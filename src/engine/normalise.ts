/**
 * Normalisation with an offset map.
 *
 * Rules are written against folded text (lower case, no diacritics, one space between words), and
 * ads are written to dodge filters ("w h a t s a p p", "wh@tsapp", "teIegram", Cyrillic "а" inside
 * Latin words, phone numbers spelt out in words). This module turns an original string into such a
 * folded string and keeps, for every UTF-16 unit of the result, the range of the original string it
 * came from, so that a match in the folded text can be highlighted exactly in the original.
 */

export interface Normalised {
  /** The folded text. */
  text: string;
  /** For each unit of `text`, the original index it starts at. */
  start: Int32Array;
  /** For each unit of `text`, the original index just after it. */
  end: Int32Array;
  /** 1 where a digit of `text` was written as a word or symbol in the original (de-obfuscated). */
  spelled: Uint8Array;
  /** Where the words of `text` are, as prefilter.wordsOf finds them; absent when letters were joined. */
  words: { start: Int32Array; end: Int32Array; n: number } | undefined;
}

const SPECIAL_FOLDS: Record<string, string> = {
  ß: 'ss', ẞ: 'ss', ł: 'l', Ł: 'l', đ: 'd', Đ: 'd', ø: 'o', Ø: 'o', æ: 'ae', Æ: 'ae', œ: 'oe',
  Œ: 'oe', ı: 'i', ς: 'σ', ſ: 's', ð: 'd', þ: 'th', ħ: 'h', ŀ: 'l',
  // Typographic apostrophes (phones insert them): "all’ora" is "all'ora".
  '’': "'", '‘': "'", 'ʼ': "'", '´': "'",
};

// Dingbat digits (➊ ❶ ➀) are not decomposed by NFKD but are used to hide phone numbers.
function dingbatDigit(cp: number): string | undefined {
  for (const base of [0x2776, 0x2780, 0x278a]) {
    if (cp >= base && cp < base + 10) return cp - base === 9 ? '10' : String(cp - base + 1);
  }
  return undefined;
}

const foldCache = new Map<number, string>();
/**
 * foldCodePoint of BMP characters as one number each, filled on first sight: 0 not yet known,
 * FOLD_DROP folds to nothing, FOLD_MANY to several units (foldCodePoint then), else the unit + 2.
 */
const FOLD1 = new Uint16Array(65536);
const FOLD_DROP = 1;
const FOLD_MANY = 0xffff;
const MARKS = /\p{M}/gu;
const ANY_LETTER = /\p{L}/u;
const DECIMAL_DIGIT = /\p{Nd}/u;
const ANY_NUMBER = /\p{N}/u;

/**
 * The folded alphabet: a-z, the Greek α-ω, the Cyrillic а-џ (Bulgarian and its neighbours) and the
 * digits 0-9. Any other letter (ŋ, ə, Armenian, Arabic, CJK...) folds to OTHER_LETTER and a digit of
 * another script to its ASCII digit, so word boundaries stay where they were. Rule patterns can then
 * name word characters with a short explicit class instead of \p{L}\p{N}, which V8 expands into
 * hundreds of ranges each time a pattern is compiled (that alone took a second for the built-in
 * packs) and which is slower to match.
 */
export const OTHER_LETTER = '\u01c2';
/** The letters of folded text, as the body of a regular-expression class (no brackets). */
export const FOLDED_LETTERS = 'a-z\\u01c2\\u03b1-\\u03c9\\u0430-\\u045f';
/** Letters and digits of folded text, as the body of a class: what \p{L}\p{N} is on folded text. */
export const FOLDED_WORD = `${FOLDED_LETTERS}0-9`;
const inAlphabet = (u: number) => u < 0x80 || u === 0x1c2 || (u >= 0x3b1 && u <= 0x3c9) || (u >= 0x430 && u <= 0x45f);

/** ASCII value of a decimal digit of any script ("٣" is 3): each script's digits run 0 to 9 in a row. */
function digitValue(ch: string): string {
  let cp = ch.codePointAt(0)!;
  let v = 0;
  while (v < 9 && DECIMAL_DIGIT.test(String.fromCodePoint(cp - 1))) {
    cp--;
    v++;
  }
  return String(v);
}

/** Letters and digits outside the folded alphabet become OTHER_LETTER and ASCII digits. */
function intoAlphabet(f: string): string {
  let out = '';
  for (const c of f) {
    const u = c.codePointAt(0)!;
    if (inAlphabet(u)) out += c;
    else if (DECIMAL_DIGIT.test(c)) out += digitValue(c);
    else if (ANY_LETTER.test(c) || ANY_NUMBER.test(c)) out += OTHER_LETTER;
    else out += c;
  }
  return out;
}

/** Folds one code point: compatibility decomposition, no diacritics, lower case, folded alphabet. */
export function foldCodePoint(cp: number): string {
  if (cp < 128) return cp >= 65 && cp <= 90 ? String.fromCharCode(cp + 32) : String.fromCharCode(cp);
  let f = foldCache.get(cp);
  if (f !== undefined) return f;
  const ch = String.fromCodePoint(cp);
  f = SPECIAL_FOLDS[ch] ?? dingbatDigit(cp);
  if (f === undefined) {
    // Marks are removed after lower-casing too: "İ" lower-cases to "i" and a combining dot.
    f = ch.normalize('NFKD').toLowerCase().normalize('NFKD').replace(MARKS, '');
    f = f.replace(/ς/g, 'σ');
    // NFKD can reintroduce characters that need a special fold (e.g. "Ǆ" → "dž" is fine, "ﬀ" → "ff").
    let g = '';
    for (const c of f) g += SPECIAL_FOLDS[c] ?? c;
    f = intoAlphabet(g);
  }
  foldCache.set(cp, f);
  return f;
}

// Characters that are dropped: zero-width characters used to split words, soft hyphens, joiners.
function isInvisible(cp: number): boolean {
  return cp === 0xad || (cp >= 0x200b && cp <= 0x200d) || cp === 0x2060 || cp === 0xfeff || cp === 0x180e;
}

function isSpace(cp: number): boolean {
  return cp === 32 || (cp >= 9 && cp <= 13) || cp === 0xa0 || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000 || cp === 0x85;
}

const LETTER = /\p{L}/u;
/**
 * Character classes of UTF-16 units, filled lazily: 0 unknown, 1 not a word character, 2 digit,
 * 3 Latin letter, 4 Cyrillic letter, 5 Greek letter, 6 other letter. One array read per character
 * on the hot path instead of a regular expression.
 */
const CLASS = new Uint8Array(65536);
function classOf(u: number): number {
  let k = CLASS[u]!;
  if (k !== 0) return k;
  if (u >= 48 && u <= 57) k = 2;
  else if (u >= 0xd800 && u <= 0xdfff) k = 1; // astral letters are folded to BMP ones or are not used in ads
  else if (!LETTER.test(String.fromCharCode(u))) k = 1;
  else if (u < 0x250) k = 3;
  else if (u >= 0x400 && u <= 0x4ff) k = 4;
  else if (u >= 0x370 && u <= 0x3ff) k = 5;
  else k = 6;
  CLASS[u] = k;
  return k;
}
/** Is this UTF-16 unit a letter? */
export function isLetterUnit(u: number): boolean {
  return classOf(u) >= 3;
}
export function isDigitUnit(u: number): boolean {
  return u >= 48 && u <= 57;
}
export function isWordUnit(u: number): boolean {
  return classOf(u) >= 2;
}

type Script = 'latin' | 'cyrillic' | 'greek' | 'other';
const SCRIPTS: Script[] = ['other', 'other', 'other', 'latin', 'cyrillic', 'greek', 'other'];
function scriptOf(u: number): Script {
  return SCRIPTS[classOf(u)]!;
}

// Look-alike letters, folded to lower case, from each script to the one a word is mostly written in.
const CYR_TO_LAT: Record<string, string> = {
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', х: 'x', у: 'y', і: 'i', ј: 'j', ѕ: 's', к: 'k', м: 'm', т: 't',
  в: 'b', н: 'h', ԛ: 'q', ԝ: 'w',
};
const GRE_TO_LAT: Record<string, string> = {
  α: 'a', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
};
const LAT_TO_CYR: Record<string, string> = {
  a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', k: 'к', m: 'м', t: 'т', b: 'в', h: 'н',
};
const LAT_TO_GRE: Record<string, string> = {
  a: 'α', e: 'ε', i: 'ι', k: 'κ', v: 'ν', o: 'ο', p: 'ρ', t: 'τ', u: 'υ', x: 'χ',
};
const TO_SCRIPT: Record<Script, Partial<Record<Script, Record<string, string>>>> = {
  latin: { cyrillic: CYR_TO_LAT, greek: GRE_TO_LAT },
  cyrillic: { latin: LAT_TO_CYR },
  greek: { latin: LAT_TO_GRE },
  other: {},
};

// Symbols that stand in for a letter when written between two letters ("wh@tsapp", "vib3r", "te1egram").
const SYMBOL_LETTERS: Record<string, string> = { '@': 'a', $: 's', '|': 'l', '0': 'o', '1': 'l', '3': 'e', '!': 'i' };

/**
 * Digit words in the eight languages, folded. Converted only in runs of three or more digit tokens
 * (e.g. "six zero four..."), so that ordinary words such as "one" or Italian "sei" stay words.
 */
const DIGIT_WORDS: Record<string, string> = {};
const DIGIT_WORD_LISTS = [
  'zero one two three four five six seven eight nine', // en
  'cero uno dos tres cuatro cinco seis siete ocho nueve', // es
  'zero uno due tre quattro cinque sei sette otto nove', // it
  'zero jeden dwa trzy cztery piec szesc siedem osiem dziewiec', // pl (folded)
  'nula jeden dva tri styri pat sest sedem osem devat', // sk (folded)
  'нула едно две три четири пет шест седем осем девет', // bg
  'μηδεν ενα δυο τρια τεσσερα πεντε εξι επτα οκτω εννια', // el (folded)
  'null eins zwei drei vier funf sechs sieben acht neun', // de (folded)
];
for (const list of DIGIT_WORD_LISTS) list.split(' ').forEach((w, i) => (DIGIT_WORDS[w] = String(i)));
Object.assign(DIGIT_WORDS, { jedna: '1', jedno: '1', dve: '2', една: '1', един: '1', два: '2', οχτω: '8', εφτα: '7', ενας: '1', μια: '1', fuenf: '5', zwo: '2', oh: '0' });

/** A growable buffer of folded UTF-16 units with their original ranges (typed arrays: no GC churn). */
class Buf {
  codes: Uint16Array;
  start: Int32Array;
  end: Int32Array;
  spelled: Uint8Array;
  n = 0;
  constructor(capacity: number) {
    const c = Math.max(16, capacity);
    this.codes = new Uint16Array(c);
    this.start = new Int32Array(c);
    this.end = new Int32Array(c);
    this.spelled = new Uint8Array(c);
  }
  push(code: number, s: number, e: number, spelled = 0): void {
    if (this.n === this.codes.length) this.grow();
    const i = this.n++;
    this.codes[i] = code;
    this.start[i] = s;
    this.end[i] = e;
    this.spelled[i] = spelled;
  }
  private grow(): void {
    const c = this.codes.length * 2;
    const codes = new Uint16Array(c);
    codes.set(this.codes);
    const start = new Int32Array(c);
    start.set(this.start);
    const end = new Int32Array(c);
    end.set(this.end);
    const spelled = new Uint8Array(c);
    spelled.set(this.spelled);
    Object.assign(this, { codes, start, end, spelled });
  }
}

function isLowerLatin(u: number): boolean {
  return u >= 97 && u <= 122;
}

/** A growable list of positions, reused between texts (`n = 0` empties it). */
class Positions {
  at = new Int32Array(64);
  n = 0;
  push(k: number): void {
    if (this.n === this.at.length) {
      const grown = new Int32Array(this.n * 2);
      grown.set(this.at);
      this.at = grown;
    }
    this.at[this.n++] = k;
  }
}
/**
 * What pass 1 notes for pass 2 (lookAlikePass), so that pass 2 need not read every unit again: where
 * the symbols of SYMBOL_LETTERS are ("@", "0", "3"...: the only units it may replace one by one), in
 * ascending order, and the scripts of the non-ASCII letters (bits as in lookAlikePass).
 */
const symbolAt = new Positions();
let foldedScripts = 0;
const SCRIPT_BIT = new Uint8Array([0, 0, 0, 1, 2, 4, 0]); // by classOf: Latin, Cyrillic, Greek

/**
 * Pass 1 also cuts its output into tokens for pass 3 (wordPass), as it writes: runs of word units
 * and runs of other units, in tokFrom and tokWord (tokTo follows from the next token's start).
 * Reading every unit once more only to find where words start and end was a fifth of the
 * normalisation's time. Pass 2 changes a unit's kind only when it turns a symbol ("@", "!") between
 * two letters into a letter; it notes where (joinAt), and pass 3 joins the three tokens into one.
 */
let foldTokens = 0;
/** Whether the last token is a word (1) or not (0); -1 before the first. */
let openWord = -1;
/** Where pass 2 turned a symbol between two letters into a letter ("team!network"), in text order. */
const joinAt = new Positions();
/** isWordUnit of the ASCII units, for the fast path. */
const ASCII_WORD = new Uint8Array(128);
for (let u = 0; u < 128; u++) ASCII_WORD[u] = isWordUnit(u) ? 1 : 0;

function startToken(at: number, word: number): void {
  if (foldTokens === tokFrom.length) {
    const from = new Int32Array(foldTokens * 2);
    from.set(tokFrom);
    const kind = new Uint8Array(foldTokens * 2);
    kind.set(tokWord);
    tokFrom = from;
    tokWord = kind;
    tokTo = new Int32Array(foldTokens * 2);
  }
  tokFrom[foldTokens] = at;
  tokWord[foldTokens++] = word;
  openWord = word;
}

/** Notes a unit that pass 1 wrote at `at` outside its ASCII fast path. */
function noteUnit(u: number, at: number): void {
  if (u >= 128) foldedScripts |= SCRIPT_BIT[classOf(u)]!;
  else if (SYMBOL_SUB[u] !== 0) symbolAt.push(at);
  const word = isWordUnit(u) ? 1 : 0;
  if (word !== openWord) startToken(at, word);
}

/** Writes the space or newline that stands for a run of white space. */
function pushSpace(b: Buf, u: number, at: number): void {
  b.push(u, at, at + 1);
  noteUnit(u, b.n - 1);
}

/** Pass 1: fold every code point, drop invisible characters, collapse white space. */
let scratch = new Buf(4096);
function foldPass(input: string): Buf {
  // Pass 1 writes into a reused buffer (normalise copies out what it keeps): no garbage per ad.
  if (scratch.codes.length < input.length + 16) scratch = new Buf(input.length * 2 + 16);
  const b = scratch;
  // The ASCII fast path does not write `spelled` (always 0 there): clear what the last pass wrote.
  b.spelled.fill(0, 0, b.n);
  b.n = 0;
  symbolAt.n = 0;
  foldedScripts = 0;
  foldTokens = 0;
  openWord = -1;
  joinAt.n = 0;
  // The arrays in locals (re-read after any push, which may grow them): the ASCII path below is the
  // hottest loop of the engine.
  let { codes, start: starts, end: ends } = b;
  let pendingSpace = -1; // original index of pending white space, -1 if none
  let pendingNewline = false;
  for (let i = 0; i < input.length; ) {
    let cp = input.charCodeAt(i);
    let len = 1;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < input.length) {
      const lo = input.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
        len = 2;
      }
    }
    if (cp < 128 && cp > 32) {
      // ASCII fast path (most of every ad).
      if (pendingSpace >= 0) {
        if (b.n > 0 && b.n < codes.length) {
          // The space or newline written as the fast path writes (every sixth unit is one).
          const at = b.n++;
          codes[at] = pendingNewline ? 10 : 32;
          starts[at] = pendingSpace;
          ends[at] = pendingSpace + 1;
          if (openWord !== 0) startToken(at, 0);
        } else if (b.n > 0) {
          pushSpace(b, pendingNewline ? 10 : 32, pendingSpace);
          ({ codes, start: starts, end: ends } = b);
        }
        pendingSpace = -1;
        pendingNewline = false;
      }
      let out = cp >= 65 && cp <= 90 ? cp + 32 : cp;
      // "teIegram": a capital I between lower-case letters is almost always a disguised "l".
      if (cp === 73 && i > 0 && isLowerLatin(input.charCodeAt(i - 1)) && isLowerLatin(input.charCodeAt(i + 1))) out = 108;
      if (b.n < codes.length) {
        const at = b.n++;
        codes[at] = out;
        starts[at] = i;
        ends[at] = i + 1;
      } else {
        b.push(out, i, i + 1);
        ({ codes, start: starts, end: ends } = b);
      }
      // Letters, the bulk, need no note: every symbol of SYMBOL_LETTERS is outside a-z.
      if ((out < 97 || out > 122) && SYMBOL_SUB[out] !== 0) symbolAt.push(b.n - 1);
      if (ASCII_WORD[out] !== openWord) startToken(b.n - 1, ASCII_WORD[out]!);
      i++;
      continue;
    }
    if (isSpace(cp)) {
      if (pendingSpace < 0) pendingSpace = i;
      if (cp === 10 || cp === 13 || cp === 0x2029 || cp === 0x2028 || cp === 0x85) pendingNewline = true;
      i += len;
      continue;
    }
    if (isInvisible(cp)) {
      i += len;
      continue;
    }
    if (pendingSpace >= 0) {
      if (b.n > 0) pushSpace(b, pendingNewline ? 10 : 32, pendingSpace);
      ({ codes, start: starts, end: ends } = b);
      pendingSpace = -1;
      pendingNewline = false;
    }
    // A keycap emoji ("6️⃣" = 6, U+FE0F, U+20E3) folds to its digit: remember the digit was disguised.
    if (cp === 0x20e3 && b.n > 0 && isDigitUnit(b.codes[b.n - 1]!)) {
      b.spelled[b.n - 1] = 1;
      b.end[b.n - 1] = i + len;
      i += len;
      continue;
    }
    // Most non-ASCII characters of an ad (ą, é, Greek, Cyrillic) fold to one unit: a table read.
    if (len === 1 && (cp < 0xd800 || cp > 0xdfff)) {
      let f1 = FOLD1[cp]!;
      if (f1 === 0) {
        const f = foldCodePoint(cp);
        f1 = FOLD1[cp] = f.length === 0 ? FOLD_DROP : f.length === 1 && f.charCodeAt(0) < 0xfffd ? f.charCodeAt(0) + 2 : FOLD_MANY;
      }
      if (f1 !== FOLD_MANY) {
        if (f1 !== FOLD_DROP) {
          b.push(f1 - 2, i, i + 1);
          noteUnit(f1 - 2, b.n - 1);
        }
        ({ codes, start: starts, end: ends } = b);
        i++;
        continue;
      }
    }
    const folded = len === 1 && cp >= 0xd800 && cp <= 0xdfff ? '\ufffd' /* a lone surrogate */ : foldCodePoint(cp);
    for (let k = 0; k < folded.length; k++) {
      b.push(folded.charCodeAt(k), i, i + len);
      noteUnit(folded.charCodeAt(k), b.n - 1);
    }
    ({ codes, start: starts, end: ends } = b); // push may have grown the buffer
    i += len;
  }
  return b;
}

/**
 * Pass 2 (in place): symbols and look-alike letters inside words. Reads what pass 1 noted (the
 * symbols' places and the non-ASCII scripts) instead of every unit.
 */
function lookAlikePass(b: Buf): void {
  const c = b.codes;
  const n = b.n;
  // In text order, as a pass over every unit would: a replaced symbol never makes its right-hand
  // neighbour replaceable (that neighbour, a symbol too, is no letter either way).
  for (let r = 0; r < symbolAt.n; r++) {
    const k = symbolAt.at[r]!;
    const sub = SYMBOL_SUB[c[k]!]!;
    if (k === 0 || k === n - 1) continue;
    if (sub === 97 && looksLikeEmailDomain(c, n, k + 1)) continue;
    if (isLatinLetter(c[k - 1]!) && isLatinLetter(c[k + 1]!)) {
      if (ASCII_WORD[c[k]!] === 0) joinAt.push(k); // "!" joins two words into one
      c[k] = sub;
    }
  }
  let scripts = foldedScripts; // bit 1 Latin, 2 Cyrillic, 4 Greek (non-ASCII letters, plus ASCII a-z)
  // Only Cyrillic or only Greek beyond ASCII: mixed only if there is an ASCII letter too. (A
  // replaced symbol is one only between Latin letters, so it never adds the first ASCII letter.)
  if (scripts === 2 || scripts === 4) {
    for (let k = 0; k < n; k++) {
      const u = c[k]!;
      if (u >= 97 && u <= 122) {
        scripts |= 1;
        break;
      }
    }
  }
  // Only one script in the whole text: no word can mix scripts.
  if (scripts === 0 || scripts === 1 || scripts === 2 || scripts === 4) return;
  // Mixed-script words: convert the minority script's look-alikes to the majority script.
  let k = 0;
  while (k < n) {
    if (!isLetterUnit(c[k]!)) {
      k++;
      continue;
    }
    let j = k;
    let lat = 0, cyr = 0, gre = 0;
    while (j < n && isLetterUnit(c[j]!)) {
      const s = scriptOf(c[j]!);
      if (s === 'latin') lat++;
      else if (s === 'cyrillic') cyr++;
      else if (s === 'greek') gre++;
      j++;
    }
    const mixed = (lat > 0 ? 1 : 0) + (cyr > 0 ? 1 : 0) + (gre > 0 ? 1 : 0) > 1;
    if (mixed) {
      const major: Script = lat >= cyr && lat >= gre ? 'latin' : cyr >= gre ? 'cyrillic' : 'greek';
      const maps = TO_SCRIPT[major];
      for (let m = k; m < j; m++) {
        const s = scriptOf(c[m]!);
        if (s === major) continue;
        const rep = maps[s]?.[String.fromCharCode(c[m]!)];
        if (rep) c[m] = rep.charCodeAt(0);
      }
    }
    k = j;
  }
}

const SYMBOL_SUB = new Uint8Array(128);
for (const [from, to] of Object.entries(SYMBOL_LETTERS)) SYMBOL_SUB[from.charCodeAt(0)] = to.charCodeAt(0);

function isLatinLetter(u: number): boolean {
  return (u >= 97 && u <= 122) || (u >= 0xc0 && u < 0x250 && isLetterUnit(u));
}

/** After an "@": a domain such as "gmail.com" means an e-mail address, not a disguised "a". */
function looksLikeEmailDomain(c: Uint16Array, n: number, k: number): boolean {
  for (let i = k; i < n && i < k + 64; i++) {
    const u = c[i]!;
    if (u === 46) return i > k && i + 1 < n && isLetterUnit(c[i + 1]!);
    if (!(isWordUnit(u) || u === 45)) return false;
  }
  return false;
}

/**
 * A word's first two units and length as a small integer, for bit tables of a word list: a cheap
 * pre-check (false positives only cost the exact lookup) before building a string. A small integer
 * key keeps the check an array read; the Set of large keys it replaced was a hot spot. Here the digit
 * words; detect-language.ts has a table of stopwords.
 */
export const wordKey = (c0: number, c1: number, len: number) => (Math.imul(c0, 961) + Math.imul(c1, 31) + len) & 0xffff;
const DIGIT_WORD_TABLE = new Uint8Array(65536);
for (const w of Object.keys(DIGIT_WORDS)) DIGIT_WORD_TABLE[wordKey(w.charCodeAt(0), w.charCodeAt(1), w.length)] = 1;
const DIGIT_WORD_KEYS = { has: (key: number) => DIGIT_WORD_TABLE[key] === 1 };

/** Tokens of the last wordPass when it changed nothing (-1 when it did): the text's word spans. */
let tokCount = -1;
/** Tokens as parallel arrays (reused between calls): [from, to) and whether it is a word. */
let tokFrom = new Int32Array(4096);
let tokTo = new Int32Array(4096);
let tokWord = new Uint8Array(4096);

/**
 * Pass 1's tokens with tokTo filled in and pass 2's joins applied; returns their number. A joined
 * symbol stood alone between two word tokens (its neighbours are letters), so it and the word after
 * it extend the word before it.
 */
function finishTokens(n: number): number {
  const T = foldTokens;
  if (T === 0) return 0;
  for (let t = 0; t < T - 1; t++) tokTo[t] = tokFrom[t + 1]!;
  tokTo[T - 1] = n;
  if (joinAt.n === 0) return T;
  let kept = 0;
  let j = 0;
  for (let t = 0; t < T; t++) {
    if (j < joinAt.n && tokFrom[t] === joinAt.at[j]) {
      j++;
      tokTo[kept - 1] = tokTo[t + 1]!;
      t++;
      continue;
    }
    tokFrom[kept] = tokFrom[t]!;
    tokTo[kept] = tokTo[t]!;
    tokWord[kept++] = tokWord[t]!;
  }
  return kept;
}

/** Pass 3: join spaced letters and turn runs of digit words into digits. Returns a new buffer. */
function wordPass(b: Buf): Buf {
  const c = b.codes;
  const n = b.n;
  const T = finishTokens(n);
  const tFrom = tokFrom;
  const tTo = tokTo;
  const tWord = tokWord;
  // Follow runs of single letters and of digit-like tokens joined by short separators, so that the
  // passes below run only when a run is long enough to matter.
  let sepShort = false;
  let singleRun = 0;
  let digitRun = 0;
  let digitRunWords = 0;
  let worth = false;
  for (let t = 0; t < T; t++) {
    const k = tFrom[t]!;
    const j = tTo[t]!;
    if (!tWord[t]) {
      sepShort = j - k <= 4;
      if (sepShort) for (let m = k; m < j; m++) if (c[m] === 10) sepShort = false;
    } else {
      const len = j - k;
      const single = len === 1 && classOf(c[k]!) >= 3;
      singleRun = single ? (sepShort && singleRun > 0 ? singleRun + 1 : 1) : 0;
      const digitGroup = isDigitUnit(c[k]!) && len <= 4;
      const digitWord = !digitGroup && len > 1 && len < 32 && DIGIT_WORD_KEYS.has(wordKey(c[k]!, c[k + 1]!, len));
      if (digitGroup || digitWord) {
        if (!(sepShort && digitRun > 0)) {
          digitRun = 0;
          digitRunWords = 0;
        }
        digitRun++;
        if (digitWord) digitRunWords++;
      } else {
        digitRun = 0;
        digitRunWords = 0;
      }
      if (singleRun >= 5 || (digitRun >= 3 && digitRunWords >= 2)) worth = true;
      sepShort = false;
    }
  }
  // No run of four single letters nor of digit words: nothing to join or convert (most ads).
  if (!worth) {
    tokCount = T;
    return b;
  }
  tokCount = -1;
  const shortSep = (t: number) => {
    if (tWord[t] || tTo[t]! - tFrom[t]! > 4) return false;
    for (let k = tFrom[t]!; k < tTo[t]!; k++) if (c[k] === 10) return false;
    return true;
  };
  const singleLetter = (t: number) => tWord[t] === 1 && tTo[t]! - tFrom[t]! === 1 && isLetterUnit(c[tFrom[t]!]!);
  let drop: Uint8Array | undefined;
  // Spaced letters: 5+ single letters with the same short separator between them ("w h a t s", "w.h.a.t");
  // abbreviations and one-letter words ("S.r.l. e", "a e i") have mixed separators or fewer letters.
  const sameSep = (a: number, b2: number) => {
    const la = tTo[a]! - tFrom[a]!;
    if (la !== tTo[b2]! - tFrom[b2]!) return false;
    for (let k = 0; k < la; k++) if (c[tFrom[a]! + k] !== c[tFrom[b2]! + k]) return false;
    return true;
  };
  for (let t = 0; t < T; ) {
    if (!singleLetter(t)) {
      t++;
      continue;
    }
    let u = t;
    let count = 1;
    while (u + 2 < T && shortSep(u + 1) && singleLetter(u + 2) && (u === t || sameSep(t + 1, u + 1))) {
      u += 2;
      count++;
    }
    if (count >= 5) {
      drop ??= new Uint8Array(n);
      for (let s = t + 1; s < u; s += 2) for (let k = tFrom[s]!; k < tTo[s]!; k++) drop[k] = 1;
    }
    t = u + 1;
  }
  // Digit words: runs of 3+ tokens that are digit words or short digit groups, 2+ of them words.
  // Digit tokens keep their digits; digit words become digits (written as words: `word` true).
  const digitValue = (t: number): { digits: string; word: boolean } | undefined => {
    if (!tWord[t]) return undefined;
    const len = tTo[t]! - tFrom[t]!;
    const first = c[tFrom[t]!]!;
    if (isDigitUnit(first)) {
      if (len > 4) return undefined;
      for (let k = tFrom[t]!; k < tTo[t]!; k++) if (!isDigitUnit(c[k]!)) return undefined;
      return { digits: '', word: false };
    }
    if (len > 31 || !DIGIT_WORD_KEYS.has(wordKey(first, c[tFrom[t]! + 1] ?? 0, len))) return undefined;
    const d = DIGIT_WORDS[String.fromCharCode(...c.subarray(tFrom[t]!, tTo[t]!))];
    return d === undefined ? undefined : { digits: d, word: true };
  };
  let replace: Map<number, string> | undefined;
  for (let t = 0; t < T; ) {
    const v = digitValue(t);
    if (!v) {
      t++;
      continue;
    }
    let u = t;
    const run = [[t, v] as const];
    while (u + 2 < T && shortSep(u + 1)) {
      const w = digitValue(u + 2);
      if (!w) break;
      u += 2;
      run.push([u, w]);
    }
    const words = run.filter(([, x]) => x.word);
    if (run.length >= 3 && words.length >= 2) {
      replace ??= new Map();
      for (const [x, val] of words) replace.set(x, val.digits);
    }
    t = u + 1;
  }
  if (!replace && !drop) return b;
  const out = new Buf(n + 16);
  for (let ti = 0; ti < T; ti++) {
    const digits = replace?.get(ti);
    if (digits !== undefined) {
      const s = b.start[tFrom[ti]!]!;
      const e = b.end[tTo[ti]! - 1]!;
      for (let k = 0; k < digits.length; k++) out.push(digits.charCodeAt(k), s, e, 1);
      continue;
    }
    for (let k = tFrom[ti]!; k < tTo[ti]!; k++) if (!drop?.[k]) out.push(c[k]!, b.start[k]!, b.end[k]!, b.spelled[k]);
  }
  return out;
}

const UTF16 = new TextDecoder('utf-16le');
function toString(codes: Uint16Array, n: number): string {
  return UTF16.decode(codes.subarray(0, n));
}

/** Folds `input` for matching and keeps the offset map back to it. Never throws. */
export function normalise(input: string): Normalised {
  const b1 = foldPass(input);
  lookAlikePass(b1);
  const b = wordPass(b1);
  const n = b.n;
  // The word spans of the final text when wordPass changed nothing (most ads): its own tokens, so
  // that the words are found once. Otherwise undefined, and the document finds them in the final text.
  let words = 0;
  if (tokCount >= 0) for (let t = 0; t < tokCount; t++) words += tokWord[t]!;
  // The arrays the result keeps, copied out of the reused buffers into one new ArrayBuffer: one
  // allocation per text instead of five (typed arrays of this size each get their own backing
  // store, and allocating and collecting those cost more than the copying).
  const memory = new ArrayBuffer(8 * n + 8 * words + n);
  const start = new Int32Array(memory, 0, n);
  const end = new Int32Array(memory, 4 * n, n);
  const spelled = new Uint8Array(memory, 8 * n + 8 * words, n);
  start.set(b.start.subarray(0, n));
  end.set(b.end.subarray(0, n));
  spelled.set(b.spelled.subarray(0, n));
  // Trailing white space was never emitted (pending), so no trim is needed.
  return { text: toString(b.codes, n), start, end, spelled, words: tokCount < 0 ? undefined : wordSpans(memory, 8 * n, words) };
}

/** The word tokens of the last wordPass (see tokCount), into `memory` from byte `at`. */
function wordSpans(memory: ArrayBuffer, at: number, n: number): NonNullable<Normalised['words']> {
  const start = new Int32Array(memory, at, n);
  const end = new Int32Array(memory, at + 4 * n, n);
  let w = 0;
  for (let t = 0; t < tokCount; t++) {
    if (!tokWord[t]) continue;
    start[w] = tokFrom[t]!;
    end[w++] = tokTo[t]!;
  }
  return { start, end, n };
}

/** Folds a rule's phrase the same way as ad text (no offset map needed). */
export function foldText(s: string): string {
  // Rule words are mostly written folded already: a word of folded letters of one script folds to itself.
  const script = (u: number) => (u >= 97 && u <= 122 ? 1 : u >= 0x3b1 && u <= 0x3c9 && u !== 0x3c2 ? 2 : u >= 0x430 && u <= 0x44f && u !== 0x439 ? 3 : 0); // й folds to и
  const first = s.length > 0 ? script(s.charCodeAt(0)) : 0;
  let folded = first !== 0;
  for (let i = 1; i < s.length && folded; i++) folded = script(s.charCodeAt(i)) === first;
  return folded ? s : normalise(s).text;
}

/** Maps a range of the folded text back to the original string. */
export function toOriginal(n: Normalised, from: number, to: number): [number, number] {
  if (to <= from) return [n.start[from] ?? 0, n.start[from] ?? 0];
  return [n.start[from]!, n.end[to - 1]!];
}
