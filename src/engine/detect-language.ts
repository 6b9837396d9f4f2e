/**
 * Language detection limited to Telltale's eight languages, robust on short ads: the script decides
 * Greek and Bulgarian outright, letters unique to one language settle many Latin cases, franc's
 * trigrams do the rest, and the caller's hints (lang, country, the URL's domain) break ties and
 * decide when the text is too short to say.
 */
import { francAll } from 'franc';
import type { Lang } from './types.js';
import { LANGS } from './types.js';
import { wordKey } from './normalise.js';

const ISO3: Record<string, Lang> = { eng: 'en', spa: 'es', ita: 'it', pol: 'pl', slk: 'sk', bul: 'bg', ell: 'el', deu: 'de' };
const LATIN_ISO3 = ['eng', 'spa', 'ita', 'pol', 'slk', 'deu'];

/** The language most ads from a country are written in (for hints). */
export const COUNTRY_LANG: Record<string, Lang> = {
  PL: 'pl', SK: 'sk', CZ: 'sk', BG: 'bg', GR: 'el', CY: 'el', ES: 'es', IT: 'it', DE: 'de', AT: 'de', CH: 'de',
  GB: 'en', UK: 'en', IE: 'en', US: 'en', CA: 'en', AU: 'en', MT: 'en',
};

// Letters that belong to one of our Latin-script languages only (folded text loses them, so read raw).
const UNIQUE_LETTERS: [RegExp, Lang][] = [
  [/[łŁąĄęĘśŚźŹżŻćĆńŃ]/g, 'pl'],
  [/[ľĽĺĹŕŔôÔťŤďĎňŇ]/g, 'sk'],
  [/[ßẞ]/g, 'de'],
  [/[ñÑ¿¡]/g, 'es'],
];

/** UNIQUE_LETTERS as a table: character code (below U+0250) → 1 + the index of its language there. */
const UNIQUE_TABLE = new Uint8Array(0x250);
UNIQUE_LETTERS.forEach(([re], k) => {
  // Each expression is one class of plain letters: "[łŁąĄ...]".
  for (const ch of re.source.slice(1, -1)) if (ch.charCodeAt(0) < UNIQUE_TABLE.length) UNIQUE_TABLE[ch.charCodeAt(0)] = k + 1;
});

export interface LanguageGuess {
  lang: Lang | 'und';
  confidence: number;
  /** Languages whose packs should run, best first. */
  candidates: Lang[];
}

export function isLang(x: unknown): x is Lang {
  return typeof x === 'string' && (LANGS as readonly string[]).includes(x);
}

/** The country a URL's domain points to, when it has a country-code top-level domain. */
export function countryFromUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#:]+)/i.exec(url);
  const host = m?.[1]?.toLowerCase();
  if (!host) return undefined;
  const tld = host.split('.').pop() ?? '';
  if (tld === 'uk') return 'GB';
  if (tld === 'com' || tld === 'org' || tld === 'net' || tld === 'eu' || tld.length !== 2) return undefined;
  return tld.toUpperCase();
}

export interface LanguageHints {
  lang?: string;
  country?: string;
  url?: string;
}

const SAMPLE = 400;

/**
 * The start of an ad's title and text joined by a newline, as much as detectLanguage reads: joining
 * the whole text first and then cutting it would copy all of it (a joined string is flattened when
 * it is cut).
 */
export function languageSample(title: string | undefined, text: string): string {
  const head = `${title ?? ''}\n`;
  return head.length >= SAMPLE ? head.slice(0, SAMPLE) : head + text.slice(0, SAMPLE - head.length);
}

/**
 * Function words that belong to one of our Latin-script languages only (folded: no diacritics, so
 * words that fold to the same form in two languages are left out). Counting them settles most ads
 * at once; franc's trigrams (slower) decide the rest.
 */
const STOPWORDS = new Map<string, Lang>();
for (const [lang, words] of [
  ['en', 'the and with for you are will our your have this from'],
  ['es', 'el los las que para esta trabajo tambien somos muy'],
  ['it', 'il che della sono gli lavoro anche nel alla siamo'],
  ['pl', 'sie nie jest oraz dla pracy przez bedzie lub jestesmy'],
  ['sk', 'sa je pre ako aj alebo bude ktory pracu sme'],
  ['de', 'und der die das mit fur wir ist eine nicht'],
] as const) for (const w of words.split(' ')) STOPWORDS.set(w, lang);
/**
 * First two letters and length of every stopword, hashed into a bit table: most words of an ad fail
 * this one array read, and only the others are cut out of the text for the exact lookup.
 */
const STOPWORD_KEYS = new Uint8Array(65536);
for (const w of STOPWORDS.keys()) STOPWORD_KEYS[wordKey(w.charCodeAt(0), w.charCodeAt(1), w.length)] = 1;

/** Words of the folded text, as the prefilter found them (see compile.ts). */
export interface WordSpans {
  text: string;
  start: Int32Array;
  end: Int32Array;
  n: number;
}

