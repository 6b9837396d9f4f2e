/**
 * The background: scores what the content scripts extract (the engine runs here, once per ad), keeps
 * each tab's results for the popup (in session storage, which outlives the service worker's naps but
 * not the browser session), and offers two context-menu commands on any page: check the selected
 * text, and scan the whole page with the generic pipeline. Thin wiring: the logic is in src/.
 */
import { z } from 'zod';
import { handleMessage, type PageResults, type TabStore } from '../src/messages/handle';
import { inspectMenu, MENU_PAGE, MENU_SELECTION } from '../src/messages/menus';

// zod must not compile validators with `new Function` under the extension's content security policy.
z.config({ jitless: true });

const tabKey = (tabId: number) => `session:tab-${tabId}` as const;

/** A context-menu command on a tab: check the selected text, or scan the whole page. */
async function runMenuCommand(info: { menuItemId: string | number; selectionText?: string }, tab?: { id?: number; url?: string }): Promise<void> {
  if (!tab?.id || tab.id < 0) return;
  const tabId = tab.id;
  // The command's click grants activeTab: the inspect script can run on this page, and only now.
  await browser.scripting.executeScript({ target: { tabId }, files: ['/inspect.js'] });
  if (info.menuItemId === MENU_SELECTION) {
    const ad = { text: (info.selectionText ?? '').slice(0, 100_000), ...(tab.url ? { url: tab.url.slice(0, 4_000) } : {}) };
    const response = handleMessage({ type: 'assess', ad });
    if (!response.ok || !('assessment' in response)) return;
    await browser.tabs.sendMessage(tabId, { type: 'telltale-show-check', assessment: response.assessment, notes: response.notes });
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

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    // The tab is the one the browser names as the sender, never one a page claims.
    const tabId = sender.tab?.id;
    const asked = (message as { type?: unknown; tabId?: unknown } | null)?.type === 'tab-results' ? (message as { tabId?: unknown }).tabId : tabId;
    // Results of other tabs are for the extension's own pages (the popup), not for a page's script.
    if ((message as { type?: unknown } | null)?.type === 'tab-results' && sender.tab) {
      sendResponse({ ok: false, error: 'tab-results: only for extension pages' });
      return false;
    }
    void (async () => {
      if (typeof asked === 'number') await load(asked).catch(() => undefined);
      const response = handleMessage(message, { tabId, store });
      if (tabId !== undefined && response.ok && 'results' in response && store.has(tabId)) {
        await storage.setItem(tabKey(tabId), store.get(tabId)!).catch(() => undefined);
      }
      sendResponse(response);
    })();
    return true; // answered asynchronously
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    store.delete(tabId);
    void storage.removeItem(tabKey(tabId));
  });

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.removeAll().then(() => {
      browser.contextMenus.create({ id: MENU_SELECTION, title: inspectMenu.selection, contexts: ['selection'] });
      browser.contextMenus.create({ id: MENU_PAGE, title: inspectMenu.page, contexts: ['page'] });
    });
  });

  browser.contextMenus.onClicked.addListener((info, tab) => void runMenuCommand(info, tab));
  // The end-to-end tests run the commands from the worker (a headless browser has no context menu
  // to click); the worker's global scope is the extension's own, out of any page's reach.
  (globalThis as { telltaleMenuCommand?: typeof runMenuCommand }).telltaleMenuCommand = runMenuCommand;
});
