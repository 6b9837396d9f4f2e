/**
 * Contact points written in an ad: phone numbers (also when disguised with spaces, dots, emoji or
 * words), e-mail addresses and web links. Works on folded text, where spelled-out digits are
 * already digits (normalise.ts marks them in `spelled`).
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { toFoldedClasses } from './patterns.js';

export interface PhoneMention {
  from: number;
  to: number;
  e164: string;
  type: string | undefined;
  /** Written to dodge filters: digits as words or emoji, emoji or odd separators between digits. */
  obscured: boolean;
  country?: string;
}

export interface EmailMention {
  from: number;
  to: number;
  domain: string;
  free: boolean;
}

// Digits with up to three separators (space, dot, dash, slash, brackets, bullets, emoji) between them.
const PHONE = /(?:\+|00)?\d(?:(?:[ .\-/()•·_*~]|\p{Extended_Pictographic}|\u20e3){0,3}\d){6,14}/gu;
const EMOJI = /\p{Extended_Pictographic}/u;
// Amounts and dates look like digit runs too: a currency or period next to the run rules it out.
const MONEY_NEAR = /^[\s.]{0,2}(?:€|eur|zl|pln|лв|bgn|£|\$|kc|czk|ron|lei|brutto|netto|%)/u;
const MONEY_BEFORE = /(?:€|£|\$)\s?$/u;

export const FREE_MAIL = new Set([
  'gmail.com', 'googlemail.com', 'yahoo.com', 'yahoo.co.uk', 'yahoo.gr', 'yahoo.it', 'yahoo.es', 'yahoo.de', 'hotmail.com',
  'hotmail.it', 'hotmail.es', 'hotmail.co.uk', 'outlook.com', 'live.com', 'icloud.com', 'aol.com', 'protonmail.com', 'proton.me',
  'gmx.de', 'gmx.at', 'gmx.net', 'web.de', 't-online.de', 'freenet.de', 'wp.pl', 'o2.pl', 'onet.pl', 'interia.pl', 'op.pl',
  'gazeta.pl', 'tlen.pl', 'abv.bg', 'mail.bg', 'dir.bg', 'libero.it', 'tiscali.it', 'virgilio.it', 'alice.it', 'azet.sk',
  'centrum.sk', 'pobox.sk', 'zoznam.sk', 'post.sk', 'seznam.cz', 'email.cz', 'mail.ru', 'yandex.ru', 'yandex.com', 'ukr.net', 'mail.com',
]);

// Bounded, and a local part starts only where the previous character cannot belong to it: without
// that, a long run of letters with no "@" costs a scan per start position (quadratic).
// Folded-alphabet classes (patterns.ts) rather than \p{L}\p{N}: the same on the folded text these read, and faster.
const EMAIL = new RegExp(toFoldedClasses(String.raw`(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}@([\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){0,8}\.[a-z]{2,24})`), 'gu');
const URL = new RegExp(toFoldedClasses(String.raw`(?:https?:\/\/|www\.)[^\s]+|(?<![\p{L}\p{N}@.-])[\p{L}\p{N}-]{2,63}\.(?:com|pl|de|at|bg|gr|it|es|sk|cz|eu|org|net|co\.uk|ro)(?:\/[^\s]*)?(?![\p{L}\p{N}])`), 'gu');
const MESSENGER_HOST = /(?:wa\.me|whatsapp\.com|t\.me|telegram\.me|viber\.com|signal\.me)/u;

