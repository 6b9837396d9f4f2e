/**
 * What Telltale keeps besides the settings, and the rules for keeping it: a custom rule pack, and
 * (only when the user chose a retention in days) the results of checked pages past the browser
 * session, dropped when older than the retention. "Delete everything" removes both and the session's
 * results.
 */
import type { PageResults } from '../messages/handle.js';

export const PACK_KEY = 'local:rulePack' as const;
export const RESULTS_KEY = 'local:keptResults' as const;

/** Kept results by page URL, with when they were saved (ms since 1970). */
export type KeptResults = Record<string, { savedAt: number; page: PageResults }>;

/** How many pages are kept at most, whatever the retention (oldest dropped first). */
export const MAX_KEPT_PAGES = 500;
const DAY = 24 * 3600 * 1000;

/** The kept results after adding `page` (if given) and dropping what the retention no longer allows. */
export function keptResults(kept: KeptResults, retentionDays: number, now: number, page?: PageResults): KeptResults {
  if (retentionDays <= 0) return {};
  const entries = Object.entries(kept).filter(([, v]) => v && typeof v.savedAt === 'number' && now - v.savedAt <= retentionDays * DAY);
  if (page) {
    const i = entries.findIndex(([url]) => url === page.url);
    if (i >= 0) entries.splice(i, 1);
    // The ads' texts serve the evidence bundle of the open tab only: the copy kept past the session
    // holds the assessments without them (less kept, and far from the storage quota).
    entries.push([page.url, { savedAt: now, page: { ...page, ads: page.ads.map(({ text: _text, ...ad }) => ad) } }]);
  }
  entries.sort((a, b) => a[1].savedAt - b[1].savedAt);
  return Object.fromEntries(entries.slice(-MAX_KEPT_PAGES));
}
