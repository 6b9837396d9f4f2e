/**
 * npm run eval:pages: the extraction pipeline (the `scan` command's code) over every saved page in
 * ../shared/data/pages. Prints per page the extractor, page kind, number of ads and first titles;
 * for the job detail pages of swde/ it checks swde/expected.json (title, description phrases kept,
 * boilerplate dropped) and prints how many pass. Skips cleanly when ../shared is absent.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadPage } from '../src/cli/page.js';
import { defaultEngine } from '../src/engine/index.js';

const root = join(import.meta.dirname, '..');
const PAGES = join(root, '..', 'shared', 'data', 'pages');
if (!existsSync(PAGES)) {
  console.log('eval:pages: ../shared/data/pages is absent; nothing to evaluate (skipped).');
  process.exit(0);
}

/** The address each saved page came from, by its folder (PROVENANCE.md): it picks the adapter. */
// Each site's section (not the saved pages' own addresses): what decides the adapter and the category.
const SITE_URLS: Record<string, string> = {
  'olx.pl': 'https://www.olx.pl/praca/',
  'linkedin.com': 'https://www.linkedin.com/jobs/search/',
  'leboncoin.fr': 'https://www.leboncoin.fr/voitures/',
  'wg-gesucht.de': 'https://www.wg-gesucht.de/wg-zimmer/',
  'immobilienscout24.de': 'https://www.immobilienscout24.de/Suche/',
};

interface Expected {
  file: string;
  url: string;
  title: string;
  must_contain: string[];
  must_not_contain: string[];
}
const expected = existsSync(join(PAGES, 'swde', 'expected.json')) ? (JSON.parse(readFileSync(join(PAGES, 'swde', 'expected.json'), 'utf8')) as Expected[]) : [];

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return pages(p);
    return /\.html?$/.test(f) ? [p] : [];
  });
}

const engine = defaultEngine();
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
console.log(`Telltale eval:pages, rules ${engine.version}\n`);
console.log('| page | charset | kind | extractor | ads | job / non-job / unknown | levels (none/low/elevated/high) | first titles | ms |');
console.log('|---|---|---|---|---|---|---|---|---|');
let swdePass = 0;
const swdeLines: string[] = [];
for (const file of pages(PAGES).sort()) {
  const rel = relative(PAGES, file);
  const exp = expected.find((e) => e.file === rel);
  const url = exp?.url ?? SITE_URLS[rel.split('/')[0]!] ?? `https://${rel.split('/')[0]}/`;
  const t = performance.now();
  const { extraction: ex, charset } = loadPage(file, url);
  const levels = { none: 0, low: 0, elevated: 0, high: 0 };
  for (const { ad } of ex.ads) if (ad.category !== 'non-job') levels[engine.assess(ad).level]++;
  const ms = performance.now() - t;
  const extractors = [...new Set(ex.ads.map((f) => f.ad.extractor))].join(', ') || (ex.blocked ? `none: ${ex.blocked}` : 'none');
  const cats = ['job', 'non-job', 'unknown'].map((c) => ex.ads.filter((f) => f.ad.category === c).length).join(' / ');
  const titles = ex.ads.slice(0, 3).map((f) => `"${cut(squash(f.ad.title), 40)}"`).join(', ');
  console.log(`| ${rel} | ${charset} | ${ex.pageKind} | ${extractors} | ${ex.ads.length} | ${cats} | ${Object.values(levels).join('/')} | ${titles} | ${ms.toFixed(0)} |`);
  if (exp) {
    const ad = ex.ads[0]?.ad;
    const problems: string[] = [];
    if (!ad) problems.push('no ad');
    else {
      if (squash(ad.title) !== squash(exp.title)) problems.push(`title "${cut(squash(ad.title), 60)}"`);
      const text = squash(`${ad.title} ${ad.text}`);
      const missing = exp.must_contain.filter((p) => !text.includes(squash(p)));
      const kept = exp.must_not_contain.filter((p) => text.includes(squash(p)));
      if (missing.length) problems.push(`${missing.length}/${exp.must_contain.length} phrases missing`);
      if (kept.length) problems.push(`boilerplate kept: ${kept.map((k) => `"${k}"`).join(', ')}`);
    }
    if (!problems.length) swdePass++;
    swdeLines.push(`| ${rel} | ${problems.length ? 'FAIL' : 'pass'} | ${problems.join('; ')} |`);
  }
}
if (expected.length) {
  console.log(`\n## swde job detail pages: ${swdePass}/${expected.length} pass (title, description phrases kept, boilerplate dropped)\n`);
  console.log('| page | result | problems |');
  console.log('|---|---|---|');
  for (const l of swdeLines) console.log(l);
}
