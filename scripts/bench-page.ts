/**
 * npm run bench:page: what the extension costs on a real job-board page. Goal (issue): on the saved
 * OLX listing (../shared/data/pages/olx.pl, 52 cards, 2.5 MB) loaded in Chromium, extraction, scoring
 * and markers for all cards add at most 50 ms of main-thread time, with no long task over 50 ms;
 * every content-script bundle stays under 40 kB. A benchmark, not a test: it prints, it does not fail.
 * Skips (exit 0) without Chromium or ../shared. BENCH_RUNS=n changes the number of runs (5),
 * BENCH_DEBUG=1 lists each run's tasks on stderr, BENCH_TRACE_DIR=dir keeps each run's trace (JSON
 * events, for chrome://tracing or DevTools).
 *
 * Setup. Debian's Chromium through puppeteer-core with the built extension (tests/e2e/support.ts:
 * every host name resolves to its local server). The saved page is served under the URL it was saved
 * from (its canonical link, https://www.olx.pl/praca/, as https://www.olx.pl:PORT/praca/), so the pl
 * board content script and the OLX adapter run on it. Its executable <script> elements are stripped
 * from the served copy (2 MB of the 2.5 MB: OLX's bundles and inline state), so that the page's own
 * JavaScript does not run and what is measured is what Telltale adds; JSON and JSON-LD blocks stay.
 * Its stylesheets, images and scripts are on other hosts or paths and get 404s: the page is laid out
 * without OLX's CSS. Each run is a fresh tab in one browser, after one untimed load of the page where
 * no content script runs (the browser's own first-page costs); the first run is Telltale's cold one
 * (the content script compiled without a code cache, the service worker's engine not warm yet).
 *
 * Each load is traced (CDP Tracing from the browser target, categories devtools.timeline,
 * disabled-by-default-devtools.timeline, v8.execute, extensions, blink.user_timing and
 * disabled-by-default-v8.cpu_profiler, whose V8 samples, about one per 0.2 ms, carry JS stacks). A
 * main-world probe (evaluateOnNewDocument) counts the card markers as they are added and marks the
 * moment the last one is (performance.mark, which the trace holds too: the page's clock and the
 * trace's line up exactly). Measures:
 * - content-script tasks: the sum of the durations of the page's main-thread tasks (RunTask) in which
 *   the extension ran: the content-script injection (ScriptInjection::InjectJs of this extension),
 *   its evaluation (EvaluateScript of chrome-extension://<id>/content-scripts/board-pl.js), and every
 *   task with a CPU sample whose stack holds a frame of the extension (the async continuations:
 *   settings read, extraction, sending the batch, drawing the markers). Whole tasks, so the style
 *   and layout forced inside them and their microtasks are in; the probe's own main-world callback
 *   is taken out. Sampled JS: the time of those samples (the DOM calls our code makes included).
 * - rendering the markers: the main-thread tasks with style, layout or paint (UpdateLayoutTree,
 *   Layout, Paint) in the 150 ms after the markers' task. The page is idle by then (no JS of its
 *   own, loaded), so these frames are the markers' (on the baseline host, the same page is quiet
 *   after load). Total = content-script tasks + rendering the markers: the goal's measure.
 * - garbage collection: tasks of only GC from our first task to the markers rendered; V8 collects
 *   the isolate's garbage (the page's parse and ours alike), so it is shown, not added.
 * - long tasks: content-script tasks of 50 ms or more; and main-thread tasks of 50 ms or more of any
 *   origin from our first task to the markers rendered, from the trace and from the page's own
 *   PerformanceObserver('longtask') (installed by the probe).
 * - DOMContentLoaded / load to all markers drawn: the page's clock (navigation timing, the probe).
 * - background (not main thread): the extension's service worker thread's tasks from the first
 *   content-script task to the markers (receive the batch, score it, save the tab's results to
 *   session storage, answer); producing the code cache of background.js after the worker started is
 *   left out. Round trip: from the page sending the batch (the extension's SendOpenMessageChannel)
 *   to the start of the task that draws the markers.
 * - A/B: the same page served on www.example.com (no content script matches it; the extension is
 *   loaded all the same), one such load after each run; all main-thread tasks in the 3 s from the
 *   navigation's commit, medians compared. It sees everything the extension causes, but a 500 kB
 *   page's parse and layout vary by tens of ms from load to load: a cross-check, not the measure.
 * - bundles: each file in .output/chrome-mv3/content-scripts/ (kB = 1,000 bytes).
 * Tracing and sampling slow the page a little: the times are on the high side of the real cost.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from 'puppeteer-core';
import { olx } from '../src/extract/adapters/olx.js';
import { HOST_TAG } from '../src/ui/markers.js';
import { chromiumPath, EXTENSION, launch, ROOT, serve } from '../tests/e2e/support.js';

const PAGE_FILE = join(ROOT, '..', 'shared', 'data', 'pages', 'olx.pl', '2023-05-21_praca_listing.html');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
/** Every load is traced from its start to this long after the navigation commits (both A and B). */
const WINDOW_MS = 3_000;
const LONG_TASK_MS = 50;
/** Frames rendered this soon after the markers' task are counted as rendering the markers. */
const RENDER_AFTER_MS = 150;
const RENDER_EVENTS = new Set(['UpdateLayoutTree', 'Layout', 'Paint']);
const BASELINE_HOST = 'www.example.com';
const CARD_SELECTOR = olx.listing!.card.join(', ');
const CATEGORIES = [
  '__metadata', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'extensions',
  'disabled-by-default-v8.cpu_profiler', 'blink.user_timing',
];
/** The probe's performance.mark when the last marker is added: the same instant in the page's clock and the trace's. */
const DONE_MARK = 'telltale-bench:markers-drawn';

