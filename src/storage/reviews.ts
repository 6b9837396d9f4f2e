/**
 * A moderator's review state of each ad in the side panel's queue (new, reviewed, escalated,
 * dismissed), kept in the extension's local storage under one key and nowhere else. "New" is the
 * absence of an entry, so that an ad nobody touched costs nothing. The states follow the retention
 * setting of checked pages' results: for the browser session by default (the background clears them
 * when the browser starts), else for that many days; "delete everything" removes them.
 */

export const REVIEW_STATES = ['new', 'reviewed', 'escalated', 'dismissed'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const REVIEWS_KEY = 'local:reviewStates' as const;

/** States by review key (src/review/queue.ts reviewKey), with when they were set (ms since 1970). */
export type ReviewStates = Record<string, { state: Exclude<ReviewState, 'new'>; at: number }>;

/** How many states are kept at most, whatever the retention (oldest dropped first). */
export const MAX_REVIEWS = 5_000;
const DAY = 24 * 3600 * 1000;

const isKept = (v: unknown): v is ReviewStates[string] =>
  !!v && typeof v === 'object' && (v as { state?: unknown }).state !== 'new' && REVIEW_STATES.includes((v as { state: ReviewState }).state) && typeof (v as { at?: unknown }).at === 'number';

/** A stored value read entry by entry: what is not a valid state is dropped, never an error. */
export function readReviews(stored: unknown): ReviewStates {
  if (!stored || typeof stored !== 'object') return {};
  return Object.fromEntries(Object.entries(stored).filter(([k, v]) => k.length <= 8_000 && isKept(v))) as ReviewStates;
}

export function reviewState(states: ReviewStates, key: string): ReviewState {
  return states[key]?.state ?? 'new';
}

/** The states after setting one ad's ("new" removes its entry). */
export function withReview(states: ReviewStates, key: string, state: ReviewState, now: number): ReviewStates {
  const { [key]: _old, ...rest } = states;
  return state === 'new' ? rest : { ...rest, [key]: { state, at: now } };
}

/** The states the retention allows: those set within `retentionDays` (0: the session, kept here), at most MAX_REVIEWS. */
export function prunedReviews(states: ReviewStates, retentionDays: number, now: number): ReviewStates {
  const entries = Object.entries(states).filter(([, v]) => retentionDays <= 0 || now - v.at <= retentionDays * DAY);
  entries.sort((a, b) => a[1].at - b[1].at);
  return Object.fromEntries(entries.slice(-MAX_REVIEWS));
}
