/**
 * Reading ads for the CLI: JSONL (one ad per line), CSV with a header row, or plain text files (one
 * ad per file), from files or standard input, as a stream, so memory stays flat on large files. A bad
 * record becomes an error item naming the line and the problem; the stream goes on.
 */
import { createReadStream } from 'node:fs';
import { basename, extname } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import { z } from 'zod';
import type { Ad } from '../engine/types.js';
import { describeIssues } from '../engine/rule-schema.js';

export type InputFormat = 'jsonl' | 'csv' | 'text';

export type InputItem =
  | { kind: 'ad'; ad: Ad; source: string; line?: number }
  | { kind: 'error'; id: string | null; line: number | null; source: string; error: string };

const StructuredPay = z
  .object({
    min: z.number().optional(),
    max: z.number().optional(),
    currency: z.string().optional(),
    period: z.string().optional(),
    basis: z.string().optional(),
  })
  .strict();

/** An input record: unknown extra fields (meta...) are allowed and ignored. */
export const AdRecord = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  title: z.string().nullish(),
  text: z.string({ error: (i) => (i.input === undefined ? 'missing "text"' : '"text" must be a string') }),
  url: z.string().nullish(),
  lang: z.string().nullish(),
  country: z.string().nullish(),
  employer: z.string().nullish(),
  location: z.string().nullish(),
  pay: z.union([z.string(), StructuredPay]).nullish(),
  /** The name shown on the ad (the cross-ad index compares it: --index). */
  poster: z.string().nullish(),
  /** Contacts shown apart from the text: a list, or one string with ";" between them (CSV). */
  contacts: z.union([z.array(z.string()), z.string()]).nullish(),
});

export function toAd(record: unknown): { ad: Ad } | { error: string; id: string | null } {
  const id = record && typeof record === 'object' && 'id' in record ? String((record as { id: unknown }).id) : null;
  const r = AdRecord.safeParse(record);
  if (!r.success) return { error: describeIssues(r.error, '', 'record').join('; '), id };
  const d = r.data;
  const ad: Ad = { text: d.text };
  if (d.id !== undefined) ad.id = String(d.id);
  for (const k of ['title', 'url', 'lang', 'country', 'employer', 'location', 'poster'] as const) {
    const v = d[k];
    if (typeof v === 'string' && v !== '') ad[k] = v;
  }
  if (d.pay) ad.pay = d.pay;
  const contacts = (typeof d.contacts === 'string' ? d.contacts.split(';') : (d.contacts ?? [])).map((c) => c.trim()).filter(Boolean);
  if (contacts.length) ad.contacts = contacts;
  return { ad };
}

export function formatFor(path: string): InputFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson' || ext === '.json') return 'jsonl';
  if (ext === '.csv') return 'csv';
  return 'text';
}

async function* jsonl(stream: Readable, source: string): AsyncGenerator<InputItem> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  for await (const raw of lines) {
    n++;
    const line = n === 1 ? raw.replace(/^\ufeff/, '') : raw;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      yield { kind: 'error', id: null, line: n, source, error: `not valid JSON: ${(e as Error).message}` };
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      yield { kind: 'error', id: null, line: n, source, error: 'a line must hold one JSON object' };
      continue;
    }
    const r = toAd(value);
    if ('error' in r) yield { kind: 'error', id: r.id, line: n, source, error: r.error };
    else yield { kind: 'ad', ad: r.ad, source, line: n };
  }
}

async function* csv(stream: Readable, source: string): AsyncGenerator<InputItem> {
  const parser = stream.pipe(
    parseCsv({ columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), bom: true, relax_column_count: true, skip_empty_lines: true, info: true }),
  );
  try {
    for await (const row of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      const line = row.info.lines;
      const r = toAd(row.record);
      if ('error' in r) yield { kind: 'error', id: r.id, line, source, error: r.error };
      else yield { kind: 'ad', ad: r.ad, source, line };
    }
  } catch (e) {
    yield { kind: 'error', id: null, line: (e as { lines?: number }).lines ?? null, source, error: `CSV: ${(e as Error).message}` };
  }
}

async function* text(stream: Readable, source: string): AsyncGenerator<InputItem> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  const body = Buffer.concat(chunks).toString('utf8').replace(/^\ufeff/, '');
  const id = source === '-' ? 'stdin' : basename(source);
  yield { kind: 'ad', ad: { id, text: body }, source };
}

/** Guesses the format of standard input from its first bytes. */
async function sniff(stream: Readable): Promise<{ format: InputFormat; stream: Readable }> {
  const { PassThrough } = await import('node:stream');
  const out = new PassThrough();
  let decided: InputFormat | undefined;
  const first = await new Promise<Buffer>((resolve) => {
    const onData = (c: Buffer) => {
      stream.off('end', onEnd);
      stream.pause();
      resolve(c);
    };
    const onEnd = () => resolve(Buffer.alloc(0));
    stream.once('data', onData);
    stream.once('end', onEnd);
  });
  const head = first.toString('utf8').replace(/^\ufeff/, '').trimStart();
  if (head.startsWith('{')) decided = 'jsonl';
  else if (/^[^\n]*\btext\b[^\n]*,|^[^\n]*,[^\n]*\btext\b/i.test(head.split('\n')[0] ?? '')) decided = 'csv';
  else decided = 'text';
  out.write(first);
  stream.pipe(out);
  stream.resume();
  return { format: decided, stream: out };
}

export async function* readAds(path: string, format?: InputFormat, stdin: Readable = process.stdin): AsyncGenerator<InputItem> {
  let stream: Readable;
  let fmt = format;
  if (path === '-') {
    if (fmt) stream = stdin;
    else ({ format: fmt, stream } = await sniff(stdin));
  } else {
    stream = createReadStream(path);
    fmt ??= formatFor(path);
  }
  if (fmt === 'jsonl') yield* jsonl(stream, path);
  else if (fmt === 'csv') yield* csv(stream, path);
  else yield* text(stream, path);
}
