/** The side panel's wiring (Chrome's side panel, Firefox's sidebar): the browser's APIs for ReviewQueue (src/ui/sidepanel/). */
import { render } from 'preact';
import { z } from 'zod';
import type { Response, TabPage } from '../../src/messages/handle';
import type { QueueItem } from '../../src/review/queue';
import { prunedReviews, readReviews, REVIEWS_KEY, withReview, type ReviewState } from '../../src/storage/reviews';
import { loadSettings } from '../../src/storage/settings-item';
import { ReviewQueue, type SidePanelApi } from '../../src/ui/sidepanel/ReviewQueue';

z.config({ jitless: true });

async function main() {
  const { id: windowId } = await browser.windows.getCurrent();
  const api: SidePanelApi = {
    windowResults: async () => {
      if (windowId === undefined) return [];
      const r = (await browser.runtime.sendMessage({ type: 'window-results', windowId })) as Response;
      return r.ok && 'tabs' in r ? (r.tabs as TabPage[]) : [];
    },
    reviews: async () => readReviews(await storage.getItem(REVIEWS_KEY)),
    setReview: async (key: string, state: ReviewState) => {
      const now = Date.now();
      const s = await loadSettings();
      await storage.setItem(REVIEWS_KEY, prunedReviews(withReview(readReviews(await storage.getItem(REVIEWS_KEY)), key, state, now), s.retentionDays, now));
    },
    open: async (item: QueueItem) => {
      try {
        const tab = await browser.tabs.update(item.tabId, { active: true });
        if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
        if (item.kind === 'card' && item.adUrl) await browser.tabs.sendMessage(item.tabId, { type: 'telltale-show-card', url: item.adUrl }).catch(() => undefined);
      } catch {
        // The tab was closed meanwhile: the ad opens in a new one.
        if (item.adUrl) await browser.tabs.create({ url: item.adUrl, ...(windowId !== undefined ? { windowId } : {}) });
      }
    },
    settings: loadSettings,
    browserLanguages: navigator.languages?.length ? navigator.languages : [navigator.language],
    onChange: (listener) => {
      // Session storage mirrors each tab's results; local holds the review states and the settings.
      const onChanged = (_changes: unknown, area: string) => {
        if (area === 'session' || area === 'local') listener();
      };
      browser.storage.onChanged.addListener(onChanged);
      return () => browser.storage.onChanged.removeListener(onChanged);
    },
    download: (name, type, text) => {
      const url = URL.createObjectURL(new Blob([text], { type }));
      const a = Object.assign(document.createElement('a'), { href: url, download: name });
      document.body.append(a);
      a.click();
      a.remove();
      // Firefox still reads the blob after click() returns.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
  };
  render(<ReviewQueue api={api} />, document.getElementById('app')!);
}

void main();
