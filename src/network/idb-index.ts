/**
 * The extension's ad index in IndexedDB (idb): one object store keyed by the ad's URL, with
 * multi-entry indexes on the contact keys and the fingerprint's band keys, so that a check reads
 * only the ads that share something with the new one. Capped (the oldest go first), pruned by the
 * retention setting, and emptied by "delete everything". Nothing leaves the browser.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { DEFAULT_CAP, PER_BAND_LIMIT, PER_KEY_LIMIT, type AdIndex } from './ad-index.js';
import type { IndexedAd } from './record.js';

interface IndexSchema extends DBSchema {
  ads: {
    key: string;
    value: IndexedAd;
    indexes: { contacts: string; bands: number; seen: number };
  };
}

export const DB_NAME = 'telltale-ad-index';

/**
 * The index is a cache of what was already seen: a write lost in a crash costs nothing, so writes
 * do not wait for the disk (relaxed durability), which keeps them from delaying the next check.
 */
const RELAXED = { durability: 'relaxed' } as const;

export class IdbAdIndex implements AdIndex {
  private db: Promise<IDBPDatabase<IndexSchema>>;
  /** Ads added since the cap was last enforced: counting the store on every add would cost a read. */
  private sinceCap = Number.POSITIVE_INFINITY;

  constructor(
    private readonly cap = DEFAULT_CAP,
    name = DB_NAME,
  ) {
    this.db = openDB<IndexSchema>(name, 2, {
      upgrade(db, oldVersion) {
        // Version 2: eight LSH bands instead of sixteen; ads indexed with the old bands are dropped.
        if (oldVersion > 0 && db.objectStoreNames.contains('ads')) db.deleteObjectStore('ads');
        const ads = db.createObjectStore('ads', { keyPath: 'key' });
        ads.createIndex('contacts', 'contacts', { multiEntry: true });
        ads.createIndex('bands', 'bands', { multiEntry: true });
        ads.createIndex('seen', 'seen');
      },
    });
  }

  async candidates(contacts: readonly string[], bands: readonly number[]): Promise<IndexedAd[]> {
    const db = await this.db;
    const tx = db.transaction('ads', 'readonly');
    const byContact = tx.store.index('contacts');
    const byBand = tx.store.index('bands');
    // All reads in one transaction, in parallel: the check costs one round of requests.
    const lists = await Promise.all([
      ...contacts.map((k) => byContact.getAll(k, PER_KEY_LIMIT)),
      ...bands.map((b) => byBand.getAll(b, PER_BAND_LIMIT)),
    ]);
    await tx.done;
    const seen = new Map<string, IndexedAd>();
    for (const list of lists) for (const ad of list) seen.set(ad.key, ad);
    return [...seen.values()];
  }

  async add(record: IndexedAd): Promise<void> {
    const db = await this.db;
    const tx = db.transaction('ads', 'readwrite', RELAXED);
    await tx.store.put(record);
    await tx.done;
    if (++this.sinceCap >= Math.max(1, Math.floor(this.cap / 100))) await this.enforceCap();
  }

  /** Drops the oldest ads over the cap. */
  async enforceCap(): Promise<void> {
    this.sinceCap = 0;
    const db = await this.db;
    const tx = db.transaction('ads', 'readwrite', RELAXED);
    let over = (await tx.store.count()) - this.cap;
    if (over > 0) {
      let cursor = await tx.store.index('seen').openCursor();
      while (cursor && over > 0) {
        await cursor.delete();
        over--;
        cursor = await cursor.continue();
      }
    }
    await tx.done;
  }

  /** Retention: drops the ads indexed before `before` (ms since 1970). */
  async pruneBefore(before: number): Promise<number> {
    const db = await this.db;
    const tx = db.transaction('ads', 'readwrite', RELAXED);
    let dropped = 0;
    let cursor = await tx.store.index('seen').openCursor(IDBKeyRange.upperBound(before, true));
    while (cursor) {
      await cursor.delete();
      dropped++;
      cursor = await cursor.continue();
    }
    await tx.done;
    return dropped;
  }

  async count(): Promise<number> {
    return (await this.db).count('ads');
  }

  /** "Delete everything". */
  async clear(): Promise<void> {
    await (await this.db).clear('ads');
  }

  /** Adds many ads in one transaction (the benchmark fills the index this way). */
  async addMany(records: readonly IndexedAd[]): Promise<void> {
    const db = await this.db;
    const tx = db.transaction('ads', 'readwrite', RELAXED);
    for (const r of records) void tx.store.put(r);
    await tx.done;
  }
}
