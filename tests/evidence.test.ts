/**
 * Evidence bundles (src/evidence/) and `telltale verify`: a bundle built from invented data records
 * what it should and verifies; one byte changed in the text, the screenshot or the HTML fails naming
 * that part; a changed record, a removed file, a damaged or truncated zip are reported, never a crash;
 * a part the browser refused is named with its reason.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cli } from './cli-run.js';
import { defaultEngine } from '../src/engine/index.js';
import { buildBundle, evidenceFileName, type BundleInput } from '../src/evidence/bundle.js';
import { captureEvidence, type CaptureSources } from '../src/evidence/capture.js';
import { FORMAT, PARTS } from '../src/evidence/format.js';
import { sha256Hex } from '../src/evidence/hash.js';
import type { PageResults } from '../src/messages/handle.js';
import { keptResults } from '../src/storage/data.js';

// An invented listing: two job cards (one with warning signs) and a car, as the background keeps them.
const ADS = [
  { title: 'Praca w Niemczech – hostessa', url: 'https://www.olx.pl/d/oferta/hostessa-CID4-IDinv01.html', text: 'Praca za granicą dla młodych kobiet, 5000 euro miesięcznie, zakwaterowanie i przelot zapewniamy. Opłata rekrutacyjna 400 zł. Paszport przechowamy u nas. Kontakt tylko WhatsApp.' },
  { title: 'Magazynier – Łódź', url: 'https://www.olx.pl/d/oferta/magazynier-CID4-IDinv02.html', text: 'Firma Przykład Sp. z o.o., ul. Wymyślona 1, Łódź. Umowa o pracę, 4500 zł brutto. Nie pobieramy opłat.' },
];
const engine = defaultEngine();
const PAGE: PageResults = {
  url: 'https://www.olx.pl/praca/',
  kind: 'listing',
  title: 'Praca - OLX.pl',
  ads: [
    ...ADS.map((a) => ({ ...a, category: 'job' as const, extractor: 'adapter:olx', kind: 'card' as const, country: 'PL', assessment: engine.assess({ title: a.title, text: a.text }) })),
    { title: 'Opel Astra 2010', url: 'https://www.olx.pl/d/oferta/opel-CID5-IDinv03.html', text: 'Sprzedam samochód, stan dobry.', category: 'non-job', extractor: 'adapter:olx', kind: 'card', assessment: null },
  ],
  notes: {},
};
// A stand-in for the PNG: its signature and invented bytes (verify hashes bytes, it does not decode).
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256)]);
const HTML = '<html lang="pl"><head><title>Praca - OLX.pl</title></head><body><h1>Praca</h1><p>Zażółć gęślą jaźń</p></body></html>';
const AT = new Date('2026-12-07T05:21:53.250Z');

const input = (over: Partial<BundleInput> = {}): BundleInput => ({
  capturedAt: AT, url: PAGE.url, title: 'Praca - OLX.pl', page: PAGE, extensionVersion: '0.1.0',
  rules: { version: engine.version, custom: false }, screenshot: PNG, html: HTML, ...over,
});

const dir = mkdtempSync(join(tmpdir(), 'telltale-evidence-'));
let n = 0;
const save = (bytes: Uint8Array) => {
  const p = join(dir, `bundle-${n++}.zip`);
  writeFileSync(p, bytes);
  return p;
};

const verify = (args: string[]) => cli(['verify', ...args]);
/** The line `telltale verify` printed for a part. */
const lineOf = (out: string, part: string) => out.split('\n').find((l) => l.startsWith(`${part} `)) ?? '';

/** The bundle with one file's bytes changed by `edit`, re-zipped with everything else as it was. */
function rezip(zip: Uint8Array, name: string, edit: (b: Uint8Array) => Uint8Array | undefined): Uint8Array {
  const files: Record<string, Uint8Array> = unzipSync(zip);
  const edited = edit(files[name]!.slice());
  if (edited) files[name] = edited;
  else delete files[name];
  return zipSync(files);
}
const flipOne = (at: number) => (b: Uint8Array) => ((b[at] = b[at]! ^ 0x01), b);

