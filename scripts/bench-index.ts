/**
 * The cross-ad index benchmark (part of `npm run bench`; alone: `npm run bench:index`). Goals (issue
 * #5): with 50,000 ads indexed, checking a new ad against the index takes at most 5 ms in the
 * browser; the CLI runs the cross-ad step over 100,000 ads with peak memory under 500 MB. A
 * benchmark, not a test: it prints, it does not fail. The ads are invented (scripts/synthetic-ads.ts).
 *
 * - Browser: Debian's Chromium (puppeteer-core, headless) opens a page on a loopback server, which
 *   runs the extension's own index code (src/network/, IdbAdIndex on the page's IndexedDB), fills
 *   it with BENCH_INDEX_SIZE ads (50,000), then checks BENCH_INDEX_CHECKS new ones (500) one after
 *   the other and adds each. A check is what the background does before scoring an ad: its contact
 *   keys and fingerprint, the index reads (one transaction), the two signals. Skipped without Chromium.
 * - CLI: `telltale score --index DIR --stats` over BENCH_CLI_ADS invented ads (100,000, about 1.2 KB
 *   each) in a fresh directory, its output thrown away; the CLI reports its peak resident memory
 *   (process.resourceUsage().maxRSS), the whole process: engine, index and streams.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import type { IndexBenchResult } from './bench-index-page.js';
import { syntheticAds } from './synthetic-ads.js';

const SIZE = Number(process.env.BENCH_INDEX_SIZE ?? 50_000);
const CHECKS = Number(process.env.BENCH_INDEX_CHECKS ?? 500);
const CLI_ADS = Number(process.env.BENCH_CLI_ADS ?? 100_000);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const ms = (x: number) => x.toFixed(2);

function chromium(): string | undefined {
  for (const p of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) if (p && existsSync(p)) return p;
  return undefined;
}

async function browserBench(): Promise<IndexBenchResult | string> {
  const executablePath = chromium();
  if (!executablePath) return 'skipped: no Chromium (apt-get install chromium)';
  const bundle = await build({ entryPoints: ['scripts/bench-index-page.ts'], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'chrome120', logLevel: 'warning' });
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Telltale index bench</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const profile = mkdtempSync(join(tmpdir(), 'telltale-bench-profile-'));
  const browser = await puppeteer.launch({ executablePath, headless: true, pipe: true, userDataDir: profile, args: ['--no-sandbox', '--disable-gpu'], protocolTimeout: 0 });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    return await page.evaluate(
      (size, checks) => (globalThis as unknown as { telltaleIndexBench(s: number, c: number): Promise<IndexBenchResult> }).telltaleIndexBench(size, checks),
      SIZE,
      CHECKS,
    );
  } finally {
    await browser.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function cliBench(): Promise<{ line: string; peak: number; seconds: number; ads: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'telltale-bench-cli-'));
  try {
    const file = join(dir, 'ads.jsonl');
    const out = createWriteStream(file);
    const stream = syntheticAds(11);
    for (let i = 0; i < CLI_ADS; i++) if (!out.write(`${JSON.stringify(stream.ad(i))}\n`)) await new Promise<void>((r) => out.once("drain", () => r()));
    await new Promise<void>((r) => out.end(() => r()));
    const child = spawn(process.execPath, ['bin/telltale.mjs', 'score', '--index', join(dir, 'index'), '--stats', file], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c) => (err += c));
    const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
    const line = err.split('\n').find((l) => l.includes('stats:')) ?? '';
    const m = /stats: (\d+) ads in ([\d.]+) s.*peak memory (\d+) MB/.exec(line);
    if (code !== 0 || !m) throw new Error(`the CLI failed (exit ${code}): ${err.slice(0, 500)}`);
    return { line, ads: Number(m[1]), seconds: Number(m[2]), peak: Number(m[3]) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`\nTelltale index bench: invented ads (scripts/synthetic-ads.ts); Node ${process.version}\n`);
const b = await browserBench();
const c = await cliBench();
console.log('| measure | value | goal |');
console.log('|---|---|---|');
if (typeof b === 'string') {
  console.log(`| browser: check a new ad against ${SIZE.toLocaleString('en')} indexed ads | ${b} | ≤ 5 ms |`);
} else {
  console.log(`| browser: check a new ad against ${b.size.toLocaleString('en')} indexed ads (IndexedDB, Chromium), median / p95 / p99 / max of ${b.checks} | ${ms(pct(b.check, 50))} / ${ms(pct(b.check, 95))} / ${ms(pct(b.check, 99))} / ${ms(Math.max(...b.check))} ms | ≤ 5 ms |`);
  console.log(`| of which: the ad's keys and fingerprint / the index reads, median (p95) | ${ms(pct(b.keys, 50))} (${ms(pct(b.keys, 95))}) / ${ms(pct(b.reads, 50))} (${ms(pct(b.reads, 95))}) ms | |`);
  console.log(`| browser: add the ad to the index, median / p99 | ${ms(pct(b.add, 50))} / ${ms(pct(b.add, 99))} ms | |`);
  console.log(`| browser: filling the index (${b.size.toLocaleString('en')} ads, batches of 1,000) | ${b.fillSeconds.toFixed(1)} s | |`);
  console.log(`| browser: checks that found a cross-ad sign | ${b.signs} of ${b.checks} | |`);
}
console.log(`| CLI: \`score --index\` over ${c.ads.toLocaleString('en')} ads, peak memory (whole process) | ${c.peak} MB | < 500 MB |`);
console.log(`| CLI: the same run's time (scoring and cross-ad step) | ${c.seconds.toFixed(1)} s (${Math.round(c.ads / c.seconds).toLocaleString('en')} ads/s) | |`);
