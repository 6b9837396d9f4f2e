/**
 * `telltale extract FILE.html --url URL` and `telltale scan FILE.html --url URL`: the extension's
 * extraction pipeline on saved pages, through linkedom as the DOM. `extract` prints the ads found,
 * one JSON line each; `scan` adds each ad's assessment (non-job classifieds are not scored).
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parseHTML } from 'linkedom';
import type { Engine } from '../engine/engine.js';
import { ADAPTERS } from '../extract/adapters/index.js';
import { categoryOfUrl } from '../extract/not-ad.js';
import { extractPage } from '../extract/pipeline.js';
import { fromReadability } from '../extract/readability.js';
import type { Extraction } from '../extract/types.js';
import { decodePage } from './charset.js';

export const PAGE_USAGE = `Usage: telltale extract FILE.html... [--url URL]
       telltale scan FILE.html... [--url URL]

Finds the ads on saved web pages (job boards, classifieds) with the same pipeline as the extension:
schema.org JobPosting, the site's adapter, the page's app state, or generic readability and
repeated-card detection. "extract" prints one JSON line per ad; "scan" adds its assessment.

Options:
  --url URL     the address the page was saved from (picks the site adapter); default: the file's path
  --notes       also print, on standard error, what each step of the pipeline did`;

export interface PageIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** A saved page, decoded in its charset and parsed. */
export function loadPage(file: string, url?: string): { extraction: Extraction; charset: string } {
  const { html, charset } = decodePage(readFileSync(file));
  const { document } = parseHTML(html);
  return { extraction: extractPage(document as unknown as Document, url ?? pathToFileURL(file).href, { adapters: ADAPTERS, readability: fromReadability, categoryOfUrl }), charset };
}

/** The JSON line of an ad: its fields, where it came from, and with `scan` its assessment. */
export function adRecord(ex: Extraction, i: number, engine?: Engine): Record<string, unknown> {
  const { ad } = ex.ads[i]!;
  const record: Record<string, unknown> = { ...ad, pageKind: ex.pageKind, pageUrl: ex.url };
  if (engine) {
    if (ad.category === 'non-job') Object.assign(record, { assessment: null, skipped: 'non-job classified' });
    else record.assessment = engine.assess(ad);
  }
  return record;
}

export async function runPage(command: 'extract' | 'scan', argv: string[], io: PageIo, engine: () => Engine, write: (s: NodeJS.WritableStream, t: string) => Promise<void>): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { url: { type: 'string' }, notes: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } } });
  } catch (e) {
    await write(io.stderr, `telltale: ${(e as Error).message}\n\n${PAGE_USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    await write(io.stdout, `${PAGE_USAGE}\n`);
    return 0;
  }
  if (!positionals.length) {
    await write(io.stderr, `telltale: ${command} needs a saved page (FILE.html)\n\n${PAGE_USAGE}\n`);
    return 2;
  }
  if (values.url !== undefined) {
    try {
      new URL(values.url);
    } catch {
      await write(io.stderr, `telltale: --url "${values.url}" is not a URL (write it with https://)\n`);
      return 2;
    }
  }
  let failed = 0;
  for (const file of positionals) {
    let loaded;
    try {
      loaded = loadPage(file, values.url);
    } catch (e) {
      failed++;
      await write(io.stderr, `telltale: ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}\n`);
      continue;
    }
    const ex = loaded.extraction;
    if (values.notes) await write(io.stderr, `telltale: ${file} (${loaded.charset}, ${ex.pageKind}): ${ex.notes.join('; ')}\n`);
    if (!ex.ads.length) await write(io.stderr, `telltale: ${file}: no ads${ex.blocked ? ` (${ex.blocked})` : ''}\n`);
    for (let i = 0; i < ex.ads.length; i++) await write(io.stdout, `${JSON.stringify(adRecord(ex, i, command === 'scan' ? engine() : undefined))}\n`);
  }
  return failed ? 1 : 0;
}
