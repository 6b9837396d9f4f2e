/**
 * Injected on demand into any page through activeTab (the context menu's two commands), never
 * registered for a site: scans the page with the whole pipeline, readability included, or shows the
 * check of the selected text. The background sends the command after injecting it.
 */
import { z } from 'zod';
import { ADAPTERS } from '../src/extract/adapters/index';
import { categoryOfUrl } from '../src/extract/not-ad';
import { extractPage } from '../src/extract/pipeline';
import { fromReadability } from '../src/extract/readability';
import { InspectCommand } from '../src/messages/commands';
import { runOnPage } from '../src/page/run';
import { showCheckPanel } from '../src/ui/check-panel';
import { highlightAd, attachTooltip } from '../src/ui/markers';

declare global {
  interface Window {
    __telltaleInspect?: boolean;
  }
}

export default defineUnlistedScript(() => {
  // zod must not compile validators with `new Function` under a page's content security policy.
  z.config({ jitless: true });
  if (window.__telltaleInspect) return;
  window.__telltaleInspect = true;
  let scanning = false;
  browser.runtime.onMessage.addListener((message: unknown) => {
    const command = InspectCommand.safeParse(message);
    if (!command.success) return;
    const c = command.data;
    if (c.type === 'telltale-scan-page') {
      if (scanning) return;
      scanning = true;
      void runOnPage({ extract: (doc, url) => extractPage(doc, url, { adapters: ADAPTERS, readability: fromReadability, categoryOfUrl }) });
      return;
    }
    // The words checked are most likely in the selection's block: highlight them there too.
    const selection = window.getSelection();
    const container = selection && selection.rangeCount ? selection.getRangeAt(0).commonAncestorContainer : undefined;
    const block = container ? (container.nodeType === 1 ? (container as Element) : container.parentElement) : null;
    if (block) attachTooltip(document, highlightAd(block, c.assessment), c.notes, undefined, c.labels);
    showCheckPanel(document, c.assessment, c.notes, c.labels);
  });
});
