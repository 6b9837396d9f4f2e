/**
 * The two cross-ad indicators of the catalogue, from an ad and the indexed ads it could relate to
 * (seed module: "multiple ads with different names but identical contact information";
 * "coordinated posting across accounts with identical or nearly identical text"):
 *
 * - shared_contact_different_names: another ad has one of this ad's contacts and was posted under a
 *   different name, or in a different city. One contact under one name in one city is an ordinary
 *   agency or a person with several ads: not a sign. Other cities only (no other name) is the weaker
 *   form: agencies post one job in many cities with one number, and the catalogue calls different
 *   names the stronger sign. It then counts as a common sign, which alone never passes "low".
 * - near_duplicate_text: another ad's text is at least NEAR_DUPLICATE similar (fingerprint.ts). Every
 *   other ad is at another URL (or, without URLs, has another id): ads are indexed by URL.
 *
 * An ad is never compared with itself (same key). The flags list the other ads (at most
 * MAX_RELATED, newest first) and what each shares, so the reader can go and look.
 */
import type { NetworkFinding } from '../engine/engine.js';
import type { RelatedAd, Span } from '../engine/types.js';
import { NEAR_DUPLICATE, similarity } from './fingerprint.js';
import { differentCities, differentNames, type AdEntry, type IndexedAd } from './record.js';

export const MAX_RELATED = 10;

const related = (ad: IndexedAd, shared: { contacts: string[] } | { similarity: number }): RelatedAd => ({
  ...(ad.url ? { url: ad.url } : {}),
  ...(ad.title ? { title: ad.title } : {}),
  ...(ad.poster ? { poster: ad.poster } : {}),
  ...(ad.city ? { city: ad.city } : {}),
  ...shared,
});

export function crossAdFindings(entry: AdEntry, candidates: readonly IndexedAd[]): NetworkFinding[] {
  const self = entry.record;
  const others = candidates.filter((c) => c.key !== self.key || self.key === '').sort((a, b) => b.seen - a.seen);
  const out: NetworkFinding[] = [];

  const mine = new Set(self.contacts);
  const sharing: RelatedAd[] = [];
  const sharedKeys = new Set<string>();
  let names = 0;
  let cities = 0;
  for (const c of others) {
    const common = c.contacts.filter((k) => mine.has(k));
    if (common.length === 0) continue;
    const byName = differentNames(self.poster, c.poster);
    const byCity = differentCities(self.city, c.city);
    if (!byName && !byCity) continue;
    if (byName) names++;
    if (byCity) cities++;
    for (const k of common) sharedKeys.add(k);
    sharing.push(related(c, { contacts: common }));
  }
  if (sharing.length > 0) {
    const shared = entry.points.filter((p) => sharedKeys.has(p.key));
    const spans: Span[] = shared.flatMap((p) => (p.span ? [p.span] : []));
    // The words: the first shared contact that stands in the text, else the first one at all.
    const first = shared.find((p) => p.span) ?? shared[0];
    out.push({
      rule: 'shared_contact_different_names',
      spans,
      match: first?.shown ?? '',
      related: sharing.slice(0, MAX_RELATED),
      detail: { ads: sharing.length, differentNames: names, differentCities: cities, contact: [...sharedKeys][0]! },
      ...(names === 0 ? { common: true } : {}),
    });
  }

  if (self.sig) {
    const similar: RelatedAd[] = [];
    let best = 0;
    for (const c of others) {
      if (!c.sig) continue;
      const s = similarity(self.sig, c.sig);
      if (s < NEAR_DUPLICATE) continue;
      best = Math.max(best, s);
      similar.push(related(c, { similarity: Number(s.toFixed(2)) }));
    }
    if (similar.length > 0) {
      out.push({ rule: 'near_duplicate_text', spans: [], match: '', related: similar.slice(0, MAX_RELATED), detail: { ads: similar.length, similarity: Number(best.toFixed(2)) } });
    }
  }
  return out;
}
