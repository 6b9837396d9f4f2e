/**
 * Wires a PageSession to the browser: settings from storage, batches to the background, passes after
 * the page settles, again after its changes (infinite scroll) and on single-page-app navigation.
 * Shared by the board content script and the on-demand page scan.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { boardActive, DEFAULT_SETTINGS, readSettings, SETTINGS_KEY, type Settings } from '../storage/settings.js';
import type { Response } from '../messages/handle.js';
import type { AssessBatchRequest } from '../messages/protocol.js';
import { LEVEL_RANK } from '../engine/types.js';
import type { Board } from '../extract/boards/board.js';
import { extractPage } from '../extract/pipeline.js';
import type { Extraction } from '../extract/types.js';
import { showReportControl } from './report.js';
import { isOwnMutation, PageSession } from './session.js';

/** Changes settle for this long before a page is read again (a scroll loads cards in bursts). */
export const SETTLE_MS = 400;

export interface RunOptions {
  extract(doc: Document, url: string): Extraction;
  /** Stops watching (the content script's context was invalidated: extension updated or removed). */
  signal?: AbortSignal;
  /** WXT's location watcher (ctx's 'wxt:locationchange'), where the script has a context. */
  onLocationChange?(cb: () => void): void;
  /** Whether the settings let this script work here (a board region switched off, an allowlisted site). */
  active?(settings: Settings): boolean;
}

export async function runOnPage(options: RunOptions): Promise<PageSession> {
  let settings: Settings = DEFAULT_SETTINGS;
  // browser.storage directly, not WXT's storage wrapper: a fifth of the content script's budget.
  const key = SETTINGS_KEY.replace(/^local:/, '');
  try {
    settings = readSettings((await browser.storage.local.get(key))[key]);
  } catch {
    // storage unavailable (a context being torn down): defaults
  }
  const isActive = () => options.active?.(settings) ?? true;
  const session = new PageSession(document, {
    extract: options.extract,
    send: (request: AssessBatchRequest) => browser.runtime.sendMessage(request) as Promise<Response>,
    markers: (level) => settings.markers && LEVEL_RANK[level] >= LEVEL_RANK[settings.markersFrom],
  });
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(key in changes)) return;
    const next = readSettings(changes[key]!.newValue);
    const wasOn = settings.markers && isActive();
    const levelsChanged = next.markersFrom !== settings.markersFrom;
    settings = next;
    const on = next.markers && isActive();
    if ((on && !wasOn) || (on && levelsChanged)) {
      session.redraw();
      later(); // a page first seen while switched off was never read
    } else if (!on && wasOn) session.unmark();
  };
  browser.storage.onChanged.addListener(onChanged);
  // The popup's "show on the page" (from the extension itself; a page cannot send runtime messages).
  const onMessage = (message: unknown) => {
    const m = message as { type?: unknown; url?: unknown } | null;
    if (m?.type === 'telltale-show-card' && typeof m.url === 'string') session.showCard(m.url);
    if (m?.type === 'telltale-show-report') showReportControl(document);
  };
  browser.runtime.onMessage.addListener(onMessage);
  const unwatch = () => browser.storage.onChanged.removeListener(onChanged);

  let running = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const pass = () => {
    if (!isActive()) return running;
    running = running.then(() => session.pass(location.href).then(() => undefined, () => undefined));
    return running;
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(pass, SETTLE_MS);
  };
  const observer = new MutationObserver((records) => {
    if (records.every(isOwnMutation)) return;
    later();
  });
  observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true });
  // Single-page apps change the URL without a new document (history API, back and forward).
  let lastUrl = location.href;
  const navigated = () => {
    if (location.href === lastUrl) return;
    lastUrl = location.href;
    session.reset(location.href);
    later();
  };
  window.addEventListener('popstate', navigated);
  // pushState is invisible to a content script: WXT's watcher polls the URL; without a context, so do we.
  let poll: ReturnType<typeof setInterval> | undefined;
  if (options.onLocationChange) options.onLocationChange(navigated);
  else poll = setInterval(navigated, 1000);
  options.signal?.addEventListener('abort', () => {
    observer.disconnect();
    clearInterval(poll);
    clearTimeout(timer);
    window.removeEventListener('popstate', navigated);
    unwatch();
    browser.runtime.onMessage.removeListener(onMessage);
    session.unmark();
  });
  await pass();
  return session;
}

/**
 * The main function of a region's board content script (entrypoints/board-*.content.ts): the
 * pipeline with the region's adapters only, and without readability, which the boards do not need.
 */
export function boardMain(board: Board) {
  return async (ctx: ContentScriptContext) => {
    const stop = new AbortController();
    ctx.onInvalidated(() => stop.abort());
    await runOnPage({
      extract: (doc, url) => extractPage(doc, url, { adapters: board.adapters }),
      active: (settings) => boardActive(settings, board.name, location.hostname),
      signal: stop.signal,
      onLocationChange: (cb) => ctx.addEventListener(window, 'wxt:locationchange', cb),
    });
  };
}
