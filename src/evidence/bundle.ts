/**
 * Builds an evidence bundle (format.ts) from what was captured: the record, its hash and the zip.
 * Pure (no browser API): the popup gives it the tab's results, screenshot and HTML; the tests give
 * it invented ones.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { PageResults } from '../messages/handle.js';
import { FORMAT, PARTS, RECORD_FILE, RECORD_HASH_FILE, type CapturedFile, type EvidenceRecord, type MissingFile, type Part, type RecordedAd } from './format.js';
import { sha256Hex } from './hash.js';

/** A part the browser refused, with its reason. */
export interface Refused {
  missing: string;
}

export interface BundleInput {
  capturedAt: Date;
  url: string;
  title: string | null;
  /** What the background kept for the tab (the popup's tab-results), null if the page was not read. */
  page: PageResults | null;
  extensionVersion: string;
  rules: { version: string; custom: boolean };
  /** PNG bytes of the visible tab. */
  screenshot: Uint8Array | Refused;
  /** The page's outerHTML. */
  html: string | Refused;
}

export interface Bundle {
  zip: Uint8Array;
  record: EvidenceRecord;
  /** SHA-256 of record.json: the fingerprint to note down, which proves later that nothing changed. */
  recordSha256: string;
}

const refused = (v: unknown): v is Refused => typeof v === 'object' && v !== null && 'missing' in v;

/**
 * text.txt: each ad's extracted text exactly as the background scored it, after a header line that
 * names it (for a reader); the record gives each text's byte range, so a program can cut it out.
 */
function adTexts(page: PageResults | null): { text: Uint8Array; ads: RecordedAd[] } {
  const chunks: Uint8Array[] = [];
  const ads: RecordedAd[] = [];
  let at = 0;
  const push = (s: string) => {
    const bytes = strToU8(s);
    chunks.push(bytes);
    at += bytes.length;
    return bytes.length;
  };
  const all = page?.ads ?? [];
  all.forEach((ad, i) => {
    push(`--- ad ${i + 1} of ${all.length}: ${ad.title}${ad.url ? ` <${ad.url}>` : ''}\n`);
    const start = at;
    push(ad.text ?? '');
    ads.push({
      title: ad.title, ...(ad.url ? { url: ad.url } : {}), category: ad.category, extractor: ad.extractor, kind: ad.kind,
      text: { start, end: at }, assessment: ad.assessment,
    });
    push('\n\n');
  });
  const text = new Uint8Array(at);
  let offset = 0;
  for (const c of chunks) {
    text.set(c, offset);
    offset += c.length;
  }
  return { text, ads };
}

export async function buildBundle(input: BundleInput): Promise<Bundle> {
  const { text, ads } = adTexts(input.page);
  const contents: Record<Part, Uint8Array | Refused> = {
    text: ads.length ? text : { missing: 'no ad was read on this page' },
    screenshot: input.screenshot,
    html: refused(input.html) ? input.html : strToU8(input.html),
  };
  const files = {} as Record<Part, CapturedFile | MissingFile>;
  // PNG is compressed already: stored as it is; the text files are deflated.
  const zippable: Zippable = {};
  for (const part of Object.keys(PARTS) as Part[]) {
    const name = PARTS[part];
    const content = contents[part];
    if (refused(content)) {
      files[part] = { name, missing: content.missing };
      continue;
    }
    files[part] = { name, bytes: content.length, sha256: await sha256Hex(content) };
    zippable[name] = [content, { level: part === 'screenshot' ? 0 : 6 }];
  }
  const record: EvidenceRecord = {
    format: FORMAT,
    capturedAt: input.capturedAt.toISOString(),
    url: input.url,
    title: input.title,
    pageKind: input.page?.kind ?? null,
    extension: { name: 'Telltale', version: input.extensionVersion },
    rules: input.rules,
    ads,
    files,
  };
  const recordBytes = strToU8(`${JSON.stringify(record, null, 2)}\n`);
  const recordSha256 = await sha256Hex(recordBytes);
  zippable[RECORD_FILE] = [recordBytes, { level: 6 }];
  zippable[RECORD_HASH_FILE] = [strToU8(`${recordSha256}  ${RECORD_FILE}\n`), { level: 0 }];
  const zip = zipSync(zippable, { mtime: input.capturedAt });
  return { zip, record, recordSha256 };
}

/**
 * The download's file name, with the capture time in UTC. In discreet mode it says nothing of what
 * it holds or which tool made it ("capture-..."), like a screenshot tool's: a file list, a download
 * bar or the browser's download history seen over a shoulder gives nothing away.
 */
export function evidenceFileName(at: Date, discreet: boolean): string {
  const stamp = at.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  return `${discreet ? 'capture' : 'telltale-evidence'}-${stamp}.zip`;
}
