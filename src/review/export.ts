/**
 * The review queue as a file, as currently filtered: CSV for spreadsheets (RFC 4180 through
 * csv-stringify: CRLF line ends, quotes where needed; UTF-8 with a byte-order mark so that Excel
 * reads Polish, Greek or Bulgarian titles right) and JSONL for scripts. The columns are documented
 * in the README ("Review queue export"); tests/review.test.ts holds them to it.
 */
// The browser build: the Node one calls Buffer, which an extension page lacks.
import { stringify } from 'csv-stringify/browser/esm/sync';
import { reviewState, type ReviewStates } from '../storage/reviews.js';
import type { QueueItem } from './queue.js';

export const CSV_COLUMNS = ['level', 'score', 'review_state', 'title', 'ad_url', 'page_url', 'indicators', 'matched_words', 'related_ads', 'rules_version', 'scored_at'] as const;

export interface ExportRow {
  level: string;
  score: number;
  review_state: string;
  title: string;
  ad_url: string;
  page_url: string;
  indicators: string[];
  matched_words: string[];
  related_ads: string[];
  rules_version: string;
  scored_at: string;
}

export function exportRows(items: readonly QueueItem[], states: ReviewStates): ExportRow[] {
  return items.map((i) => ({
    level: i.level, score: i.score, review_state: reviewState(states, i.key), title: i.title, ad_url: i.adUrl ?? '', page_url: i.pageUrl,
    indicators: i.rules, matched_words: i.words, related_ads: i.related, rules_version: i.rulesVersion, scored_at: i.scoredAt ?? '',
  }));
}

/**
 * A text cell a spreadsheet would run as a formula (it starts with = + - @, or a tab or carriage
 * return that some spreadsheets skip before one) gets a leading apostrophe: ads are written by
 * strangers, and moderators open these files in spreadsheets.
 */
export function guardCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function toCsv(items: readonly QueueItem[], states: ReviewStates): string {
  const rows = exportRows(items, states).map((r) =>
    CSV_COLUMNS.map((c) => {
      const v = r[c];
      if (typeof v === 'number') return v;
      // Rule ids and addresses have no ";" or spaces; the words may, so they are joined by " | ".
      return guardCell(Array.isArray(v) ? v.join(c === 'matched_words' ? ' | ' : c === 'indicators' ? ';' : ' ') : v);
    }),
  );
  return stringify(rows, { bom: true, header: true, columns: [...CSV_COLUMNS], record_delimiter: 'windows' });
}

/** One JSON object per line, the same fields as the CSV with the lists as arrays. */
export function toJsonl(items: readonly QueueItem[], states: ReviewStates): string {
  return exportRows(items, states).map((r) => JSON.stringify(r) + '\n').join('');
}