function skip(why: string): never {
  console.log(`bench:page skipped: ${why}`);
  process.exit(0);
}

if (!chromiumPath()) skip('no Chromium (/usr/bin/chromium, or set CHROMIUM_PATH).');
if (!existsSync(PAGE_FILE)) skip(`the saved page is absent (${PAGE_FILE}; ../shared is not there).`);
if (!existsSync(join(EXTENSION, 'manifest.json'))) {
  console.error('bench:page: no built extension in .output/chrome-mv3: run `npx wxt build` first (npm run bench:page does).');
  process.exit(1);
}

// ---------------------------------------------------------------- the page

const saved = readFileSync(PAGE_FILE, 'utf8');
const canonical = /<link\b[^>]*\brel="canonical"[^>]*>/i.exec(saved)?.[0].match(/\bhref="([^"]+)"/)?.[1] ?? 'https://www.olx.pl/praca/';
const savedUrl = new URL(canonical);
const DATA_TYPES = /^(?:application\/(?:ld\+)?json|text\/plain|text\/template|text\/x-template)$/i;
let stripped = 0;
const html = saved.replace(/<script\b([^>]*)>[\s\S]*?<\/script\s*>/gi, (all, attrs: string) => {
  const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1];
  if (type && DATA_TYPES.test(type)) return all;
  stripped++;
  return '';
});

// ---------------------------------------------------------------- trace reading

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id?: string;
  args?: Record<string, any>;
}
interface Task {
  ts: number;
  end: number;
  dur: number;
  /** The extension's code ran in it. */
  ours: boolean;
  /** Time of the samples of the extension's code in it. */
  sampled: number;
  /** Time of main-world function calls in it (the bench's own probe), left out of the extension's time. */
  probe: number;
  produceCache: boolean;
  render: boolean;
  gc: boolean;
}
type Key = string;
const key = (pid: number, tid: number): Key => `${pid}:${tid}`;

