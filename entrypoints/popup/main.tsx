/** The popup's wiring: the browser's APIs for the Popup component (src/ui/popup/). */
import { render } from 'preact';
import { z } from 'zod';
import { captureEvidence } from '../../src/evidence/capture';
import { countryOfHost } from '../../src/extract/adapter';
import type { PageResults, Response } from '../../src/messages/handle';
import { loadSettings, saveSettings } from '../../src/storage/settings-item';
import { offerDownload } from '../../src/ui/download';
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
  const tabResults = async () => {
    if (tab?.id === undefined) return null;
    const r = (await browser.runtime.sendMessage({ type: 'tab-results', tabId: tab.id })) as Response;
    return r.ok && 'page' in r ? (r.page as PageResults | null) : null;
  };
  const api: PopupApi = {
    tabResults,
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
    // The toolbar click that opened the popup granted activeTab: the screenshot and the page's HTML
    // of this tab can be taken now, from here, with no host permission (src/evidence/capture.ts).
    saveEvidence: async () => {
      const { bundle, fileName, missing } = await captureEvidence({
        now: () => new Date(),
        tab: { ...(tab?.url ? { url: tab.url } : {}), ...(tab?.title ? { title: tab.title } : {}) },
        page: tabResults,
        extensionVersion: browser.runtime.getManifest().version,
        rules: async () => {
          const r = (await browser.runtime.sendMessage({ type: 'pack-info' })) as { custom?: boolean; version?: string };
          return { version: r.version ?? 'unknown', custom: r.custom === true };
        },
        screenshot: async () => {
          if (tab?.windowId === undefined) throw new Error('no tab');
          return browser.tabs.captureVisibleTab(tab.windowId, { format: 'png' });
        },
        document: async () => {
          if (tab?.id === undefined) throw new Error('no tab');
          const [r] = await browser.scripting.executeScript({
            target: { tabId: tab.id },
            func: () => ({ html: document.documentElement.outerHTML, title: document.title, url: location.href }),
          });
          if (!r?.result) throw new Error('the page gave no document');
          return r.result as { html: string; title: string; url: string };
        },
        discreet: (await loadSettings()).discreet,
      });
      offerDownload(fileName, new Blob([bundle.zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
      return { fileName, fingerprint: bundle.recordSha256, missing };
    },
  };
  render(<Popup api={api} />, document.getElementById('app')!);
}

void main();