function stopwordVote(words: WordSpans, limit = 90): { lang: Lang; hits: number; second: number } | undefined {
  const counts = new Map<Lang, number>();
  const n = Math.min(words.n, limit);
  for (let w = 0; w < n; w++) {
    const s = words.start[w]!;
    const len = words.end[w]! - s;
    if (len < 2 || len > 9 || STOPWORD_KEYS[wordKey(words.text.charCodeAt(s), words.text.charCodeAt(s + 1), len)] === 0) continue;
    const lang = STOPWORDS.get(words.text.slice(s, s + len));
    if (lang) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const top = ranked[0];
  if (!top) return undefined;
  return { lang: top[0], hits: top[1], second: ranked[1]?.[1] ?? 0 };
}

export function detectLanguage(sample: string, hints: LanguageHints = {}, words?: WordSpans): LanguageGuess {
  const hinted = isLang(hints.lang?.toLowerCase().slice(0, 2)) ? (hints.lang!.toLowerCase().slice(0, 2) as Lang) : undefined;
  const country = hints.country?.toUpperCase() ?? countryFromUrl(hints.url);
  const countryLang = country ? COUNTRY_LANG[country] : undefined;
  const text = sample.slice(0, SAMPLE);

  let latin = 0, cyr = 0, greek = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c < 0x250)) latin++;
    else if (c >= 0x400 && c <= 0x4ff) cyr++;
    else if (c >= 0x370 && c <= 0x3ff) greek++;
  }
  const letters = latin + cyr + greek;
  const withHint = (lang: Lang | 'und', confidence: number): LanguageGuess => {
    const candidates: Lang[] = [];
    if (lang !== 'und') candidates.push(lang);
    if (hinted && !candidates.includes(hinted)) candidates.push(hinted);
    if (lang === 'und' && countryLang && !candidates.includes(countryLang)) candidates.push(countryLang);
    return { lang, confidence, candidates };
  };
  if (letters === 0) return withHint(hinted ?? countryLang ?? 'und', hinted ? 0.5 : 0);
  if (greek / letters > 0.5) return withHint('el', Math.min(1, greek / letters));
  if (cyr / letters > 0.5) {
    // Ukrainian and Russian letters that Bulgarian does not use: not one of our languages.
    if (/[іїєґыэё]/i.test(text)) return { lang: 'und', confidence: 0.8, candidates: hinted ? [hinted] : [] };
    return withHint('bg', Math.min(1, cyr / letters) * 0.9);
  }

  const unique = new Map<Lang, number>();
  // One pass with a table of the unique letters (UNIQUE_LETTERS) instead of one expression each.
  const counts = [0, 0, 0, 0, 0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xa1 && c < UNIQUE_TABLE.length) counts[UNIQUE_TABLE[c]!]!++;
    else if (c === 0x1e9e) counts[UNIQUE_TABLE[0xdf]!]!++; // capital ẞ
  }
  UNIQUE_LETTERS.forEach(([, lang], k) => {
    if (counts[k + 1]) unique.set(lang, counts[k + 1]!);
  });
  if (latin < 12) {
    // Too short for trigrams: unique letters, then the hints.
    const best = [...unique.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    return withHint(best ?? hinted ?? countryLang ?? 'und', best ? 0.6 : hinted || countryLang ? 0.3 : 0);
  }
  const vote = words ? stopwordVote(words) : undefined;
  // Letters of one language only, and no function words of another: decided without trigrams.
  const uniqueRanked = [...unique.entries()].sort((a, b) => b[1] - a[1]);
  const u0 = uniqueRanked[0];
  if (u0 && u0[1] >= 3 && uniqueRanked.length === 1 && (!vote || vote.lang === u0[0] || vote.hits < 3)) {
    return withHint(u0[0], Number(Math.min(0.95, 0.6 + 0.03 * u0[1]).toFixed(2)));
  }
  if (vote && vote.hits >= 4 && vote.hits >= 3 * vote.second) {
    const conf = Math.min(0.95, 0.6 + 0.05 * (vote.hits - vote.second));
    return withHint(vote.lang, Number(conf.toFixed(2)));
  }
  const scores = francAll(text.slice(0, 300), { only: LATIN_ISO3, minLength: 1 });
  const ranked = scores.map(([code, s]) => ({ lang: ISO3[code], s })).filter((x): x is { lang: Lang; s: number } => !!x.lang);
  // Unique letters and hints nudge franc's normalised scores (1 = best).
  for (const r of ranked) {
    const u = unique.get(r.lang) ?? 0;
    r.s += Math.min(0.3, u * 0.05);
    if (r.lang === hinted) r.s += 0.08;
    if (r.lang === countryLang) r.s += 0.04;
  }
  ranked.sort((a, b) => b.s - a.s);
  const top = ranked[0];
  if (!top) return withHint(hinted ?? countryLang ?? 'und', 0);
  const second = ranked[1]?.s ?? 0;
  // Distance between the best and the runner-up, scaled so that a clear winner is near 1.
  const confidence = Math.max(0, Math.min(1, (top.s - second) * 3 + (latin > 120 ? 0.3 : 0)));
  const guess = withHint(top.lang, Number(confidence.toFixed(2)));
  // On a close call the runner-up's pack runs too.
  if (confidence < 0.25 && ranked[1] && !guess.candidates.includes(ranked[1].lang)) guess.candidates.push(ranked[1].lang);
  return guess;
}