describe('evidence bundle', () => {
  it('records the page, the time in UTC, the versions, every ad with its assessment and the hashes of the files', async () => {
    const { zip, record, recordSha256 } = await buildBundle(input());
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['page.html', 'record.json', 'record.sha256', 'screenshot.png', 'text.txt']);
    // JSON writes -0 as 0: compared as JSON.
    expect(JSON.parse(strFromU8(files['record.json']!))).toEqual(JSON.parse(JSON.stringify(record)));
    expect(record).toMatchObject({
      format: FORMAT, capturedAt: '2026-12-07T05:21:53.250Z', url: 'https://www.olx.pl/praca/', title: 'Praca - OLX.pl', pageKind: 'listing',
      extension: { name: 'Telltale', version: '0.1.0' }, rules: { version: engine.version, custom: false },
    });
    expect(record.ads).toHaveLength(3);
    expect(record.ads[0]!.assessment!.level).not.toBe('none');
    expect(record.ads[2]!.assessment).toBeNull();
    // Each ad's range in text.txt is exactly the text the background scored.
    const text = files['text.txt']!;
    record.ads.forEach((ad, i) => expect(strFromU8(text.subarray(ad.text.start, ad.text.end))).toBe(PAGE.ads[i]!.text));
    expect(record.files.text).toEqual({ name: 'text.txt', bytes: text.length, sha256: await sha256Hex(text) });
    expect(record.files.screenshot).toEqual({ name: 'screenshot.png', bytes: PNG.length, sha256: await sha256Hex(PNG) });
    expect(record.files.html).toEqual({ name: 'page.html', bytes: strToU8(HTML).length, sha256: await sha256Hex(strToU8(HTML)) });
    expect(strFromU8(files['record.sha256']!)).toBe(`${recordSha256}  record.json\n`);
    expect(recordSha256).toBe(await sha256Hex(files['record.json']!));
  });

  it('names a part the browser refused, with the reason, instead of leaving it out silently', async () => {
    const { zip, record } = await buildBundle(input({ page: null, screenshot: { missing: 'Cannot access contents of the page' }, html: { missing: 'Cannot access a chrome:// URL' } }));
    expect(record.files.screenshot).toEqual({ name: 'screenshot.png', missing: 'Cannot access contents of the page' });
    expect(record.files.html).toEqual({ name: 'page.html', missing: 'Cannot access a chrome:// URL' });
    expect(record.files.text).toEqual({ name: 'text.txt', missing: 'no ad was read on this page' });
    expect(Object.keys(unzipSync(zip)).sort()).toEqual(['record.json', 'record.sha256']);
    const r = await verify([save(zip)]);
    expect(r.code).toBe(0);
    expect(lineOf(r.out, 'screenshot')).toMatch(/NOT CAPTURED .*Cannot access contents of the page/);
    expect(lineOf(r.out, 'html')).toMatch(/NOT CAPTURED .*chrome:\/\//);
    expect(lineOf(r.out, 'record')).toMatch(/ OK /);
  });

  it('keeps the ads\' texts for the session only: results kept past it carry none', () => {
    const kept = keptResults({}, 7, AT.getTime(), PAGE)[PAGE.url]!.page;
    expect(kept.ads.map((a) => a.text)).toEqual([undefined, undefined, undefined]);
    expect(kept.ads.map((a) => a.assessment?.level)).toEqual(PAGE.ads.map((a) => a.assessment?.level));
  });

  it('captures a tab through the browser calls it is given, and turns each refusal into a named missing part', async () => {
    const sources: CaptureSources = {
      now: () => AT, tab: { url: 'https://www.olx.pl/praca/?tab', title: 'Tab title' }, page: async () => PAGE, extensionVersion: '0.1.0',
      rules: async () => ({ version: 'custom-1', custom: true }), discreet: true,
      screenshot: async () => `data:image/png;base64,${Buffer.from(PNG).toString('base64')}`,
      document: async () => ({ html: HTML, title: 'Document title', url: 'https://www.olx.pl/praca/' }),
    };
    const ok = await captureEvidence(sources);
    expect(ok.fileName).toBe('capture-2026-12-07T05-21-53Z.zip');
    expect(ok.missing).toEqual([]);
    expect(ok.bundle.record).toMatchObject({ url: 'https://www.olx.pl/praca/', title: 'Document title', rules: { version: 'custom-1', custom: true } });
    expect(unzipSync(ok.bundle.zip)['screenshot.png']).toEqual(PNG);
    const refused = await captureEvidence({
      ...sources, page: async () => null,
      screenshot: () => Promise.reject(new Error('Either the \'<all_urls>\' or \'activeTab\' permission is required.')),
      document: () => Promise.reject(new Error('Cannot access a chrome:// URL')),
    });
    expect(refused.missing).toEqual(['text', 'screenshot', 'html']);
    expect(refused.bundle.record).toMatchObject({ url: 'https://www.olx.pl/praca/?tab', title: 'Tab title', pageKind: null });
    expect(refused.bundle.record.files.screenshot).toEqual({ name: 'screenshot.png', missing: "Either the '<all_urls>' or 'activeTab' permission is required." });
    expect(refused.bundle.record.files.html).toEqual({ name: 'page.html', missing: 'Cannot access a chrome:// URL' });
  });

  it('names the download neutrally in discreet mode', () => {
    expect(evidenceFileName(AT, false)).toBe('telltale-evidence-2026-12-07T05-21-53Z.zip');
    expect(evidenceFileName(AT, true)).toBe('capture-2026-12-07T05-21-53Z.zip');
  });
});