/** Top-level tasks (RunTask not nested in another) of one thread, in order. */
function tasksOf(events: TraceEvent[], thread: Key): Task[] {
  const runs = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && key(e.pid, e.tid) === thread).sort((a, b) => a.ts - b.ts);
  const out: Task[] = [];
  for (const e of runs) {
    const last = out[out.length - 1];
    if (last && e.ts < last.end) continue; // nested
    out.push({ ts: e.ts, end: e.ts + (e.dur ?? 0), dur: e.dur ?? 0, ours: false, sampled: 0, probe: 0, produceCache: false, render: false, gc: false });
  }
  return out;
}

/** The task of `tasks` (sorted) that contains time t, by binary search. */
function taskAt(tasks: Task[], t: number): Task | undefined {
  let lo = 0;
  let hi = tasks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const task = tasks[mid]!;
    if (t < task.ts) hi = mid - 1;
    else if (t > task.end) lo = mid + 1;
    else return task;
  }
  return undefined;
}

interface Sample { ts: number; weight: number; ours: boolean }

/** CPU samples of one thread from the trace's V8 profile, each marked when `isOurs(url)` holds for a frame of its stack. */
function samplesOf(events: TraceEvent[], thread: Key, isOurs: (url: string) => boolean): Sample[] {
  const profiles = events.filter((e) => e.name === 'Profile' && key(e.pid, e.tid) === thread);
  const out: Sample[] = [];
  for (const p of profiles) {
    const parent = new Map<number, number | undefined>();
    const own = new Map<number, boolean>();
    const oursMemo = new Map<number, boolean>();
    const ours = (id: number): boolean => {
      const known = oursMemo.get(id);
      if (known !== undefined) return known;
      const up = parent.get(id);
      const v = (own.get(id) ?? false) || (up !== undefined && ours(up));
      oursMemo.set(id, v);
      return v;
    };
    let t = Number(p.args?.data?.startTime ?? p.ts);
    const times: number[] = [];
    const ids: number[] = [];
    for (const c of events) {
      if (c.name !== 'ProfileChunk' || c.pid !== p.pid || c.id !== p.id) continue;
      const data = c.args?.data ?? {};
      for (const n of data.cpuProfile?.nodes ?? []) {
        parent.set(n.id, n.parent);
        own.set(n.id, isOurs(String(n.callFrame?.url ?? '')));
      }
      const samples: number[] = data.cpuProfile?.samples ?? [];
      const deltas: number[] = data.timeDeltas ?? [];
      samples.forEach((id, i) => {
        t += deltas[i] ?? 0;
        times.push(t);
        ids.push(id);
      });
    }
    // A sample stands for the time until the next one (capped: a gap means the thread was idle).
    for (let i = 0; i < ids.length; i++) {
      const weight = i + 1 < times.length ? Math.min(times[i + 1]! - times[i]!, 2_000) : 0;
      out.push({ ts: times[i]!, weight, ours: ours(ids[i]!) });
    }
  }
  return out.sort((a, b) => a.ts - b.ts);
}

interface PageProbe {
  cards: number;
  markers: number;
  markersDone: number | null;
  dcl: number;
  load: number;
  longtasks: { start: number; duration: number }[];
}

interface RunResult {
  busy: number; // all main-thread tasks over the window, ms
  ours?: {
    time: number;
    rendering: number;
    total: number;
    tasks: number;
    sampled: number;
    longest: number;
    ourLongTasks: number;
    gc: number;
    longTasks: number;
    longTasksApi: number;
    dclToMarkers: number;
    loadToMarkers: number;
    cards: number;
    markers: number;
    background: number;
    backgroundLongest: number;
    roundTrip: number;
  };
}

const ms = (us: number) => us / 1000;

