/**
 * The background: scores what the content scripts extract (the engine runs here, once per ad, with
 * a custom rule pack when the user imported one), keeps each tab's results for the popup (in session
 * storage, which outlives the service worker's naps but not the browser session), shows the level on
 * the toolbar icon, and offers two context-menu commands on any page: check the selected text, and
 * scan the whole page with the generic pipeline. Thin wiring: the logic is in src/.
 */
import { z } from 'zod';
import { createEngine, type Engine } from '../src/engine/engine';
import { describeIssues } from '../src/engine/rule-schema';
import { defaultEngine } from '../src/engine/index';
import { translator, uiLanguage } from '../src/i18n/index';
import { badgeFor } from '../src/messages/badge';
import { handleMessage, type HandleContext, type PageResults, type Response, type TabPage, type TabStore } from '../src/messages/handle';
import { MENU_PAGE, MENU_SELECTION } from '../src/messages/menus';
import { PackRequest, WindowResultsRequest } from '../src/messages/protocol';
import { IdbAdIndex } from '../src/network/idb-index';
import { PACK_KEY, RESULTS_KEY, keptResults, type KeptResults } from '../src/storage/data';
import { prunedReviews, readReviews, REVIEWS_KEY } from '../src/storage/reviews';
import { loadSettings, settingsItem } from '../src/storage/settings-item';
import type { Settings } from '../src/storage/settings';

// zod must not compile validators with `new Function` under the extension's content security policy.
z.config({ jitless: true });

const tabKey = (tabId: number) => `session:tab-${tabId}` as const;
const NORMAL_ICON = { 16: '/icon/16.png', 32: '/icon/32.png', 48: '/icon/48.png', 128: '/icon/128.png' };
const DISCREET_ICON = { 16: '/icon-discreet/16.png', 32: '/icon-discreet/32.png', 48: '/icon-discreet/48.png', 128: '/icon-discreet/128.png' };

let settings: Settings | undefined;
let custom: Engine | undefined;
let customLoaded = false;

/** The engine of the user's rule pack, if one was imported and still validates; else undefined. */
async function customEngine(): Promise<Engine | undefined> {
  if (customLoaded) return custom;
  customLoaded = true;
  const pack = await storage.getItem<unknown>(PACK_KEY);
  if (pack) {
    try {
      custom = createEngine(pack);
    } catch {
      custom = undefined; // refused when imported; a pack that no longer validates is set aside
    }
  }
  return custom;
}

/** What the handler needs of the settings: the rules, the categories, the language, discretion. */
async function handleContext(s: Settings): Promise<HandleContext> {
  return {
    engine: await customEngine(),
    assessOptions: { disabledCategories: new Set(s.categoriesOff) },
    t: translator(uiLanguage(s.language, [navigator.language])),
    discreet: s.discreet,
    index: adIndex(),
  };
}

let index: IdbAdIndex | undefined;
/** The local ad index for the cross-ad signs (IndexedDB, in this browser only). */
function adIndex(): IdbAdIndex {
  index ??= new IdbAdIndex();
  return index;
}

/** A context-menu command on a tab: check the selected text, or scan the whole page. */
async function runMenuCommand(info: { menuItemId: string | number; selectionText?: string }, tab?: { id?: number; url?: string }): Promise<void> {
  if (!tab?.id || tab.id < 0) return;
  const tabId = tab.id;
  // The command's click grants activeTab: the inspect script can run on this page, and only now.
  await browser.scripting.executeScript({ target: { tabId }, files: ['/inspect.js'] });
  if (info.menuItemId === MENU_SELECTION) {
    const ad = { text: (info.selectionText ?? '').slice(0, 100_000), ...(tab.url ? { url: tab.url.slice(0, 4_000) } : {}) };
    const s = settings ?? (await loadSettings());
    const response = await handleMessage({ type: 'assess', ad }, await handleContext(s));
    if (!response.ok || !('assessment' in response)) return;
    await browser.tabs.sendMessage(tabId, { type: 'telltale-show-check', assessment: response.assessment, notes: response.notes, labels: response.labels });
  } else if (info.menuItemId === MENU_PAGE) {
    await browser.tabs.sendMessage(tabId, { type: 'telltale-scan-page' });
  }
}