describe('telltale verify', () => {
  it('verifies a bundle built from invented data: one OK line per part, exit 0', async () => {
    const { zip, recordSha256 } = await buildBundle(input());
    const r = await verify([save(zip)]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    for (const part of ['text', 'screenshot', 'html', 'record']) expect(lineOf(r.out, part), part).toMatch(/^\w+ +OK +sha256 [0-9a-f]{64} /);
    expect(lineOf(r.out, 'record')).toContain(recordSha256);
    expect(r.out).toContain('captured 2026-12-07T05:21:53.250Z from https://www.olx.pl/praca/');
  });

  for (const part of Object.keys(PARTS) as (keyof typeof PARTS)[]) {
    it(`fails when one byte of the ${part} is changed, naming it with the expected and actual hash`, async () => {
      const { zip, record } = await buildBundle(input());
      const r = await verify([save(rezip(zip, PARTS[part], flipOne(20)))]);
      expect(r.code).toBe(1);
      const expected = (record.files[part] as { sha256: string }).sha256;
      expect(lineOf(r.out, part)).toMatch(new RegExp(`MISMATCH +${PARTS[part]}: expected sha256 ${expected}, actual [0-9a-f]{64}$`));
      for (const other of ['text', 'screenshot', 'html', 'record'].filter((p) => p !== part)) expect(lineOf(r.out, other), other).toMatch(/ OK /);
      expect(r.out).toContain(`DOES NOT VERIFY (${part})`);
    });
  }

  it('fails on a byte changed in the zip file itself (the screenshot is stored uncompressed)', async () => {
    const { zip } = await buildBundle(input());
    const damaged = zip.slice();
    // The PNG's invented bytes appear verbatim in the zip: change one in the middle of them.
    const at = damaged.findIndex((_, i) => damaged[i] === PNG[0] && damaged[i + 1] === PNG[1] && damaged[i + 2] === PNG[2] && damaged[i + 3] === PNG[3]);
    expect(at).toBeGreaterThan(0);
    damaged[at + 1000] = damaged[at + 1000]! ^ 0xff;
    const r = await verify([save(damaged)]);
    expect(r.code).toBe(1);
    expect(lineOf(r.out, 'screenshot')).toMatch(/MISMATCH/);
  });

  it('fails when the record was changed (an assessment rewritten), naming the record', async () => {
    const { zip } = await buildBundle(input());
    const r = await verify([save(rezip(zip, 'record.json', (b) => strToU8(strFromU8(b).replace('"level": "high"', '"level": "none"').replace('"level": "elevated"', '"level": "none"'))))]);
    expect(r.code).toBe(1);
    expect(lineOf(r.out, 'record')).toMatch(/MISMATCH +record.json: expected sha256/);
  });

  it('names a file that is missing from the bundle', async () => {
    const { zip } = await buildBundle(input());
    const r = await verify([save(rezip(zip, 'page.html', () => undefined))]);
    expect(r.code).toBe(1);
    expect(lineOf(r.out, 'html')).toMatch(/MISSING +page.html is in the record but not in the zip/);
    const noHash = await verify([save(rezip(zip, 'record.sha256', () => undefined))]);
    expect(noHash.code).toBe(1);
    expect(lineOf(noHash.out, 'record')).toMatch(/MISSING +record.sha256 is not in the zip/);
  });

  it('reports a truncated or corrupt zip clearly, without a crash', async () => {
    const { zip } = await buildBundle(input());
    for (const bytes of [zip.subarray(0, Math.floor(zip.length / 2)), zip.subarray(0, zip.length - 10), strToU8('this is not a zip file at all'), new Uint8Array()]) {
      const r = await verify([save(bytes)]);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/^telltale verify: .*: not a readable zip file \(.+\): damaged, truncated or not a zip\n$/);
      expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
    }
    const other = await verify([save(zipSync({ 'notes.txt': strToU8('hello') }))]);
    expect(other.code).toBe(1);
    expect(other.err).toContain('no record.json in the zip: not a Telltale evidence bundle');
    const notJson = await verify([save(rezip(zip, 'record.json', () => strToU8('{"format": ')))]);
    expect(notJson.code).toBe(1);
    expect(notJson.err).toContain('record.json is not JSON');
  });

  it('refuses unusable arguments with exit 2', async () => {
    expect((await verify([])).code).toBe(2);
    expect((await verify([join(dir, 'no-such.zip')])).err).toContain('no such file');
    expect((await verify([join(dir, 'no-such.zip')])).code).toBe(2);
    const { zip } = await buildBundle(input());
    expect((await verify([save(zip), save(zip)])).code).toBe(2);
    expect((await verify(['--frobnicate'])).code).toBe(2);
  });
});