function analyse(events: TraceEvent[], url: string, extensionId: string, probe: PageProbe | undefined): RunResult {
  const commit = events.find((e) => e.name === 'CommitLoad' && e.args?.data?.url === url && e.args?.data?.isMainFrame);
  if (!commit) throw new Error(`no CommitLoad of ${url} in the trace`);
  const main = key(commit.pid, commit.tid);
  const windowEnd = commit.ts + WINDOW_MS * 1000;
  const tasks = tasksOf(events, main);
  const busyIn = (a: number, b: number) => ms(tasks.filter((t) => t.end > a && t.ts < b).reduce((s, t) => s + Math.min(t.end, b) - Math.max(t.ts, a), 0));
  const busy = busyIn(commit.ts, windowEnd);
  if (!probe) return { busy };

  const prefix = `chrome-extension://${extensionId}/`;
  const isContentScript = (u: string) => u.startsWith(`${prefix}content-scripts/`);
  const isOurs = (u: string) => u.startsWith(prefix);
  // Tasks in which the extension's injection or evaluation ran.
  for (const e of events) {
    if (key(e.pid, e.tid) !== main) continue;
    const marks =
      (e.name === 'ScriptInjection::InjectJs' && e.args?.chrome_extension_id?.extension_id === extensionId) ||
      (e.name === 'EvaluateScript' && isContentScript(String(e.args?.data?.url ?? '')));
    if (marks) {
      const t = taskAt(tasks, e.ts);
      if (t) t.ours = true;
    }
    if (RENDER_EVENTS.has(e.name)) {
      const t = taskAt(tasks, e.ts);
      if (t) t.render = true;
    }
    if (e.name === 'MinorGC' || e.name === 'MajorGC') {
      const t = taskAt(tasks, e.ts);
      if (t) t.gc = true;
    }
    if (e.name === 'FunctionCall' && !isOurs(String(e.args?.data?.url ?? ''))) {
      const t = taskAt(tasks, e.ts);
      if (t) t.probe += e.dur ?? 0;
    }
  }
  // Tasks with samples of the content script's code on the stack.
  let sampled = 0;
  for (const s of samplesOf(events, main, isOurs)) {
    if (!s.ours) continue;
    sampled += s.weight;
    const t = taskAt(tasks, s.ts);
    if (t) {
      t.ours = true;
      t.sampled += s.weight;
    }
  }
  const ours = tasks.filter((t) => t.ours && t.ts < windowEnd);
  if (!ours.length) throw new Error('no content-script task found in the trace');

  // Page clock to trace clock: the probe's mark is in both.
  const doneMark = events.find((e) => e.name === DONE_MARK && e.pid === commit.pid);
  if (!doneMark || probe.markersDone === null) throw new Error('the markers were not all drawn (no mark in the trace)');
  const markersDone = probe.markersDone;
  const toTrace = (pageMs: number) => doneMark.ts + (pageMs - markersDone) * 1000;
  const doneTs = doneMark.ts;
  const from = ours[0]!.ts;
  // The markers' task: the content-script task the last marker was added in.
  const markTask = [...ours].reverse().find((t) => t.ts <= doneTs) ?? ours[ours.length - 1]!;
  // The frames that render the markers: tasks with style, layout or paint soon after the markers' task.
  const rendering = tasks.filter((t) => !t.ours && t.render && t.ts >= markTask.end && t.ts < markTask.end + RENDER_AFTER_MS * 1000);
  const to = Math.max(doneTs, markTask.end + RENDER_AFTER_MS * 1000);
  const during = tasks.filter((t) => t.end > from && t.ts < to);
  const gc = during.filter((t) => t.gc && !t.ours && !t.render);
  const longApi = probe.longtasks.filter((l) => toTrace(l.start + l.duration) > from && toTrace(l.start) < to);

  // Background: the extension's service worker thread.
  const threadNames = new Map<Key, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(key(e.pid, e.tid), String(e.args?.name));
  const swThreads = new Set<Key>();
  for (const e of events) {
    const k = key(e.pid, e.tid);
    if (threadNames.get(k) !== 'ServiceWorker thread') continue;
    if (e.args?.chrome_extension_id?.extension_id === extensionId || String(e.args?.data?.url ?? '').startsWith(prefix)) swThreads.add(k);
  }
  let background = 0;
  let backgroundLongest = 0;
  for (const sw of swThreads) {
    const swTasks = tasksOf(events, sw);
    for (const e of events) {
      if (e.name === 'v8.produceCache' && key(e.pid, e.tid) === sw) {
        const t = taskAt(swTasks, e.ts);
        if (t) t.produceCache = true;
      }
    }
    for (const t of swTasks) {
      if (t.produceCache || t.end <= from || t.ts >= to) continue;
      background += t.dur;
      backgroundLongest = Math.max(backgroundLongest, t.dur);
    }
  }
  if (process.env.BENCH_DEBUG) {
    const at = (t: number) => `+${ms(t - from).toFixed(1)}`;
    console.error(`commit ${at(commit.ts)} markers ${at(doneTs)} (markers task ${at(markTask.ts)}-${at(markTask.end)})`);
    for (const t of ours) console.error(`  content-script task ${at(t.ts)} ${ms(t.dur).toFixed(1)} ms, sampled ${ms(t.sampled).toFixed(1)}, probe ${ms(t.probe).toFixed(1)}`);
    for (const t of during.filter((x) => x.dur >= LONG_TASK_MS * 1000)) console.error(`  long task ${at(t.ts)} ${ms(t.dur).toFixed(1)} ms${t.ours ? ' (ours)' : ''}`);
    for (const t of rendering) console.error(`  rendering after the markers ${at(t.ts)} ${ms(t.dur).toFixed(1)} ms`);
    for (const l of probe.longtasks) console.error(`  longtask API ${at(toTrace(l.start))} ${l.duration.toFixed(0)} ms`);
  }
  const send = events.find(
    (e) => key(e.pid, e.tid) === main && e.name.startsWith('MainThreadIPCMessageSender::SendOpenMessageChannel') && e.args?.chrome_extension_id?.extension_id === extensionId,
  );
  return {
    busy,
    ours: {
      time: ms(ours.reduce((s, t) => s + t.dur - t.probe, 0)),
      rendering: ms(rendering.reduce((s, t) => s + t.dur, 0)),
      total: ms(ours.reduce((s, t) => s + t.dur - t.probe, 0) + rendering.reduce((s, t) => s + t.dur, 0)),
      tasks: ours.length,
      sampled: ms(sampled),
      longest: ms(Math.max(...ours.map((t) => t.dur - t.probe))),
      gc: ms(gc.reduce((s, t) => s + t.dur, 0)),
      ourLongTasks: ours.filter((t) => t.dur - t.probe >= LONG_TASK_MS * 1000).length,
      longTasks: during.filter((t) => t.dur >= LONG_TASK_MS * 1000).length,
      longTasksApi: longApi.length,
      dclToMarkers: probe.markersDone - probe.dcl,
      loadToMarkers: probe.markersDone - probe.load,
      cards: probe.cards,
      markers: probe.markers,
      background: ms(background),
      backgroundLongest: ms(backgroundLongest),
      roundTrip: send ? ms(markTask.ts - send.ts) : NaN,
    },
  };
}

