/**
 * `telltale verify BUNDLE.zip`: checks an evidence bundle saved from the popup (src/evidence/). One
 * line per checked part (text, screenshot, html, record) with OK, MISMATCH (expected and actual
 * SHA-256), MISSING or UNREADABLE, or NOT CAPTURED with the reason the record gives. Exit 0 when
 * everything captured matches, 1 on any mismatch, missing part or unreadable bundle, 2 for unusable
 * arguments.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { verifyBundle, type CheckedItem, type Status } from '../evidence/verify.js';
import type { Io } from './main.js';

export const VERIFY_USAGE = `Usage: telltale verify BUNDLE.zip

Checks an evidence bundle saved with the popup's "Save evidence": the SHA-256 of the ads' text, the
screenshot and the page's HTML against the record, and the record against record.sha256. Prints one
line per part; exit 0 when all match, 1 on any mismatch or missing part, 2 for unusable arguments.`;

const WORD: Record<Status, string> = { ok: 'OK', mismatch: 'MISMATCH', missing: 'MISSING', unreadable: 'UNREADABLE', 'not-captured': 'NOT CAPTURED' };

function line(i: CheckedItem): string {
  const what =
    i.status === 'ok' ? `sha256 ${i.actual} (${i.name})`
    : i.status === 'mismatch' ? `${i.name}: expected sha256 ${i.expected}, actual ${i.actual}${i.detail ? ` (${i.detail})` : ''}`
    : i.status === 'not-captured' ? `${i.name} was not captured when saving: ${i.detail}`
    : (i.detail ?? i.name);
  return `${i.part.padEnd(11)}${WORD[i.status].padEnd(14)}${what}`;
}

export async function runVerify(argv: string[], io: Io, write: (s: NodeJS.WritableStream, text: string) => Promise<void>): Promise<number> {
  let positionals: string[];
  let help = false;
  try {
    const parsed = parseArgs({ args: argv, allowPositionals: true, options: { help: { type: 'boolean', short: 'h', default: false } } });
    positionals = parsed.positionals;
    help = parsed.values.help;
  } catch (e) {
    await write(io.stderr, `telltale verify: ${(e as Error).message}\n\n${VERIFY_USAGE}\n`);
    return 2;
  }
  if (help) {
    await write(io.stdout, `${VERIFY_USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) {
    await write(io.stderr, `telltale verify: ${positionals.length ? 'one bundle at a time' : 'no bundle given'}\n\n${VERIFY_USAGE}\n`);
    return 2;
  }
  const file = positionals[0]!;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    await write(io.stderr, `telltale verify: cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}\n`);
    return 2;
  }
  const result = await verifyBundle(bytes);
  if (result.record) await write(io.stdout, `${file}: captured ${result.record.capturedAt} from ${result.record.url}\n`);
  for (const item of result.items) await write(io.stdout, `${line(item)}\n`);
  for (const name of result.extra) await write(io.stdout, `${'extra'.padEnd(11)}${'NOT CHECKED'.padEnd(14)}${name} is not part of the format\n`);
  if (result.error) {
    await write(io.stderr, `telltale verify: ${file}: ${result.error}\n`);
    return 1;
  }
  const failed = result.items.filter((i) => i.status === 'mismatch' || i.status === 'missing' || i.status === 'unreadable');
  await write(io.stdout, failed.length ? `${file}: DOES NOT VERIFY (${failed.map((i) => i.part).join(', ')})\n` : `${file}: verified, every captured part matches its record\n`);
  return failed.length ? 1 : 0;
}
