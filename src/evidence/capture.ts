/**
 * Captures the current tab as an evidence bundle: the screenshot first (before anything on the page
 * can change), then the page's HTML, title and address, with the ads and assessments the background
 * kept for the tab. The browser calls come in as functions (the popup passes the real ones), so that
 * a refusal (a chrome:// or about: page, a store page, a revoked grant) becomes a part the record
 * names with the browser's reason, never a silent gap or a failed save.
 */
import type { PageResults } from '../messages/handle.js';
import { buildBundle, evidenceFileName, type Bundle, type Refused } from './bundle.js';
import type { Part } from './format.js';

export interface CaptureSources {
  now(): Date;
  /** The tab as the popup knows it (url and title only when the browser gave them). */
  tab: { url?: string; title?: string };
  /** The background's results for the tab (tab-results), null if the page was not read. */
  page(): Promise<PageResults | null>;
  extensionVersion: string;
  rules(): Promise<{ version: string; custom: boolean }>;
  /** The visible part of the tab as a PNG data URL (tabs.captureVisibleTab). */
  screenshot(): Promise<string>;
  /** The page's own view of itself (scripting.executeScript in the tab). */
  document(): Promise<{ html: string; title: string; url: string }>;
  discreet: boolean;
}

export interface Captured {
  bundle: Bundle;
  fileName: string;
  /** The parts the record names as not captured. */
  missing: Part[];
}

const reason = (e: unknown) => ({ missing: String((e as Error)?.message ?? e) || 'refused by the browser' });

/** The bytes of a base64 data URL ("data:image/png;base64,..."). */
export function dataUrlBytes(url: string): Uint8Array {
  const comma = url.indexOf(',');
  if (!url.startsWith('data:') || comma < 0 || !url.slice(0, comma).endsWith(';base64')) throw new Error('the browser did not return a PNG data URL');
  const binary = atob(url.slice(comma + 1));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export async function captureEvidence(s: CaptureSources): Promise<Captured> {
  const capturedAt = s.now();
  const screenshot: Uint8Array | Refused = await s.screenshot().then(dataUrlBytes, reason);
  const doc = await s.document().then((d) => d, reason);
  const page = await s.page().catch(() => null);
  const seen = 'html' in doc ? doc : undefined;
  const bundle = await buildBundle({
    capturedAt,
    url: seen?.url ?? s.tab.url ?? page?.url ?? '',
    title: seen?.title ?? s.tab.title ?? page?.title ?? null,
    page,
    extensionVersion: s.extensionVersion,
    rules: await s.rules(),
    screenshot,
    html: seen ? seen.html : (doc as Refused),
  });
  const missing = (Object.keys(bundle.record.files) as Part[]).filter((p) => 'missing' in bundle.record.files[p]);
  return { bundle, fileName: evidenceFileName(capturedAt, s.discreet), missing };
}