const DIGIT_RUN = /\d(?:[^\n\d]{0,3}\d){6}/u;
export function findPhones(text: string, spelled: Uint8Array, defaultCountry?: string): PhoneMention[] {
  const out: PhoneMention[] = [];
  if (!DIGIT_RUN.test(text)) return out;
  PHONE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PHONE.exec(text)) !== null) {
    const from = m.index;
    const to = from + m[0].length;
    if (MONEY_NEAR.test(text.slice(to, to + 8)) || MONEY_BEFORE.test(text.slice(Math.max(0, from - 2), from))) continue;
    const digits = m[0].replace(/[^\d+]/g, '');
    const region = (defaultCountry && /^[A-Z]{2}$/.test(defaultCountry) ? defaultCountry : undefined) as CountryCode | undefined;
    let parsed;
    try {
      parsed = parsePhoneNumberFromString(digits.startsWith('00') ? `+${digits.slice(2)}` : digits, region);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !parsed.isPossible()) continue;
    const groups = m[0].split(/[^\d]+/).filter(Boolean);
    let spelledDigits = false;
    for (let i = from; i < to; i++) if (spelled[i]) spelledDigits = true;
    const singleDigitGroups = groups.filter((g) => g.length === 1).length;
    const obscured = spelledDigits || EMOJI.test(m[0]) || m[0].includes('\u20e3') || singleDigitGroups >= 4;
    out.push({ from, to, e164: parsed.number, type: parsed.getType(), obscured, country: parsed.country });
  }
  return out;
}

export function findEmails(text: string): EmailMention[] {
  const out: EmailMention[] = [];
  if (!text.includes('@')) return out;
  EMAIL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = EMAIL.exec(text)) !== null) {
    const domain = m[1]!;
    out.push({ from: m.index, to: m.index + m[0].length, domain, free: FREE_MAIL.has(domain) });
  }
  return out;
}

/** Web addresses other than e-mail and messenger links: a sign that the employer can be looked up. */
const TLD_HINT = new RegExp(toFoldedClasses(String.raw`(?:www|https?:|\.(?:com|pl|de|at|bg|gr|it|es|sk|cz|eu|org|net|uk|ro)(?![\p{L}\p{N}]))`), 'u');
/**
 * Where a web address can be: "www.", "http(s)://", or the dot before a top-level domain. URL itself
 * tried at every position of a 2 KB ad was a twentieth of the engine's time; tried only where one of
 * these stands, it costs a few probes.
 */
const URL_HINTS = new RegExp(toFoldedClasses(String.raw`www\.|https?:\/\/|\.(?:com|pl|de|at|bg|gr|it|es|sk|cz|eu|org|net|co\.uk|ro)(?![\p{L}\p{N}])`), 'gu');
const URL_AT = new RegExp(URL.source, 'uy');
const isDomainUnit = (u: number) => u === 45 || u === 46 || (u >= 48 && u <= 57) || (u >= 97 && u <= 122) || (u > 127 && isFoldedLetter(u));
/** A letter of the folded alphabet (normalise.ts): what the folded classes of URL call a letter. */
const isFoldedLetter = (u: number) => u === 0x1c2 || (u >= 0x3b1 && u <= 0x3c9) || (u >= 0x430 && u <= 0x45f);
/** How far before a top-level domain's dot a web address can start (a 63-letter name, its dot). */
const DOMAIN_REACH = 70;

/**
 * Is there a web address (URL's matches, found leftmost first without overlaps) that is not a
 * messenger link? URL's domain form starts only after a character that cannot belong to a domain,
 * so the one place it can start for a dot is where the run of domain characters before it begins.
 */
export function hasWebsite(text: string): boolean {
  // URL_HINTS finds what TLD_HINT would: one pass over the text instead of two.
  URL_HINTS.lastIndex = 0;
  let after = 0;
  let h: RegExpExecArray | null;
  while ((h = URL_HINTS.exec(text)) !== null) {
    let s = h.index;
    if (text.charCodeAt(s) === 46) {
      const limit = Math.max(0, s - DOMAIN_REACH);
      while (s > limit && isDomainUnit(text.charCodeAt(s - 1))) s--;
    }
    if (s < after) continue;
    URL_AT.lastIndex = s;
    const m = URL_AT.exec(text);
    if (m === null) continue;
    after = s + m[0].length;
    if (!MESSENGER_HOST.test(m[0])) return true;
  }
  return false;
}

/** The module's expressions, for the catastrophic-backtracking tests (tests/redos.test.ts). */
export const CONTACT_REGEXES = { PHONE, EMOJI, MONEY_NEAR, MONEY_BEFORE, EMAIL, URL, MESSENGER_HOST, DIGIT_RUN, TLD_HINT, URL_HINTS };