// ---------------------------------------------------------------- the runs

/**
 * Installed in the page's main world before its own code (a string, so that nothing the TypeScript
 * runner adds to functions is serialized): long tasks, and the card markers as they are added.
 */
const PROBE = `(() => {
  let resolve;
  const bench = { cards: 0, markers: 0, markersDone: null, dcl: 0, load: 0, longtasks: [], done: new Promise((r) => { resolve = r; }) };
  window.__bench = bench;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const tag = ${JSON.stringify(HOST_TAG.toUpperCase())};
  const isCardMarker = (n) => n.nodeName === tag && n.hasAttribute('data-telltale-card');
  document.addEventListener('DOMContentLoaded', () => {
    bench.dcl = performance.now();
    bench.cards = document.querySelectorAll(${JSON.stringify(CARD_SELECTOR)}).length;
    new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) if (isCardMarker(n)) bench.markers++;
        for (const n of r.removedNodes) if (isCardMarker(n)) bench.markers--;
      }
      if (bench.markersDone === null && bench.cards > 0 && bench.markers >= bench.cards) {
        bench.markersDone = performance.now();
        performance.mark(${JSON.stringify(DONE_MARK)}, { startTime: bench.markersDone });
        resolve();
      }
    }).observe(document.documentElement, { childList: true, subtree: true });
  });
  addEventListener('load', () => { bench.load = performance.now(); });
})();`;

