/**
 * Checks an evidence bundle: every captured file against the SHA-256 its record gives, and the
 * record against record.sha256. It says what does not match, what is missing, and what was never
 * captured (the record says why); a zip that cannot be read is an error, not a crash.
 * What this proves: that the files are the ones the record describes. The hashes travel inside the
 * bundle, so someone who changes a file can also rewrite them; the record's own hash is the
 * fingerprint to note down apart from the file (the popup shows its start) to show later that
 * nothing was rewritten.
 */
import { strFromU8, unzipSync } from 'fflate';
import { z } from 'zod';
import { FORMAT, PARTS, RECORD_FILE, RECORD_HASH_FILE, type Part } from './format.js';
import { describeIssues } from '../engine/rule-schema.js';
import { sha256Hex } from './hash.js';

/**
 * What verifying needs of a record, checked with zod: the format and the files. The ads are
 * kept as they are (a later engine may shape assessments differently; verifying is about the files). Kept
 * here, not in format.ts, so that the popup's bundle does not carry zod's object schemas.
 */
const FileEntry = z.union([
  z.object({ name: z.string().min(1), bytes: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
  z.object({ name: z.string().min(1), missing: z.string() }).strict(),
]);
const RecordFiles = z
  .object({
    format: z.literal(FORMAT),
    capturedAt: z.string(),
    url: z.string(),
    files: z.object({ text: FileEntry, screenshot: FileEntry, html: FileEntry }).strict(),
  })
  .passthrough();

export type Status = 'ok' | 'mismatch' | 'missing' | 'unreadable' | 'not-captured';

export interface CheckedItem {
  part: Part | 'record';
  name: string;
  status: Status;
  expected?: string;
  actual?: string;
  /** Sizes when they differ, the reason a part was not captured, or why a file could not be read. */
  detail?: string;
}

export interface Verification {
  /** True when every captured part and the record match. */
  ok: boolean;
  /** Why the bundle could not be checked at all (not a zip, no record...). */
  error?: string;
  record?: { capturedAt: string; url: string };
  items: CheckedItem[];
  /** Files in the zip that the format does not know (reported, not checked). */
  extra: string[];
}

const FAILED: ReadonlySet<Status> = new Set(['mismatch', 'missing', 'unreadable']);

export async function verifyBundle(zip: Uint8Array): Promise<Verification> {
  const names: string[] = [];
  try {
    // Reads only the central directory: the list of files (nothing is inflated here).
    unzipSync(zip, { filter: (f) => (names.push(f.name), false) });
  } catch (e) {
    return { ok: false, error: `not a readable zip file (${(e as Error).message}): damaged, truncated or not a zip`, items: [], extra: [] };
  }
  /** One file's bytes, or the reason it could not be inflated (a damaged entry). */
  const read = (name: string): Uint8Array | Error => {
    try {
      const bytes = unzipSync(zip, { filter: (f) => f.name === name })[name];
      return bytes ?? new Error('not found');
    } catch (e) {
      return e as Error;
    }
  };
  const known = new Set<string>([RECORD_FILE, RECORD_HASH_FILE, ...Object.values(PARTS)]);
  const extra = names.filter((n) => !known.has(n));
  if (!names.includes(RECORD_FILE)) return { ok: false, error: `no ${RECORD_FILE} in the zip: not a Telltale evidence bundle`, items: [], extra };

  const recordBytes = read(RECORD_FILE);
  if (recordBytes instanceof Error) return { ok: false, error: `${RECORD_FILE} cannot be read (${recordBytes.message})`, items: [], extra };
  const recordItem: CheckedItem = { part: 'record', name: RECORD_FILE, status: 'ok', actual: await sha256Hex(recordBytes) };
  const hashFile = names.includes(RECORD_HASH_FILE) ? read(RECORD_HASH_FILE) : undefined;
  if (hashFile === undefined) Object.assign(recordItem, { status: 'missing', detail: `${RECORD_HASH_FILE} is not in the zip` });
  else if (hashFile instanceof Error) Object.assign(recordItem, { status: 'unreadable', detail: `${RECORD_HASH_FILE}: ${hashFile.message}` });
  else {
    recordItem.expected = /^[0-9a-f]{64}/i.exec(strFromU8(hashFile).trim())?.[0]?.toLowerCase() ?? '(none)';
    if (recordItem.expected !== recordItem.actual) recordItem.status = 'mismatch';
  }

  let parsed;
  try {
    parsed = RecordFiles.safeParse(JSON.parse(strFromU8(recordBytes)));
  } catch (e) {
    return { ok: false, error: `${RECORD_FILE} is not JSON (${(e as Error).message})`, items: [recordItem], extra };
  }
  if (!parsed.success) {
    const problems = describeIssues(parsed.error, '', 'record').join('; ');
    return { ok: false, error: `${RECORD_FILE} is not a telltale-evidence/1 record (${problems})`, items: [recordItem], extra };
  }
  const record = parsed.data;

  const items: CheckedItem[] = [];
  for (const part of Object.keys(PARTS) as Part[]) {
    const entry = record.files[part];
    if ('missing' in entry) {
      items.push({ part, name: entry.name, status: 'not-captured', detail: entry.missing });
      continue;
    }
    const item: CheckedItem = { part, name: entry.name, status: 'ok', expected: entry.sha256 };
    items.push(item);
    if (!names.includes(entry.name)) {
      Object.assign(item, { status: 'missing', detail: `${entry.name} is in the record but not in the zip` });
      continue;
    }
    const bytes = read(entry.name);
    if (bytes instanceof Error) {
      Object.assign(item, { status: 'unreadable', detail: `${entry.name} cannot be inflated (${bytes.message})` });
      continue;
    }
    item.actual = await sha256Hex(bytes);
    if (item.actual !== entry.sha256) {
      item.status = 'mismatch';
      if (bytes.length !== entry.bytes) item.detail = `${bytes.length} bytes, the record says ${entry.bytes}`;
    }
  }
  items.push(recordItem);
  return { ok: items.every((i) => !FAILED.has(i.status)), record: { capturedAt: record.capturedAt, url: record.url }, items, extra };
}
