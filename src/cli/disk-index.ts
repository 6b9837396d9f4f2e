/**
 * The CLI's ad index: the same AdIndex as the extension's IndexedDB one (src/network/ad-index.ts),
 * kept in a directory so that a second batch is checked against the first (one run at a time:
 * DIR/lock).
 *
 *   DIR/meta.json     {"format": "telltale-index/1", "fingerprint": {...}}: a directory made with
 *                     other fingerprint parameters is refused rather than silently compared.
 *   DIR/ads.jsonl     one indexed ad per line, appended as ads are scored (record.ts's IndexedAd).
 *
 * Memory is bounded by the index, not by the batch: the ads' texts are never kept; each ad costs
 * its contact keys, its title, poster, city and URL, its 64-value signature in one shared typed array
 * (256 bytes; the band keys are recomputed from it when needed, not kept), and one posting per key.
 * Postings are chains in typed arrays, and a Map holds the newest posting of each key, band keys
 * folded to 30 bits so that V8 keeps them unboxed (a rare fold collision only adds a candidate, which
 * the signature comparison then drops). npm run bench measures 100,000 ads. One run at a time per
 * directory.
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { PER_BAND_LIMIT, PER_KEY_LIMIT, type AdIndex } from '../network/ad-index.js';
import { BANDS, SHINGLE, SIG_SIZE, MIN_SHINGLES, bandsOf } from '../network/fingerprint.js';
import type { IndexedAd } from '../network/record.js';

export const INDEX_FORMAT = 'telltale-index/1';
const FINGERPRINT = { shingle: SHINGLE, sigSize: SIG_SIZE, bands: BANDS, minShingles: MIN_SHINGLES };
/** The CLI's default cap: far above a browser's, still bounded. */
export const CLI_CAP = 1_000_000;

export class IndexFileError extends Error {}

/**
 * One run at a time per directory: two processes appending to one index would each miss what the
 * other adds. DIR/lock holds the running process's id; a lock whose process is gone (a crash, a
 * kill) is taken over.
 */
function lock(dir: string): void {
  const path = join(dir, 'lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new IndexFileError(`${path}: cannot be created (${(e as Error).message})`);
    }
    const pid = Number(readFileSync(path, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
      throw new IndexFileError(`${dir}: in use by another telltale run (process ${pid}); wait for it, or remove ${path} if no such run exists`);
    }
    rmSync(path, { force: true }); // left by a run that is gone
  }
  throw new IndexFileError(`${path}: cannot be taken`);
}

