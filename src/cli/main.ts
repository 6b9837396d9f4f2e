/**
 * `telltale`: the command line of the engine.
 *   telltale score [FILE|-]... [--format jsonl|table] [--explain] [--input jsonl|csv|text] [--index DIR]
 *   telltale keys [FILE|-]... (each ad's cross-ad keys: keys.ts)
 *   telltale verify BUNDLE.zip (an evidence bundle: verify.ts)
 * Writes one JSON Assessment per ad (or a readable report). A malformed record is reported as
 * {"id","line","error"} and the run goes on; exit 1 if any record failed, 2 for unusable arguments.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { defaultEngine } from '../engine/index.js';
import type { Engine } from '../engine/engine.js';
import { assessWithIndex } from '../network/ad-index.js';
import { CLI_CAP, DiskAdIndex } from './disk-index.js';
import { readAds, type InputFormat } from './input.js';
import { keysLine } from './keys.js';
import { renderReport } from './report.js';
import { PAGE_USAGE, runPage } from './page.js';
import { VERIFY_USAGE, runVerify } from './verify.js';

const USAGE = `Usage: telltale score [FILE|-]... [options]
       telltale keys [FILE|-]... [--input jsonl|csv|text]

Reads ads and writes one assessment per ad: the warning signs of deceptive recruitment found,
with the words that triggered each. Signals, not verdicts. "keys" writes each ad's cross-ad keys
instead (contact keys, text-fingerprint band keys and signature), for grouping them elsewhere.

Input: JSONL (one {"id","title","text","url","lang","country","poster"} per line), CSV with a
header row (columns id,title,text,url,lang,country,poster), or plain text files (one ad per file).
"-" or no file reads standard input (format guessed from its first bytes).

Options:
  --format jsonl|table   output: JSON lines (default) or a readable report
  --explain              with --format table: why each sign matters and what to check
  --input jsonl|csv|text the input format, instead of guessing from the file name
  --index DIR            cross-ad signs: compare each ad with the ads indexed in DIR (earlier
                         runs and earlier ads of this one) and add it there; created if missing
  --index-cap N          keep at most N ads in the index, the oldest dropped first (1000000)
  --stats                at the end, on standard error: ads, index size, time, peak memory
  -h, --help             this text`;

export interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin?: NodeJS.ReadableStream;
}

function write(stream: NodeJS.WritableStream, s: string): Promise<void> {
  return new Promise((resolve) => {
    if (stream.write(s)) resolve();
    else stream.once('drain', resolve);
  });
}

export async function run(argv: string[], io: Io, engine?: Engine): Promise<number> {
  if (argv[0] === 'extract' || argv[0] === 'scan') return runPage(argv[0], argv.slice(1), io, () => (engine ??= defaultEngine()), write);
  if (argv[0] === 'verify') return runVerify(argv.slice(1), io, write);
  return runScore(argv, io, engine ?? defaultEngine());
}

/**
 * With --index, V8 lets the garbage of scoring pile up in proportion to what the index keeps alive:
 * 100,000 ads peaked at 600 MB with about 110 MB live. A full collection every GC_EVERY ads (tens of
 * milliseconds each) brought the peak to 340 MB; without --index memory stays constant anyway.
 */
const GC_EVERY = 2_000;
let gc: (() => void) | undefined;
function collectGarbage(): void {
  if (!gc) {
    // expose-gc set at run time takes effect in a new context: its global `gc` is the collector.
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}

async function runScore(argv: string[], io: Io, engine: Engine): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'jsonl' },
        explain: { type: 'boolean', default: false },
        input: { type: 'string' },
        index: { type: 'string' },
        'index-cap': { type: 'string' },
        stats: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    await write(io.stderr, `telltale: ${(e as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    await write(io.stdout, `${USAGE}\n\n${PAGE_USAGE}\n\n${VERIFY_USAGE}\n`);
    return 0;
  }
  const [command, ...files] = positionals;
  if (command !== 'score' && command !== 'keys') {
    await write(io.stderr, `telltale: ${command ? `unknown command "${command}"` : 'no command given'}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.format !== 'jsonl' && values.format !== 'table') {
    await write(io.stderr, `telltale: --format must be jsonl or table, not "${values.format}"\n`);
    return 2;
  }
  if (values.input !== undefined && !['jsonl', 'csv', 'text'].includes(values.input)) {
    await write(io.stderr, `telltale: --input must be jsonl, csv or text, not "${values.input}"\n`);
    return 2;
  }
  const inputs = files.length ? files : ['-'];
  const missing = inputs.filter((f) => f !== '-' && !existsSync(f));
  if (missing.length) {
    await write(io.stderr, `telltale: no such file: ${missing.join(', ')}\n`);
    return 2;
  }
  const cap = values['index-cap'] === undefined ? CLI_CAP : Number(values['index-cap']);
  if (!Number.isInteger(cap) || cap < 1) {
    await write(io.stderr, `telltale: --index-cap must be a whole number of ads, at least 1, not "${values['index-cap']}"\n`);
    return 2;
  }
  let index: DiskAdIndex | undefined;
  if (values.index !== undefined) {
    try {
      index = await DiskAdIndex.open(values.index, cap);
    } catch (e) {
      await write(io.stderr, `telltale: --index: ${(e as Error).message}\n`);
      return 2;
    }
    // A damaged line of the index is skipped (and left in the file), not fatal: the rest still counts.
    for (const p of index.problems) await write(io.stderr, `telltale: index line skipped: ${p}\n`);
  }
  const started = performance.now();
  const table = values.format === 'table';
  const color = table && Boolean((io.stdout as { isTTY?: boolean }).isTTY);
  let failed = 0;
  let count = 0;
  for (const file of inputs) {
    for await (const item of readAds(file, values.input as InputFormat | undefined, io.stdin as never)) {
      if (item.kind === 'error') {
        failed++;
        const record = { id: item.id, line: item.line, error: inputs.length > 1 ? `${item.source}: ${item.error}` : item.error };
        if (table) await write(io.stderr, `telltale: ${item.source}${item.line ? `:${item.line}` : ''}: ${item.error}\n`);
        else await write(io.stdout, `${JSON.stringify(record)}\n`);
        continue;
      }
      if (command === 'keys') {
        count++;
        await write(io.stdout, `${keysLine(item.ad, Date.now())}\n`);
        continue;
      }
      let assessment;
      try {
        assessment = index ? await assessWithIndex(engine, index, item.ad) : engine.assess(item.ad);
      } catch (e) {
        // The engine is not expected to throw; if it does, report the ad and go on.
        failed++;
        await write(io.stdout, `${JSON.stringify({ id: item.ad.id ?? null, line: item.line ?? null, error: `engine: ${(e as Error).message}` })}\n`);
        continue;
      }
      count++;
      if (index && count % GC_EVERY === 0) collectGarbage();
      if (table) await write(io.stdout, `${renderReport(item.ad, assessment, { explain: values.explain, color, rules: engine.rules })}\n\n`);
      else await write(io.stdout, `${JSON.stringify(assessment)}\n`);
    }
  }
  await index?.close();
  if (failed) await write(io.stderr, `telltale: ${count} ad(s) scored, ${failed} record(s) failed\n`);
  if (values.stats) {
    const seconds = (performance.now() - started) / 1000;
    const peak = Math.round(process.resourceUsage().maxRSS / 1024);
    const indexed = index ? `, index ${index.size} ads (${index.added} added)` : '';
    await write(io.stderr, `telltale: stats: ${count} ads in ${seconds.toFixed(1)} s${indexed}, peak memory ${peak} MB\n`);
  }
  return failed ? 1 : 0;
}