export default defineBackground(() => {
  const store: TabStore = new Map();

  /** A tab's results after the worker slept: read back from session storage. */
  async function load(tabId: number): Promise<void> {
    if (store.has(tabId)) return;
    const kept = await storage.getItem<PageResults>(tabKey(tabId));
    if (kept && !store.has(tabId)) store.set(tabId, kept);
  }

  async function showBadge(tabId: number): Promise<void> {
    const s = settings ?? (await loadSettings());
    const badge = badgeFor(store.get(tabId), s);
    const t = translator(uiLanguage(s.language, [navigator.language]));
    const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
    await action.setBadgeText({ tabId, text: badge.text });
    if (badge.text) await action.setBadgeBackgroundColor({ tabId, color: badge.colour });
    // Discreet mode: a plain icon and a title that says nothing of what the extension is for.
    await action.setTitle({ tabId, title: s.discreet ? t('ui.discreet.title') : badge.level ? t('ui.badge.title', { level: t(`level.${badge.level}`) }) : 'Telltale' });
    await action.setIcon({ tabId, path: s.discreet ? DISCREET_ICON : NORMAL_ICON });
  }

  /** Results kept past the session when the user asked for it (retention), pruned by age. */
  async function keep(page: PageResults): Promise<void> {
    const s = settings ?? (await loadSettings());
    const kept = (await storage.getItem<KeptResults>(RESULTS_KEY)) ?? {};
    await storage.setItem(RESULTS_KEY, keptResults(kept, s.retentionDays, Date.now(), page));
  }

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    // The tab is the one the browser names as the sender, never one a page claims.
    const tabId = sender.tab?.id;
    const type = (message as { type?: unknown } | null)?.type;
    // Results of other tabs and the rule pack are for the extension's own pages (popup, options, in a
    // tab or not), never for a content script, whose sender URL is the web page's.
    const fromExtensionPage = sender.id === browser.runtime.id && (sender.url ?? '').startsWith(browser.runtime.getURL('/'));
    if ((type === 'tab-results' || type === 'window-results' || type === 'set-pack' || type === 'pack-info' || type === 'delete-all') && !fromExtensionPage) {
      sendResponse({ ok: false, error: `${String(type)}: only for extension pages` });
      return false;
    }
    void (async () => {
      if (type === 'set-pack') return sendResponse(await setPack(message));
      if (type === 'delete-all') return sendResponse(await deleteAll());
      if (type === 'window-results') return sendResponse(await windowResults(message));
      if (type === 'pack-info') {
        const engine = await customEngine();
        return sendResponse({ ok: true, custom: engine !== undefined, version: (engine ?? defaultEngine()).version });
      }
      const asked = type === 'tab-results' ? (message as { tabId?: unknown }).tabId : tabId;
      if (typeof asked === 'number') await load(asked).catch(() => undefined);
      const s = settings ?? (settings = await loadSettings());
      const response = await handleMessage(message, { tabId, store, ...(await handleContext(s)) });
      if (tabId !== undefined && response.ok && 'results' in response && store.has(tabId)) {
        await storage.setItem(tabKey(tabId), store.get(tabId)!).catch(() => undefined);
        await showBadge(tabId).catch(() => undefined);
        if (s.retentionDays > 0) await keep(store.get(tabId)!).catch(() => undefined);
      }
      sendResponse(response);
    })();
    return true; // answered asynchronously
  });

  /** Validates and takes a custom rule pack (or, with null, goes back to the built-in rules). */
  async function setPack(message: unknown): Promise<Response | { ok: true; version: string }> {
    const req = PackRequest.safeParse(message);
    if (!req.success) return { ok: false, error: describeIssues(req.error, '', 'message').join('; ') };
    if (req.data.pack === null) {
      await storage.removeItem(PACK_KEY);
      custom = undefined;
      customLoaded = true;
      return { ok: true, version: 'built-in' };
    }
    try {
      const engine = createEngine(req.data.pack);
      await storage.setItem(PACK_KEY, req.data.pack);
      custom = engine;
      customLoaded = true;
      return { ok: true, version: engine.version };
    } catch (e) {
      // The rules in use stay active: nothing was stored or switched.
      return { ok: false, error: (e as Error).message };
    }
  }

  /** The side panel's queue: the results of every tab of its window (read back if the worker slept). */
  async function windowResults(message: unknown): Promise<Response> {
    const req = WindowResultsRequest.safeParse(message);
    if (!req.success) return { ok: false, error: describeIssues(req.error, '', 'message').join('; ') };
    const tabs: TabPage[] = [];
    for (const tab of await browser.tabs.query({ windowId: req.data.windowId })) {
      if (tab.id === undefined) continue;
      await load(tab.id).catch(() => undefined);
      const page = store.get(tab.id);
      if (page) tabs.push({ tabId: tab.id, page });
    }
    return { ok: true, tabs };
  }

  /** "Delete everything": every result, kept page, review state and the custom pack; the settings stay. */
  async function deleteAll(): Promise<Response> {
    store.clear();
    await browser.storage.session.clear();
    await storage.removeItem(RESULTS_KEY);
    await storage.removeItem(REVIEWS_KEY);
    await adIndex().clear();
    for (const tab of await browser.tabs.query({})) if (tab.id !== undefined) await showBadge(tab.id).catch(() => undefined);
    return { ok: true, page: null };
  }

  browser.tabs.onRemoved.addListener((tabId) => {
    store.delete(tabId);
    void storage.removeItem(tabKey(tabId));
  });
  // A new document in a tab: the old page's results and badge go (the content script, if the new
  // page is a board's, sends the new ones once the page is ready).
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status !== 'loading') return;
    store.delete(tabId);
    void storage.removeItem(tabKey(tabId));
    void showBadge(tabId).catch(() => undefined);
  });

  settingsItem.watch(() => {
    settings = undefined;
    void loadSettings().then((s) => {
      settings = s;
      void createMenus(s);
      void pruneKept(false).catch(() => undefined);
      for (const tabId of store.keys()) void showBadge(tabId).catch(() => undefined);
    });
  });

  async function createMenus(s?: Settings) {
    const t = translator(uiLanguage((s ?? (await loadSettings())).language, [navigator.language]));
    await browser.contextMenus.removeAll();
    browser.contextMenus.create({ id: MENU_SELECTION, title: t('ui.menu.selection'), contexts: ['selection'] });
    browser.contextMenus.create({ id: MENU_PAGE, title: t('ui.menu.page'), contexts: ['page'] });
  }
  browser.runtime.onInstalled.addListener(() => void createMenus());
  browser.runtime.onStartup?.addListener(() => void createMenus());
  // Review states and the ad index follow the retention of results: gone with the last session
  // (at the next start), or pruned by age (at each start and when the setting changes).
  browser.runtime.onStartup?.addListener(() => void pruneKept(true));
  async function pruneKept(atStart: boolean) {
    const s = await loadSettings();
    if (s.retentionDays <= 0) {
      if (!atStart) return; // "this session only": what this session found stays until it ends
      await storage.removeItem(REVIEWS_KEY);
      await adIndex().clear();
      return;
    }
    await storage.setItem(REVIEWS_KEY, prunedReviews(readReviews(await storage.getItem(REVIEWS_KEY)), s.retentionDays, Date.now()));
    await adIndex().pruneBefore(Date.now() - s.retentionDays * 24 * 3600 * 1000);
  }

  browser.contextMenus.onClicked.addListener((info, tab) => void runMenuCommand(info, tab));
  // The end-to-end tests run the commands from the worker (a headless browser has no context menu
  // to click); the worker's global scope is the extension's own, out of any page's reach.
  (globalThis as { telltaleMenuCommand?: typeof runMenuCommand }).telltaleMenuCommand = runMenuCommand;
});