function unlock(dir: string): void {
  rmSync(join(dir, 'lock'), { force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** One line of ads.jsonl: short keys, the signature as base64 of its little-endian bytes. */
interface Line {
  k: string;
  u?: string;
  t?: string;
  p?: string;
  c?: string;
  ct: string[];
  b: number[];
  s?: string;
  n: number;
}

/** A signature as base64 of its little-endian bytes (the index file's and `telltale keys`' form). */
export function sigBase64(sig: Uint32Array): string {
  return Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength).toString('base64');
}

export function toLine(r: IndexedAd): string {
  const line: Line = {
    k: r.key, ...(r.url && r.url !== r.key ? { u: r.url } : {}), ...(r.title ? { t: r.title } : {}), ...(r.poster ? { p: r.poster } : {}),
    ...(r.city ? { c: r.city } : {}), ct: r.contacts, b: r.bands, ...(r.sig ? { s: sigBase64(r.sig) } : {}), n: r.seen,
  };
  return JSON.stringify(line);
}

function fromLine(text: string): IndexedAd {
  const l = JSON.parse(text) as Line;
  if (typeof l.k !== 'string' || !Array.isArray(l.ct) || !Array.isArray(l.b) || typeof l.n !== 'number') throw new Error('not an indexed ad');
  let sig: Uint32Array | undefined;
  if (typeof l.s === 'string') {
    const bytes = Buffer.from(l.s, 'base64');
    if (bytes.length !== SIG_SIZE * 4) throw new Error('signature of the wrong size');
    sig = new Uint32Array(SIG_SIZE);
    for (let i = 0; i < SIG_SIZE; i++) sig[i] = bytes.readUInt32LE(i * 4);
  }
  return {
    key: l.k, ...(l.u ? { url: l.u } : l.k.startsWith('id:') ? {} : { url: l.k }), ...(l.t ? { title: l.t } : {}), ...(l.p ? { poster: l.p } : {}),
    ...(l.c ? { city: l.c } : {}), contacts: l.ct.map(String), bands: l.b.map(Number), ...(sig ? { sig } : {}), seen: l.n,
  };
}

/** Where each key's newest posting is: a Map for contact keys (strings, few per ad). */
class MapHeads<K> {
  private map = new Map<K, number>();
  get(key: K): number {
    return this.map.get(key) ?? -1;
  }
  set(key: K, posting: number): void {
    this.map.set(key, posting);
  }
}

/**
 * The same for band keys (16 per ad, 30-bit integers): open addressing in two typed arrays. A Map
 * of 1.6 million entries (100,000 ads) took about 100 MB of the JavaScript heap and slowed every
 * garbage collection; these arrays take 32 MB outside it.
 */
class IntHeads {
  private keys = new Int32Array(1 << 16).fill(-1);
  private heads = new Int32Array(1 << 16);
  private size = 0;

  private slot(key: number): number {
    const mask = this.keys.length - 1;
    let i = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
    while (this.keys[i] !== -1 && this.keys[i] !== key) i = (i + 1) & mask;
    return i;
  }

  get(key: number): number {
    const i = this.slot(key);
    return this.keys[i] === key ? this.heads[i]! : -1;
  }

  set(key: number, posting: number): void {
    let i = this.slot(key);
    if (this.keys[i] !== key) {
      if ((this.size + 1) * 10 > this.keys.length * 7) {
        this.grow();
        i = this.slot(key);
      }
      this.keys[i] = key;
      this.size++;
    }
    this.heads[i] = posting;
  }

  private grow(): void {
    const keys = this.keys;
    const heads = this.heads;
    this.keys = new Int32Array(keys.length * 2).fill(-1);
    this.heads = new Int32Array(keys.length * 2);
    for (let j = 0; j < keys.length; j++) {
      if (keys[j] === -1) continue;
      const i = this.slot(keys[j]!);
      this.keys[i] = keys[j]!;
      this.heads[i] = heads[j]!;
    }
  }
}

/** Key → newest posting; each posting knows its ad and the key's previous posting. */
class Postings<K> {
  private rec = new Int32Array(1024);
  private next = new Int32Array(1024);
  private n = 0;

  constructor(private readonly head: { get(key: K): number; set(key: K, posting: number): void }) {}

  add(key: K, ad: number): void {
    if (this.n === this.rec.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.rec = grow(this.rec);
      this.next = grow(this.next);
    }
    const p = this.n++;
    this.rec[p] = ad;
    this.next[p] = this.head.get(key);
    this.head.set(key, p);
  }

  /** The ads under `key`, newest first, skipping dropped ones, at most `limit`. */
  *ads(key: K, live: (ad: number) => boolean, limit: number): Generator<number> {
    let p = this.head.get(key);
    let given = 0;
    while (p >= 0 && given < limit) {
      const ad = this.rec[p]!;
      if (live(ad)) {
        given++;
        yield ad;
      }
      p = this.next[p]!;
    }
  }
}

/** What the index keeps of an ad in memory: the record without its signature and band keys. */
type Kept = Omit<IndexedAd, 'sig' | 'bands'> & { signed: boolean };

/** A band key (band × 2^32 + hash) folded to 30 bits: a small integer, unboxed in a Map. */
const bandSlot = (band: number) => (Math.imul(Math.floor(band / 0x1_0000_0000) + 1, 0x9e3779b1) ^ (band >>> 0)) & 0x3fffffff;

export class DiskAdIndex implements AdIndex {
  private ads: (Kept | undefined)[] = [];
  private sigs = new Uint32Array(SIG_SIZE * 1024);
  private byKey = new Map<string, number>();
  private contacts = new Postings<string>(new MapHeads<string>());
  private bands = new Postings<number>(new IntHeads());
  private liveCount = 0;
  /** No live ad stands before this place in `ads`. */
  private oldest = 0;
  private out: WriteStream | undefined;
  /** Lines of ads.jsonl that could not be read: reported, skipped, and kept in the file. */
  readonly problems: string[] = [];
  added = 0;

  private constructor(
    readonly dir: string,
    private readonly cap: number,
  ) {}

  /** Opens (or creates) the index in `dir`. Throws IndexFileError when the directory is not usable. */
  static async open(dir: string, cap = CLI_CAP): Promise<DiskAdIndex> {
    const index = new DiskAdIndex(dir, cap);
    if (existsSync(dir)) {
      const metaPath = join(dir, 'meta.json');
      if (existsSync(metaPath)) {
        let meta: { format?: unknown; fingerprint?: unknown };
        try {
          meta = JSON.parse(readFileSync(metaPath, 'utf8')) as typeof meta;
        } catch (e) {
          throw new IndexFileError(`${metaPath}: not JSON (${(e as Error).message})`);
        }
        if (meta.format !== INDEX_FORMAT) throw new IndexFileError(`${metaPath}: format ${JSON.stringify(meta.format)}, expected "${INDEX_FORMAT}"`);
        if (JSON.stringify(meta.fingerprint) !== JSON.stringify(FINGERPRINT)) {
          throw new IndexFileError(`${metaPath}: made with other fingerprint parameters (${JSON.stringify(meta.fingerprint)}); use a new directory`);
        }
      } else if (existsSync(join(dir, 'ads.jsonl'))) {
        throw new IndexFileError(`${dir}: has ads.jsonl but no meta.json`);
      }
    } else {
      mkdirSync(dir, { recursive: true });
    }
    if (!existsSync(join(dir, 'meta.json'))) writeFileSync(join(dir, 'meta.json'), `${JSON.stringify({ format: INDEX_FORMAT, fingerprint: FINGERPRINT }, null, 2)}\n`);
    lock(dir);
    try {
      const file = join(dir, 'ads.jsonl');
      if (existsSync(file)) await index.load(file);
      index.out = createWriteStream(file, { flags: 'a' });
    } catch (e) {
      unlock(dir);
      throw e;
    }
    return index;
  }

  private async load(file: string): Promise<void> {
    const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
    let n = 0;
    for await (const text of lines) {
      n++;
      if (text.trim() === '') continue;
      try {
        this.remember(fromLine(text));
      } catch (e) {
        this.problems.push(`${file}:${n}: ${(e as Error).message}`);
      }
    }
  }

  /** Puts an ad in memory; an ad with a key already indexed replaces it. Over the cap, the oldest goes. */
  private remember(r: IndexedAd): void {
    const old = this.byKey.get(r.key);
    if (old !== undefined) this.drop(old);
    const i = this.ads.length;
    const { sig, bands: _bands, ...kept } = r;
    this.ads.push({ ...kept, signed: sig !== undefined });
    if (sig) {
      if ((i + 1) * SIG_SIZE > this.sigs.length) {
        const grown = new Uint32Array(this.sigs.length * 2);
        grown.set(this.sigs);
        this.sigs = grown;
      }
      this.sigs.set(sig, i * SIG_SIZE);
    }
    this.byKey.set(r.key, i);
    this.liveCount++;
    for (const k of r.contacts) this.contacts.add(k, i);
    for (const b of r.bands) this.bands.add(bandSlot(b), i);
    // Ads are kept in the order they came: the oldest live one is the first still there.
    while (this.liveCount > this.cap) {
      while (!this.ads[this.oldest]) this.oldest++;
      this.drop(this.oldest);
    }
  }

  /** The ad at place i as an IndexedAd (its signature a view into the shared array). */
  private record(i: number): IndexedAd {
    const { signed, ...kept } = this.ads[i]!;
    const sig = signed ? this.sigs.subarray(i * SIG_SIZE, (i + 1) * SIG_SIZE) : undefined;
    return { ...kept, bands: sig ? bandsOf(sig) : [], ...(sig ? { sig } : {}) };
  }

  private drop(i: number): void {
    const r = this.ads[i];
    if (!r) return;
    this.ads[i] = undefined;
    if (this.byKey.get(r.key) === i) this.byKey.delete(r.key);
    this.liveCount--;
  }

  private readonly live = (i: number) => this.ads[i] !== undefined;

  async candidates(contacts: readonly string[], bands: readonly number[]): Promise<IndexedAd[]> {
    const found = new Set<number>();
    for (const k of contacts) for (const i of this.contacts.ads(k, this.live, PER_KEY_LIMIT)) found.add(i);
    for (const b of bands) for (const i of this.bands.ads(bandSlot(b), this.live, PER_BAND_LIMIT)) found.add(i);
    return [...found].map((i) => this.record(i));
  }

  async add(record: IndexedAd): Promise<void> {
    this.remember(record);
    this.added++;
    const out = this.out!;
    if (!out.write(`${toLine(record)}\n`)) await new Promise<void>((resolve) => out.once('drain', resolve));
  }

  get size(): number {
    return this.liveCount;
  }

  /**
   * Writes what is pending and closes the file. When replaced or dropped ads make up more than half
   * of it, the file is rewritten with the live ads only (to a new file, then renamed: a crash keeps
   * the old one).
   */
  async close(): Promise<void> {
    const out = this.out;
    this.out = undefined;
    if (!out) return;
    try {
      await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
      await this.compact();
    } finally {
      unlock(this.dir);
    }
  }

  private async compact(): Promise<void> {
    if (this.ads.length > 2 * this.liveCount && this.problems.length === 0) {
      const file = join(this.dir, 'ads.jsonl');
      const tmp = `${file}.tmp`;
      const w = createWriteStream(tmp);
      for (let i = 0; i < this.ads.length; i++) {
        if (this.ads[i] && !w.write(`${toLine(this.record(i))}\n`)) await new Promise<void>((resolve) => w.once('drain', resolve));
      }
      await new Promise<void>((resolve, reject) => w.end((e?: Error | null) => (e ? reject(e) : resolve())));
      renameSync(tmp, file);
    }
  }
}
