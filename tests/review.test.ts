/**
 * The side panel's review queue without a browser: building it from the tabs' results (scored ads
 * only, by level then score, each ad once), the filters, review states and their retention, the
 * keyboard, and the CSV and JSONL exports (the README's columns, RFC 4180 quoting, the formula guard).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Assessment, Level } from '../src/engine/types.js';
import type { PageResults, ScoredAd, TabPage } from '../src/messages/handle.js';
import { CSV_COLUMNS, guardCell, toCsv, toJsonl } from '../src/review/export.js';
import { buildQueue, filterQueue, indicatorsIn, NO_FILTER, reviewKey } from '../src/review/queue.js';
import { MAX_REVIEWS, prunedReviews, readReviews, reviewState, withReview, type ReviewStates } from '../src/storage/reviews.js';
import { keyAction, moved } from '../src/ui/sidepanel/keys.js';

const assessment = (level: Level, score: number, flags: [string, string][] = []): Assessment => ({
  level, score, lang: 'en', langConfidence: 1, mitigations: [], contexts: [], rulesVersion: 'rules-9',
  flags: flags.map(([rule, match]) => ({ rule, match, category: 'labour_recruitment', weight: 10, contribution: 10, spans: [] })),
});
const ad = (title: string, url: string | undefined, a: Assessment | null): ScoredAd => ({
  title, ...(url ? { url } : {}), category: a ? 'job' : 'non-job', extractor: 'test', kind: url ? 'card' : 'detail', assessment: a,
});
const tab = (tabId: number, url: string, ads: ScoredAd[]): TabPage => ({ tabId, page: { url, kind: 'listing', ads, notes: {} } as PageResults });

// Invented ads on invented pages.
const TABS = [
  tab(1, 'https://board.example/jobs', [
    ad('Warehouse work abroad', 'https://board.example/ad/1', assessment('low', 20, [['employer_unidentified', ''], ['accommodation_transport_provided', 'housing provided']])),
    ad('Used car', 'https://board.example/ad/2', null),
    ad('Hostess wanted abroad', 'https://board.example/ad/3', assessment('high', 80, [['recruitment_fee', 'fee of 300 EUR'], ['employer_unidentified', '']])),
    ad('Office clerk', 'https://board.example/ad/4', assessment('none', 0)),
  ]),
  tab(2, 'https://other.example/offer', [
    ad('Fruit picking, housing arranged', undefined, assessment('elevated', 45, [['accommodation_transport_provided', 'housing arranged']])),
    ad('Hostess wanted abroad', 'https://board.example/ad/3', assessment('high', 70, [['recruitment_fee', 'fee']])),
    ad('Kitchen help', 'https://other.example/ad/9', assessment('low', 35, [['vague_job_details', 'easy work']])),
  ]),
];

describe('the review queue', () => {
  const queue = buildQueue(TABS);

  it('lists the scored ads of every tab by level, then score, each ad once (the riskier reading)', () => {
    expect(queue.map((i) => [i.title, i.level, i.score])).toEqual([
      ['Hostess wanted abroad', 'high', 80],
      ['Fruit picking, housing arranged', 'elevated', 45],
      ['Kitchen help', 'low', 35],
      ['Warehouse work abroad', 'low', 20],
      ['Office clerk', 'none', 0],
    ]);
    expect(queue[0]).toMatchObject({ tabId: 1, key: 'https://board.example/ad/3', rules: ['recruitment_fee', 'employer_unidentified'], words: ['fee of 300 EUR'] });
  });

  it('keys an ad without its own address by the page and its title', () => {
    expect(queue[1]!.key).toBe(reviewKey('https://other.example/offer', { title: 'Fruit picking, housing arranged' }));
    expect(queue[1]!.key).not.toBe(reviewKey('https://other.example/offer', { title: 'Kitchen help' }));
  });

  it('filters by level, by sign and by review state', () => {
    const states = withReview({}, 'https://other.example/ad/9', 'escalated', 1);
    const titles = (f: Partial<typeof NO_FILTER>) => filterQueue(queue, { ...NO_FILTER, ...f }, states).map((i) => i.title);
    expect(titles({})).toHaveLength(5);
    expect(titles({ levels: ['high', 'elevated'] })).toEqual(['Hostess wanted abroad', 'Fruit picking, housing arranged']);
    expect(titles({ indicator: 'accommodation_transport_provided' })).toEqual(['Fruit picking, housing arranged', 'Warehouse work abroad']);
    expect(titles({ state: 'escalated' })).toEqual(['Kitchen help']);
    expect(titles({ state: 'new', levels: ['low'] })).toEqual(['Warehouse work abroad']);
    expect(titles({ levels: [] })).toEqual([]);
  });

  it('offers the signs present, most frequent first', () => {
    expect(indicatorsIn(queue)).toEqual(['accommodation_transport_provided', 'employer_unidentified', 'recruitment_fee', 'vague_job_details']);
  });
});

describe('review states', () => {
  const DAY = 24 * 3600 * 1000;
  it('are "new" until set, and setting "new" removes the entry', () => {
    let s: ReviewStates = {};
    expect(reviewState(s, 'a')).toBe('new');
    s = withReview(s, 'a', 'reviewed', 5);
    expect(s).toEqual({ a: { state: 'reviewed', at: 5 } });
    s = withReview(s, 'a', 'dismissed', 6);
    expect(reviewState(s, 'a')).toBe('dismissed');
    expect(withReview(s, 'a', 'new', 7)).toEqual({});
  });

  it('read a stored value entry by entry, dropping what is not a state', () => {
    expect(readReviews({ a: { state: 'escalated', at: 1 }, b: { state: 'new', at: 1 }, c: { state: 'burnt', at: 1 }, d: { state: 'reviewed' }, e: 'x' })).toEqual({ a: { state: 'escalated', at: 1 } });
    expect(readReviews(null)).toEqual({});
    expect(readReviews('broken')).toEqual({});
  });

  it('are pruned by the retention in days and capped', () => {
    const now = 100 * DAY;
    const s = { old: { state: 'reviewed' as const, at: now - 8 * DAY }, recent: { state: 'escalated' as const, at: now - DAY } };
    expect(Object.keys(prunedReviews(s, 7, now))).toEqual(['recent']);
    expect(Object.keys(prunedReviews(s, 0, now))).toEqual(['old', 'recent']);
    const many = Object.fromEntries(Array.from({ length: MAX_REVIEWS + 3 }, (_, i) => [`k${i}`, { state: 'reviewed' as const, at: now - i }]));
    const capped = prunedReviews(many, 30, now);
    expect(Object.keys(capped)).toHaveLength(MAX_REVIEWS);
    expect(capped).toHaveProperty('k0');
    expect(capped).not.toHaveProperty(`k${MAX_REVIEWS + 2}`);
  });
});

describe('the queue keyboard', () => {
  it('moves with j/k and the arrows, opens with Enter and sets states with r, e, d, n', () => {
    expect(keyAction({ key: 'j' })).toEqual({ move: 1 });
    expect(keyAction({ key: 'ArrowUp' })).toEqual({ move: -1 });
    expect(keyAction({ key: 'End' })).toEqual({ move: 'last' });
    expect(keyAction({ key: 'Enter' })).toEqual({ open: true });
    expect(['r', 'e', 'd', 'n'].map((key) => keyAction({ key }))).toEqual([{ state: 'reviewed' }, { state: 'escalated' }, { state: 'dismissed' }, { state: 'new' }]);
  });
  it("leaves the browser's shortcuts and other keys alone", () => {
    expect(keyAction({ key: 'r', ctrlKey: true })).toBeUndefined();
    expect(keyAction({ key: 'd', metaKey: true })).toBeUndefined();
    expect(keyAction({ key: 'x' })).toBeUndefined();
    expect(keyAction({ key: 'toString' })).toBeUndefined();
  });
  it('stays within the list', () => {
    expect(moved(0, -1, 3)).toBe(0);
    expect(moved(2, 1, 3)).toBe(2);
    expect(moved(1, 1, 3)).toBe(2);
    expect(moved(1, 'first', 3)).toBe(0);
    expect(moved(0, 'last', 3)).toBe(2);
    expect(moved(0, 1, 0)).toBe(-1);
  });
});

describe('export', () => {
  const queue = buildQueue(TABS);
  const states = withReview({}, 'https://board.example/ad/3', 'escalated', 1);

  it('CSV export has the documented columns', () => {
    const csv = toCsv(queue, states);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const header = csv.slice(1).split('\r\n')[0];
    expect(header).toBe('level,score,review_state,title,ad_url,page_url,indicators,matched_words,related_ads,rules_version,scored_at');
    expect(header).toBe(CSV_COLUMNS.join(','));
    // The README documents the same columns, in this order.
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain('`' + CSV_COLUMNS.join('`, `') + '`');
  });

  it('writes one record per ad as RFC 4180 (CRLF, quotes where needed) that a CSV reader reads back', () => {
    const tricky = buildQueue([tab(3, 'https://x.example/', [ad('Pay "8000", housing\nand food', 'https://x.example/a', assessment('low', 10, [['pay_too_good', 'pay, "8000"']]))])]);
    const csv = toCsv([...queue, ...tricky], states);
    expect(csv).toContain('"Pay ""8000"", housing\nand food"');
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(6);
    expect(rows[0]).toEqual({
      level: 'high', score: '80', review_state: 'escalated', title: 'Hostess wanted abroad', ad_url: 'https://board.example/ad/3', page_url: 'https://board.example/jobs',
      indicators: 'recruitment_fee;employer_unidentified', matched_words: 'fee of 300 EUR', related_ads: '', rules_version: 'rules-9', scored_at: '',
    });
    expect(rows[1]).toMatchObject({ ad_url: '', page_url: 'https://other.example/offer', review_state: 'new' });
    expect(rows[5]).toMatchObject({ title: 'Pay "8000", housing\nand food', matched_words: 'pay, "8000"' });
  });

  it('names the other ads of cross-ad signs, and when the ad was scored', () => {
    const a = assessment('low', 20, [['shared_contact_different_names', '600 111 222'], ['near_duplicate_text', '']]);
    a.flags[0]!.related = [{ url: 'https://x.example/b', poster: 'Kasia', contacts: ['tel:+48600111222'] }, { url: 'https://x.example/c', contacts: ['tel:+48600111222'] }];
    a.flags[1]!.related = [{ url: 'https://x.example/b', similarity: 0.91 }];
    const item = buildQueue([tab(5, 'https://x.example/', [{ ...ad('Hostessy', 'https://x.example/a', a), scoredAt: '2026-12-07T06:00:00.000Z' }])]);
    const [row] = parse(toCsv(item, {}), { bom: true, columns: true }) as Record<string, string>[];
    expect(row).toMatchObject({ related_ads: 'https://x.example/b https://x.example/c', scored_at: '2026-12-07T06:00:00.000Z' });
    expect(JSON.parse(toJsonl(item, {})).related_ads).toEqual(['https://x.example/b', 'https://x.example/c']);
  });

  it('guards cells a spreadsheet would run as a formula', () => {
    expect(['=HYPERLINK("x")', '+48 600', '-1+2', '@SUM(A1)', '\t=1', 'Plain', ''].map(guardCell)).toEqual(["'=HYPERLINK(\"x\")", "'+48 600", "'-1+2", "'@SUM(A1)", "'\t=1", 'Plain', '']);
    const evil = buildQueue([tab(4, 'https://x.example/', [ad('=cmd|"/c calc"!A1', 'https://x.example/e', assessment('low', 5, [['contact_only_mobile_or_messenger', '+48 600 000 000']]))])]);
    const row = (parse(toCsv(evil, {}), { bom: true, columns: true }) as Record<string, string>[])[0]!;
    expect(row.title).toBe('\'=cmd|"/c calc"!A1');
    expect(row.matched_words).toBe("'+48 600 000 000");
    expect(row.score).toBe('5');
  });

  it('writes JSONL: one object per ad with the same fields, lists as arrays', () => {
    const lines = toJsonl(queue, states).trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(5);
    expect(Object.keys(lines[0]!)).toEqual([...CSV_COLUMNS]);
    expect(lines[0]).toMatchObject({ level: 'high', score: 80, review_state: 'escalated', indicators: ['recruitment_fee', 'employer_unidentified'], matched_words: ['fee of 300 EUR'] });
    expect(toJsonl([], {})).toBe('');
  });
});
