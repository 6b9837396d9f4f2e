/** The popup's wiring: the browser's APIs for the Popup component (src/ui/popup/). */
import { render } from 'preact';
import { z } from 'zod';
import { countryOfHost } from '../../src/extract/adapter';
import type { PageResults, Response } from '../../src/messages/handle';
import { loadSettings, saveSettings } from '../../src/storage/settings-item';
import { Popup, type PopupApi } from '../../src/ui/popup/Popup';

z.config({ jitless: true });

/**
 * Opens the review queue: Chrome's side panel of the window, or Firefox's sidebar. Called straight
 * from the click, since both browsers open a panel only in answer to a user's gesture.
 */
function queueOpener(windowId: number | undefined): (() => void) | undefined {
  const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  if (sidebar) return () => void sidebar.open().then(() => window.close(), () => undefined);
  const panel = (browser as unknown as { sidePanel?: { open(o: { windowId: number }): Promise<void> } }).sidePanel;
  if (panel && windowId !== undefined) return () => void panel.open({ windowId }).then(() => window.close(), () => undefined);
  return undefined;
}

async function main() {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  let siteCountry: string | undefined;
  try {
    if (tab?.url) siteCountry = countryOfHost(new URL(tab.url).hostname);
  } catch {
    // not a web page
  }
  const openQueue = queueOpener(tab?.windowId);
  const api: PopupApi = {
    tabResults: async () => {
      if (tab?.id === undefined) return null;
      const r = (await browser.runtime.sendMessage({ type: 'tab-results', tabId: tab.id })) as Response;
      return r.ok && 'page' in r ? (r.page as PageResults | null) : null;
    },
    assess: (text) => browser.runtime.sendMessage({ type: 'assess', ad: { text: text.slice(0, 100_000), ...(siteCountry ? { country: siteCountry } : {}) } }) as Promise<Response>,
    showCard: async (url) => {
      if (tab?.id === undefined) return;
      await browser.tabs.sendMessage(tab.id, { type: 'telltale-show-card', url }).catch(() => undefined);
      window.close();
    },
    showReport: async () => {
      if (tab?.id === undefined) return;
      await browser.tabs.sendMessage(tab.id, { type: 'telltale-show-report' }).catch(() => undefined);
      window.close();
    },
    settings: loadSettings,
    saveSettings: async (patch) => {
      await saveSettings(patch);
    },
    browserLanguages: navigator.languages?.length ? navigator.languages : [navigator.language],
    ...(siteCountry ? { siteCountry } : {}),
    openOptions: () => void browser.runtime.openOptionsPage(),
    ...(openQueue ? { openQueue } : {}),
  };
  render(<Popup api={api} />, document.getElementById('app')!);
}

void main();
