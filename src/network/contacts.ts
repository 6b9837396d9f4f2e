/**
 * The contact points of an ad as index keys: the same phone, e-mail address or messenger account
 * gives the same key in every ad, however it was written. Phone numbers become E.164 with
 * libphonenumber-js (default region: the ad's country, else its URL's); the engine's normalisation
 * has already turned digits written as words, emoji or look-alike letters into digits. A WhatsApp,
 * Viber or Signal link carries a phone number, so it gives that number's key: the same number
 * written as a link in one ad and as digits in another is one contact.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { findEmails, findPhones } from '../engine/contacts.js';
import { countryFromUrl } from '../engine/detect-language.js';
import { buildDocument, spanText, toSpan, type AdDocument } from '../engine/document.js';
import { normalise } from '../engine/normalise.js';
import type { Ad, Span } from '../engine/types.js';

export interface ContactPoint {
  /** "tel:+48600111222", "mail:anna@example.com" or "tg:handle". */
  key: string;
  /** Where the ad shows it (none for contacts a board lists outside the text, `ad.contacts`). */
  span?: Span;
  /** The original words. */
  shown: string;
}

// On folded text: lower case, no diacritics, look-alikes replaced. Bounded quantifiers only.
const PHONE_LINK = /(?:wa\.me\/|whatsapp\.com\/send\/?\?phone=|viber:\/\/(?:chat|add)\?number=|signal\.me\/#p\/)(?:%2b|\+)?(\d{6,15})/gu;
const TELEGRAM = /(?:t\.me\/|telegram\.me\/|(?:telegram|tg)\s?[:-]?\s?@)([a-z][a-z0-9_]{4,31})(?![a-z0-9_])/gu;

const regionOf = (ad: Ad): CountryCode | undefined => {
  const c = ad.country ?? countryFromUrl(ad.url);
  return c && /^[A-Z]{2}$/.test(c) ? (c as CountryCode) : undefined;
};

function e164(digits: string, region: CountryCode | undefined, international: boolean): string | undefined {
  try {
    const parsed = parsePhoneNumberFromString(international ? `+${digits}` : digits, region);
    return parsed?.isPossible() ? parsed.number : undefined;
  } catch {
    return undefined;
  }
}

/** Calls `found` with each contact key in folded text and where it stands (document offsets). */
function scan(text: string, spelled: Uint8Array, region: CountryCode | undefined, found: (key: string, from: number, to: number) => void): void {
  for (const m of text.matchAll(PHONE_LINK)) {
    const n = e164(m[1]!, region, true);
    if (n) found(`tel:${n}`, m.index, m.index + m[0].length);
  }
  for (const p of findPhones(text, spelled, region)) found(`tel:${p.e164}`, p.from, p.to);
  for (const e of findEmails(text)) found(`mail:${text.slice(e.from, e.to)}`, e.from, e.to);
  for (const m of text.matchAll(TELEGRAM)) found(`tg:${m[1]}`, m.index, m.index + m[0].length);
}

/** The ad's contact points, each key once (the first place it stands). */
export function contactPoints(ad: Ad, doc: AdDocument = buildDocument(ad)): ContactPoint[] {
  const region = regionOf(ad);
  const out = new Map<string, ContactPoint>();
  const add = (key: string, from?: number, to?: number) => {
    if (out.has(key)) return;
    const span = from !== undefined && to !== undefined ? toSpan(doc, from, to) : undefined;
    out.set(key, { key, ...(span ? { span } : {}), shown: span ? spanText(ad, doc, span) : key.slice(key.indexOf(':') + 1) });
  };
  scan(doc.text, doc.spelled, region, add);
  // Contacts the board shows apart from the text (a phone button, an e-mail link): no span.
  for (const raw of ad.contacts ?? []) {
    if (typeof raw !== 'string' || raw.length > 300) continue;
    const n = normalise(raw);
    scan(n.text, n.spelled, region, (key) => add(key));
  }
  return [...out.values()];
}

/** The module's expressions, for the catastrophic-backtracking tests (tests/redos.test.ts). */
export const NETWORK_CONTACT_REGEXES = { PHONE_LINK, TELEGRAM };
