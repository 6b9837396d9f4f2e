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
}

const SPECIAL_FOLDS: Record<string, string> = {
  ß: 'ss', ẞ: 'ss', ł: 'l', Ł: 'l', đ: 'd', Đ: 'd', ø: 'o', Ø: 'o', æ: 'ae', Æ: 'ae', œ: 'oe',
  Œ: 'oe', ı: 'i', ς: 'σ', ſ: 's', ð: 'd', þ: 'th', ħ: 'h', ŀ: 'l',
};

// Dingbat digits (➊ ❶ ➀) are not decomposed by NFKD but are used to hide phone numbers.
function dingbatDigit(cp: number): string | undefined {
  for (const base of [0x2776, 0x2780, 0x278a]) {
    if (cp >= base && cp < base + 10) return cp - base === 9 ? '10' : String(cp - base + 1);
  }
  return undefined;
}

const foldCache = new Map<number, string>();
const MARKS = /\p{M}/gu;

/** Folds one code point: compatibility decomposition, no diacritics, lower case. */
export function foldCodePoint(cp: number): string {
  if (cp < 128) return cp >= 65 && cp <= 90 ? String.fromCharCode(cp + 32) : String.fromCharCode(cp);
  let f = foldCache.get(cp);
  if (f !== undefined) return f;
  const ch = String.fromCodePoint(cp);
  f = SPECIAL_FOLDS[ch] ?? dingbatDigit(cp);
  if (f === undefined) {
    f = ch.normalize('NFKD').replace(MARKS, '').toLowerCase();
    f = f.replace(/ς/g, 'σ');
    // NFKD can reintroduce characters that need a special fold (e.g. "Ǆ" → "dž" is fine, "ﬀ" → "ff").
    let g = '';
    for (const c of f) g += SPECIAL_FOLDS[c] ?? c;
    f = g;
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
const letterCache = new Map<number, boolean>();
/** Is this UTF-16 unit a letter? (Astral letters are folded to BMP ones or are not used in ads.) */
export function isLetterUnit(u: number): boolean {
  if (u < 128) return (u >= 97 && u <= 122) || (u >= 65 && u <= 90);
  if (u >= 0xd800 && u <= 0xdfff) return false;
  let r = letterCache.get(u);
  if (r === undefined) {
    r = LETTER.test(String.fromCharCode(u));
    letterCache.set(u, r);
  }
  return r;
}
export function isDigitUnit(u: number): boolean {
  return u >= 48 && u <= 57;
}
function isWordUnit(u: number): boolean {
  return isDigitUnit(u) || isLetterUnit(u);
}

type Script = 'latin' | 'cyrillic' | 'greek' | 'other';
function scriptOf(u: number): Script {
  if (u < 0x250) return 'latin';
  if (u >= 0x400 && u <= 0x4ff) return 'cyrillic';
  if (u >= 0x370 && u <= 0x3ff) return 'greek';
  return 'other';
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

interface Buf {
  codes: number[];
  start: number[];
  end: number[];
  spelled: number[];
}

function push(b: Buf, code: number, s: number, e: number, spelled = 0): void {
  b.codes.push(code);
  b.start.push(s);
  b.end.push(e);
  b.spelled.push(spelled);
}

function isLowerLatin(u: number): boolean {
  return u >= 97 && u <= 122;
}

/** Pass 1: fold every code point, drop invisible characters, collapse white space. */
function foldPass(input: string): Buf {
  const b: Buf = { codes: [], start: [], end: [], spelled: [] };
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
      if (b.codes.length > 0) push(b, pendingNewline ? 10 : 32, pendingSpace, pendingSpace + 1);
      pendingSpace = -1;
      pendingNewline = false;
    }
    let folded: string;
    // "teIegram": a capital I between lower-case letters is almost always a disguised "l".
    if (cp === 73 && i > 0 && isLowerLatin(input.charCodeAt(i - 1)) && isLowerLatin(input.charCodeAt(i + 1))) folded = 'l';
    else if (len === 2) folded = foldCodePoint(cp);
    else if (cp >= 0xd800 && cp <= 0xdfff) folded = '\ufffd'; // a lone surrogate
    else folded = foldCodePoint(cp);
    for (let k = 0; k < folded.length; k++) push(b, folded.charCodeAt(k), i, i + len);
    i += len;
  }
  return b;
}

/** Pass 2 (in place): symbols and look-alike letters inside words. */
function lookAlikePass(b: Buf): void {
  const c = b.codes;
  const n = c.length;
  for (let k = 1; k < n - 1; k++) {
    const sub = SYMBOL_LETTERS[String.fromCharCode(c[k]!)];
    if (sub === 'a' && looksLikeEmailDomain(c, k + 1)) continue;
    if (sub && isLetterUnit(c[k - 1]!) && isLetterUnit(c[k + 1]!) && scriptOf(c[k - 1]!) === 'latin' && scriptOf(c[k + 1]!) === 'latin') {
      c[k] = sub.charCodeAt(0);
    }
  }
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

/** After an "@": a domain such as "gmail.com" means an e-mail address, not a disguised "a". */
function looksLikeEmailDomain(c: number[], k: number): boolean {
  let sawDot = false;
  for (let i = k; i < c.length && i < k + 64; i++) {
    const u = c[i]!;
    if (u === 46) {
      if (sawDot && c[i - 1] === 46) return false;
      sawDot = true;
      if (isLetterUnit(c[i + 1] ?? 0)) return true;
      continue;
    }
    if (!(isWordUnit(u) || u === 45)) return false;
  }
  return false;
}

interface Token {
  from: number;
  to: number; // exclusive
  word: boolean;
}

function tokenize(c: number[]): Token[] {
  const out: Token[] = [];
  let k = 0;
  while (k < c.length) {
    const w = isWordUnit(c[k]!);
    let j = k + 1;
    while (j < c.length && isWordUnit(c[j]!) === w) j++;
    out.push({ from: k, to: j, word: w });
    k = j;
  }
  return out;
}

function hasNewline(c: number[], t: Token): boolean {
  for (let k = t.from; k < t.to; k++) if (c[k] === 10) return true;
  return false;
}

/** A short separator that may sit between disguised letters or digits ("w.h.a", "6 🌹 0"). */
function isShortSeparator(c: number[], t: Token): boolean {
  return !t.word && t.to - t.from <= 4 && !hasNewline(c, t);
}

/** Pass 3: join spaced letters and turn runs of digit words into digits. Returns a new buffer. */
function wordPass(b: Buf): Buf {
  const c = b.codes;
  const tokens = tokenize(c);
  const drop = new Uint8Array(c.length);
  const replace = new Map<number, string>(); // token index → digits
  // Spaced letters: 4+ single letters with short separators between them.
  for (let t = 0; t < tokens.length; ) {
    const tk = tokens[t]!;
    if (!(tk.word && tk.to - tk.from === 1 && isLetterUnit(c[tk.from]!))) {
      t++;
      continue;
    }
    let u = t;
    let count = 1;
    while (
      u + 2 < tokens.length &&
      isShortSeparator(c, tokens[u + 1]!) &&
      tokens[u + 2]!.word &&
      tokens[u + 2]!.to - tokens[u + 2]!.from === 1 &&
      isLetterUnit(c[tokens[u + 2]!.from]!)
    ) {
      u += 2;
      count++;
    }
    if (count >= 4) for (let s = t + 1; s < u; s += 2) for (let k = tokens[s]!.from; k < tokens[s]!.to; k++) drop[k] = 1;
    t = u + 1;
  }
  // Digit words: runs of 3+ tokens that are digit words or short digit groups, 2+ of them words.
  for (let t = 0; t < tokens.length; ) {
    const isDigitToken = (tk: Token): string | undefined => {
      if (!tk.word) return undefined;
      const s = String.fromCharCode(...c.slice(tk.from, tk.to));
      if (DIGIT_WORDS[s] !== undefined) return DIGIT_WORDS[s];
      if (tk.to - tk.from <= 4 && /^\d+$/.test(s)) return s;
      return undefined;
    };
    if (isDigitToken(tokens[t]!) === undefined) {
      t++;
      continue;
    }
    let u = t;
    const run = [t];
    while (u + 2 < tokens.length && isShortSeparator(c, tokens[u + 1]!) && isDigitToken(tokens[u + 2]!) !== undefined) {
      u += 2;
      run.push(u);
    }
    const words = run.filter((x) => !/^\d+$/.test(String.fromCharCode(...c.slice(tokens[x]!.from, tokens[x]!.to))));
    if (run.length >= 3 && words.length >= 2) for (const x of words) replace.set(x, isDigitToken(tokens[x]!)!);
    t = u + 1;
  }
  if (replace.size === 0 && !drop.includes(1)) return b;
  const out: Buf = { codes: [], start: [], end: [], spelled: [] };
  tokens.forEach((tk, ti) => {
    const digits = replace.get(ti);
    if (digits !== undefined) {
      const s = b.start[tk.from]!;
      const e = b.end[tk.to - 1]!;
      for (let k = 0; k < digits.length; k++) push(out, digits.charCodeAt(k), s, e, 1);
      return;
    }
    for (let k = tk.from; k < tk.to; k++) if (!drop[k]) push(out, c[k]!, b.start[k]!, b.end[k]!, b.spelled[k]);
  });
  return out;
}

function toString(codes: number[]): string {
  let s = '';
  for (let k = 0; k < codes.length; k += 8192) s += String.fromCharCode(...codes.slice(k, k + 8192));
  return s;
}

/** Folds `input` for matching and keeps the offset map back to it. Never throws. */
export function normalise(input: string): Normalised {
  const b1 = foldPass(input);
  lookAlikePass(b1);
  const b = wordPass(b1);
  // Trailing white space was never emitted (pending), so no trim is needed.
  return {
    text: toString(b.codes),
    start: Int32Array.from(b.start),
    end: Int32Array.from(b.end),
    spelled: Uint8Array.from(b.spelled),
  };
}

/** Folds a rule's phrase the same way as ad text (no offset map needed). */
export function foldText(s: string): string {
  return normalise(s).text;
}

/** Maps a range of the folded text back to the original string. */
export function toOriginal(n: Normalised, from: number, to: number): [number, number] {
  if (to <= from) return [n.start[from] ?? 0, n.start[from] ?? 0];
  return [n.start[from]!, n.end[to - 1]!];
}
