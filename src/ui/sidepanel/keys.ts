/**
 * The review queue's keyboard: move with j/k or the arrows (Home/End to the ends), Enter opens the
 * ad, and one key sets its review state. Plain keys only: with Ctrl, Alt or Meta the browser's own
 * shortcuts go through untouched.
 */
import type { ReviewState } from '../../storage/reviews';

export type QueueAction = { move: 1 | -1 | 'first' | 'last' } | { open: true } | { state: ReviewState };

const KEYS: Record<string, QueueAction> = {
  j: { move: 1 }, ArrowDown: { move: 1 }, k: { move: -1 }, ArrowUp: { move: -1 }, Home: { move: 'first' }, End: { move: 'last' },
  Enter: { open: true }, r: { state: 'reviewed' }, e: { state: 'escalated' }, d: { state: 'dismissed' }, n: { state: 'new' },
};

export function keyAction(e: { key: string; ctrlKey?: boolean; altKey?: boolean; metaKey?: boolean }): QueueAction | undefined {
  if (e.ctrlKey || e.altKey || e.metaKey) return undefined;
  return Object.hasOwn(KEYS, e.key) ? KEYS[e.key] : undefined;
}

/** The index after a move in a list of `length` items (stays put at the ends). */
export function moved(index: number, move: 1 | -1 | 'first' | 'last', length: number): number {
  if (length === 0) return -1;
  if (move === 'first') return 0;
  if (move === 'last') return length - 1;
  return Math.min(length - 1, Math.max(0, index + move));
}