async function traced<T>(browser: Browser, body: () => Promise<T>): Promise<{ events: TraceEvent[]; value: T }> {
  const cdp: CDPSession = await browser.target().createCDPSession();
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e: { value: TraceEvent[] }) => {
    for (const x of e.value) events.push(x);
  });
  const complete = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' } });
  try {
    const value = await body();
    return { events, value };
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach().catch(() => undefined);
  }
}

async function load(browser: Browser, url: string, withMarkers: boolean): Promise<{ events: TraceEvent[]; probe?: PageProbe }> {
  const page: Page = await browser.newPage();
  try {
    await page.evaluateOnNewDocument(PROBE);
    const { events, value } = await traced(browser, async () => {
      await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
      if (withMarkers) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([
          page.evaluate(() => (window as unknown as { __bench: { done: Promise<void> } }).__bench.done),
          new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('the markers were not all drawn within 20 s')), 20_000))),
        ]).finally(() => clearTimeout(timer));
      }
      // Both loads are traced for the same window after the navigation started.
      const now = await page.evaluate(() => performance.now());
      await new Promise((r) => setTimeout(r, Math.max(0, WINDOW_MS + 200 - now)));
      return withMarkers ? await page.evaluate(() => {
        const b = (window as unknown as { __bench: PageProbe }).__bench;
        return { cards: b.cards, markers: b.markers, markersDone: b.markersDone, dcl: b.dcl, load: b.load, longtasks: b.longtasks };
      }) : undefined;
    });
    if (process.env.BENCH_TRACE_DIR) writeFileSync(join(process.env.BENCH_TRACE_DIR, `${withMarkers ? 'ext' : 'base'}-${Date.now()}.json`), JSON.stringify(events));
    return { events, probe: value };
  } finally {
    await page.close();
  }
}

const served = await serve(new Map([
  [`${savedUrl.host}${savedUrl.pathname}`, html],
  [`${BASELINE_HOST}${savedUrl.pathname}`, html],
]));
const session = await launch();
const version = await session.browser.version();
const pageUrl = served.url(savedUrl.host, savedUrl.pathname);
const baseUrl = served.url(BASELINE_HOST, savedUrl.pathname);
const withExt: RunResult[] = [];
const without: RunResult[] = [];
const started = Date.now();
try {
  // One untimed load where no content script runs: the browser's own first-page costs (a renderer's
  // start, fonts, layout code) are not charged to the first run, which stays cold for Telltale.
  const warm = await session.browser.newPage();
  await warm.goto(baseUrl, { waitUntil: 'load', timeout: 30_000 });
  await warm.close();
  for (let i = 0; i < RUNS; i++) {
    const a = await load(session.browser, pageUrl, true);
    withExt.push(analyse(a.events, pageUrl, session.extensionId, a.probe));
    const b = await load(session.browser, baseUrl, false);
    without.push(analyse(b.events, baseUrl, session.extensionId, undefined));
  }
} finally {
  await session.close();
  served.server.close();
}

