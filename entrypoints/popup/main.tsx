/** The popup's wiring: the browser's APIs for the Popup component (src/ui/popup/). */
import { render } from 'preact';
import { z } from 'zod';
import { countryOfHost } from '../../src/extract/adapter';
import type { PageResults, Response } from '../../src/messages/handle';
import { loadSettings, saveSettings } from '../../src/storage/settings-item';
import { Popup, type PopupApi } from '../../src/ui/popup/Popup';

z.config({ jitless: true });

async function main() {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  let siteCountry: string | undefined;
  try {
    if (tab?.url) siteCountry = countryOfHost(new URL(tab.url).hostname);
  } catch {
    // not a web page
  }
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
  };
  render(<Popup api={api} />, document.getElementById('app')!);
}

void main();
