/**
 * `telltale keys`: an ad's cross-ad keys as one JSON line, for platforms that run the cross-ad step
 * in their own distributed engine (README, "At platform scale"): group the lines by each contact key
 * and each band key, and compare within a group, as the index does.
 */
import type { Ad } from '../engine/types.js';
import { entryOf } from '../network/record.js';
import { sigBase64 } from './disk-index.js';

export function keysLine(ad: Ad, now: number): string {
  const r = entryOf(ad, now).record;
  return JSON.stringify({
    id: ad.id ?? null,
    key: r.key || null,
    url: r.url ?? null,
    poster: r.poster ?? null,
    city: r.city ?? null,
    contacts: r.contacts,
    bands: r.bands,
    // The MinHash signature (64 unsigned 32-bit values, little-endian, base64): the share of equal
    // values between two ads estimates their text similarity (src/network/fingerprint.ts).
    sig: r.sig ? sigBase64(r.sig) : null,
  });
}