// ---------------------------------------------------------------- report

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const f = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const runs = withExt.map((r) => r.ours!);
type Measure = keyof NonNullable<RunResult['ours']>;
const line = (label: string, xs: number[], unit: string, goal: string, d = 1) =>
  console.log(`| ${label} | ${xs.map((x) => f(x, d)).join(', ')} | ${f(median(xs), d)}${unit} | ${f(Math.max(...xs), d)}${unit} | ${goal} |`);
const row = (label: string, m: Measure, unit: string, goal: string, d = 1) => line(label, runs.map((r) => r[m]), unit, goal, d);
const kB = (bytes: number) => (bytes / 1000).toFixed(1);

console.log(
  `Telltale page bench: ${version}; page ../shared/data/pages/olx.pl/${PAGE_FILE.split('/').pop()} (${(Buffer.byteLength(saved) / 1e6).toFixed(1)} MB, saved from ${canonical}), ` +
    `served as ${pageUrl.replace(/:\d+\//, ':PORT/')} with its ${stripped} executable <script> elements stripped (${kB(Buffer.byteLength(html))} kB served: the page's own JS does not run); ` +
    `${runs.map((r) => r.cards).join('/')} cards found and ${runs.map((r) => r.markers).join('/')} markers drawn; ${RUNS} fresh tabs with the pl content script (the first one cold), ` +
    `each followed by one on ${BASELINE_HOST} (no content script); traced; ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
);
console.log('| measure | runs | median | max | goal |');
console.log('|---|---|---|---|---|');
row('main thread: content-script tasks (inject, evaluate, read settings, extract, send, draw markers)', 'time', ' ms', '');
row('main thread: rendering the markers (style, layout, paint in the next frames)', 'rendering', ' ms', '');
row('main thread: total the extension adds (the two above)', 'total', ' ms', '<= 50 ms');
row('  sampled JS of the content script (within its tasks)', 'sampled', ' ms', '');
row('  content-script tasks (count)', 'tasks', '', '', 0);
row('garbage-collection tasks from our first task to the markers rendered (any origin, not in the total)', 'gc', ' ms', '');
row('longest content-script task', 'longest', ' ms', '< 50 ms');
row('long tasks (>= 50 ms) of the content script', 'ourLongTasks', '', '0', 0);
row('long tasks (>= 50 ms) of any origin from our first task to the markers rendered: trace', 'longTasks', '', '', 0);
row('  the same: PerformanceObserver longtask in the page', 'longTasksApi', '', '', 0);
row('DOMContentLoaded to all markers drawn', 'dclToMarkers', ' ms', '');
row('load to all markers drawn', 'loadToMarkers', ' ms', '');
row('background, not main thread: service worker busy for the batch (receive, score, store, answer)', 'background', ' ms', '');
row('  its longest task (not main thread)', 'backgroundLongest', ' ms', '');
row('round trip: batch sent to the markers task starting', 'roundTrip', ' ms', '');
const busyA = withExt.map((r) => r.busy);
const busyB = without.map((r) => r.busy);
line(`A/B: main thread busy (all tasks) ${WINDOW_MS / 1000} s from commit, with the content script`, busyA, ' ms', '');
line(`A/B: the same on ${BASELINE_HOST}, no content script`, busyB, ' ms', '');
console.log(
  `| A/B: difference of the medians (cross-check; the baseline alone spreads ${f(Math.max(...busyB) - Math.min(...busyB), 0)} ms) | | ${f(median(busyA) - median(busyB))} ms | | |`,
);

const dir = join(EXTENSION, 'content-scripts');
const bundles = existsSync(dir) ? readdirSync(dir).filter((x) => x.endsWith('.js')).sort() : [];
console.log('');
console.log('| content-script bundle | bytes | kB | goal < 40 kB (40,000 bytes) |');
console.log('|---|---|---|---|');
for (const b of bundles) {
  const size = statSync(join(dir, b)).size;
  console.log(`| ${b} | ${size.toLocaleString('en-US')} | ${kB(size)} | ${size < 40_000 ? 'yes' : 'NO'} |`);
}
