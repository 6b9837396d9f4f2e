/**
 * The side panel's review queue: every scored ad of the tabs of a window, most warning signs first,
 * and the filters a moderator narrows it with. Pure functions over what the background keeps per tab
 * (PageResults), so that the tests need no browser.
 */
import { LEVEL_RANK, type Level } from '../engine/types.js';
import type { TabPage } from '../messages/handle.js';
import { reviewState, type ReviewState, type ReviewStates } from '../storage/reviews.js';

export const LEVELS: readonly Level[] = ['high', 'elevated', 'low', 'none'];

export interface QueueItem {
  /** What the review state is kept under (reviewKey). */
  key: string;
  tabId: number;
  pageUrl: string;
  adUrl?: string;
  title: string;
  /** A listing's card (shown on its page) or the ad of a detail page. */
  kind: 'detail' | 'card';
  level: Level;
  score: number;
  /** The signs' rule ids, strongest first as the engine lists them. */
  rules: string[];
  /** The words that raised each sign (in the order of `rules`, empty ones left out). */
  words: string[];
  rulesVersion: string;
  /** When the background scored it (ISO 8601, UTC), if known. */
  scoredAt?: string;
  /** The other ads of its cross-ad signs (src/network/), by address, each once. */
  related: string[];
}

/**
 * An ad's identity across tabs and reloads: its own address, or (a pasted or inspected page's ad
 * without one) the page's address and the ad's title.
 */
export function reviewKey(pageUrl: string, ad: { url?: string; title: string }): string {
  return ad.url || `${pageUrl}\n${ad.title}`;
}

const byRisk = (a: QueueItem, b: QueueItem) => LEVEL_RANK[b.level] - LEVEL_RANK[a.level] || b.score - a.score;

/**
 * The queue of a window's tabs: scored ads only (non-job classifieds have no assessment and are not
 * part of a risk review), sorted by level then score, each ad once even when two tabs show it.
 */
export function buildQueue(tabs: readonly TabPage[]): QueueItem[] {
  const items: QueueItem[] = [];
  for (const { tabId, page } of tabs) {
    for (const ad of page.ads) {
      const a = ad.assessment;
      if (!a) continue;
      items.push({
        key: reviewKey(page.url, ad), tabId, pageUrl: page.url, ...(ad.url ? { adUrl: ad.url } : {}),
        title: ad.title, kind: ad.kind, level: a.level, score: a.score,
        rules: a.flags.map((f) => f.rule), words: a.flags.map((f) => f.match).filter(Boolean), rulesVersion: a.rulesVersion,
        ...(ad.scoredAt ? { scoredAt: ad.scoredAt } : {}),
        related: [...new Set(a.flags.flatMap((f) => (f.related ?? []).flatMap((r) => (r.url ? [r.url] : []))))],
      });
    }
  }
  const seen = new Set<string>();
  // Sorted first, so that of an ad shown twice the riskier reading stays.
  return items.sort(byRisk).filter((i) => !seen.has(i.key) && seen.add(i.key));
}

export interface QueueFilter {
  levels: readonly Level[];
  /** A rule id the ads must show, or '' for any. */
  indicator: string;
  state: ReviewState | 'all';
}

export const NO_FILTER: Readonly<QueueFilter> = { levels: LEVELS, indicator: '', state: 'all' };

export function filterQueue(items: readonly QueueItem[], filter: QueueFilter, states: ReviewStates): QueueItem[] {
  return items.filter(
    (i) =>
      filter.levels.includes(i.level) &&
      (filter.indicator === '' || i.rules.includes(filter.indicator)) &&
      (filter.state === 'all' || reviewState(states, i.key) === filter.state),
  );
}

/** The signs present in the queue, most frequent first (for the indicator filter). */
export function indicatorsIn(items: readonly QueueItem[]): string[] {
  const counts = new Map<string, number>();
  for (const i of items) for (const r of new Set(i.rules)) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([r]) => r);
}
