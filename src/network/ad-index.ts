/**
 * The local ad index and the cross-ad check: one interface, two stores: IndexedDB in the
 * extension (idb-index.ts) and a directory on disk for the CLI (src/cli/disk-index.ts). The check
 * itself is the same code for both.
 */
import type { AssessOptions, Engine } from '../engine/engine.js';
import { buildDocument } from '../engine/document.js';
import type { Ad, Assessment } from '../engine/types.js';
import { entryOf, type IndexedAd } from './record.js';
import { crossAdFindings } from './signals.js';

/** How many indexed ads one contact key brings back at most: a number shared by a thousand ads is
 * already a strong sign, and reading them all would make the check slow. */
export const PER_KEY_LIMIT = 50;

/**
 * The same for one band key of the text fingerprint. A template posted hundreds of times shares
 * most bands with each copy: ten per band (up to 80, mostly the same ads) find it as surely, and
 * reading 50 per band (up to 400 records) put such checks at 5 ms and more (npm run bench:index:
 * p95 5.1 → 3.6 ms with 50,000 ads indexed).
 */
export const PER_BAND_LIMIT = 10;

/** The default cap of the browser's index: the oldest ads are dropped first. */
export const DEFAULT_CAP = 50_000;

export interface AdIndex {
  /** Indexed ads that share a contact key or an LSH band key with the query, each ad once. */
  candidates(contacts: readonly string[], bands: readonly number[]): Promise<IndexedAd[]>;
  /** Adds or replaces (same key) an ad. */
  add(record: IndexedAd): Promise<void>;
}

/**
 * Assesses an ad with the cross-ad signs its index finds, then adds it to the index (ads without
 * a URL or id, such as pasted text, are compared but not kept).
 */
export async function assessWithIndex(engine: Engine, index: AdIndex, ad: Ad, options: AssessOptions = {}, now = Date.now()): Promise<Assessment> {
  // One folded document for the index's keys and the engine.
  const document = buildDocument(ad);
  const entry = entryOf(ad, now, document);
  const { contacts, bands } = entry.record;
  const candidates = contacts.length + bands.length > 0 ? await index.candidates(contacts, bands) : [];
  const network = crossAdFindings(entry, candidates);
  const assessment = engine.assess(ad, { ...options, document, ...(network.length > 0 ? { network } : {}) });
  if (entry.record.key) await index.add(entry.record);
  return assessment;
}
