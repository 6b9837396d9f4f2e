/**
 * What the local index keeps of an ad: enough to recognise the same contact or text in another ad
 * and to show where that ad is, and nothing more (no full text; the fingerprint cannot be turned
 * back into words).
 */
import { buildDocument, type AdDocument } from '../engine/document.js';
import { normalise } from '../engine/normalise.js';
import type { Ad } from '../engine/types.js';
import { contactPoints, type ContactPoint } from './contacts.js';
import { fingerprint } from './fingerprint.js';

export interface IndexedAd {
  /** The ad's identity: its URL without the fragment, else "id:" and the record's id. */
  key: string;
  url?: string;
  title?: string;
  /** The name it is posted under (the poster, else the employer), as shown. */
  poster?: string;
  city?: string;
  /** Contact keys (contacts.ts). */
  contacts: string[];
  /** LSH band keys of the text fingerprint (fingerprint.ts); empty for a short ad. */
  bands: number[];
  sig?: Uint32Array;
  /** When it was indexed (ms since 1970): the cap drops the oldest first, retention by age. */
  seen: number;
}

/** An ad on its way into the index, with the places of its contacts for the flags' spans. */
export interface AdEntry {
  record: IndexedAd;
  points: ContactPoint[];
}

const MAX_FIELD = 300;
const clip = (s: string | undefined) => {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t.slice(0, MAX_FIELD) : undefined;
};

/** The ad's key, or undefined when it has neither a URL nor an id (a pasted text). */
export function adKey(ad: Ad): string | undefined {
  if (ad.url) return ad.url.split('#')[0]!.slice(0, 2_000);
  if (ad.id !== undefined && ad.id !== '') return `id:${String(ad.id).slice(0, 200)}`;
  return undefined;
}

/** An ad as the index keeps it. A pasted text without URL or id gets the key "" and is only compared. */
export function entryOf(ad: Ad, now: number, doc: AdDocument = buildDocument(ad)): AdEntry {
  const points = contactPoints(ad, doc);
  const fp = fingerprint(doc);
  const poster = clip(ad.poster) ?? clip(ad.employer);
  const city = clip(ad.location);
  const title = clip(ad.title);
  return {
    points,
    record: {
      key: adKey(ad) ?? '',
      ...(ad.url ? { url: ad.url.slice(0, 2_000) } : {}),
      ...(title ? { title } : {}),
      ...(poster ? { poster } : {}),
      ...(city ? { city } : {}),
      contacts: points.map((p) => p.key),
      bands: fp?.bands ?? [],
      ...(fp ? { sig: fp.sig } : {}),
      seen: now,
    },
  };
}

/** A name's words, folded: "Anna K." and "ANNA k" are one name. */
function nameWords(name: string): string[] {
  return normalise(name).text.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

/**
 * Two poster names are different when they share no word of three or more letters: "Jobs4U" and
 * "Jobs4U Agency" are one poster, "Anna" and "Kasia" two. Unknown names are never different.
 */
export function differentNames(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const wa = nameWords(a).filter((w) => w.length >= 3);
  const wb = new Set(nameWords(b).filter((w) => w.length >= 3));
  if (wa.length === 0 || wb.size === 0) return nameWords(a).join(' ') !== nameWords(b).join(' ');
  return !wa.some((w) => wb.has(w));
}

/**
 * Two cities are different when the words of the first part of each location ("Warszawa, Mokotów"
 * → "warszawa") are not one within the other: "Wien" and "Wien 10" are one city, "Wien" and
 * "Wiener Neustadt" two.
 */
export function differentCities(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const first = (s: string) => nameWords(s.split(/[,(/|–]/)[0] ?? s).filter((w) => /\p{L}/u.test(w));
  const ca = first(a);
  const cb = first(b);
  if (ca.length === 0 || cb.length === 0) return false;
  const within = (x: string[], y: string[]) => x.every((w) => y.includes(w));
  return !(within(ca, cb) || within(cb, ca));
}
