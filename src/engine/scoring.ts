/**
 * Scoring: from flags and mitigations to a 0-100 score and a level, with every point explained.
 *
 * Research on real work-abroad ads (VOLODKO_2020) found at least one indicator in 98% of them, so:
 * - each flag starts from its rule's weight (WEIGHTS in rule-schema.ts), raised by its `boost` when
 *   the combination the catalogue names is present;
 * - combinations count: with n scored flags every contribution is multiplied by 1 + 0.15 (n - 1),
 *   at most 1.9, where two common signs count as one;
 * - signs that are common in ordinary ads (`common: true`) can on their own never take an ad past
 *   "low", however many there are;
 * - mitigating facts remove points, but never more than half of what the flags add, so boilerplate
 *   ("we are a registered company") cannot hide a demand for a fee;
 * - contributions are scaled so that they add up to the score.
 */
import type { Flag, Level } from './types.js';

export const LEVEL_FLOOR: Record<Exclude<Level, 'none'>, number> = { low: 1, elevated: 30, high: 55 };
const COMBINATION_STEP = 0.15;
const COMBINATION_MAX = 1.9;
const MITIGATION_SHARE = 0.5;
const COMMON_ONLY_CAP = LEVEL_FLOOR.elevated - 1;

export interface ScoredFlag extends Flag {
  common: boolean;
}

export function levelFor(score: number): Level {
  if (score >= LEVEL_FLOOR.high) return 'high';
  if (score >= LEVEL_FLOOR.elevated) return 'elevated';
  if (score >= LEVEL_FLOOR.low) return 'low';
  return 'none';
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Fills in `contribution` on flags and mitigations and returns the score and level. */
export function score(flags: ScoredFlag[], mitigations: Flag[]): { score: number; level: Level } {
  const scored = flags.filter((f) => f.weight > 0);
  const n = scored.length;
  // Two common signs count as one sign towards the combination.
  const strongish = scored.filter((f) => !f.common).length;
  const combined = strongish + Math.floor((n - strongish) / 2);
  const factor = combined > 1 ? Math.min(COMBINATION_MAX, 1 + COMBINATION_STEP * (combined - 1)) : 1;
  let positive = 0;
  for (const f of flags) {
    f.contribution = f.weight > 0 ? f.weight * factor : 0;
    positive += f.contribution;
  }
  // Only common signs: cap below "elevated", scaling each contribution by the same share.
  if (n > 0 && scored.every((f) => f.common) && positive > COMMON_ONLY_CAP) {
    const k = COMMON_ONLY_CAP / positive;
    for (const f of flags) f.contribution *= k;
    positive = COMMON_ONLY_CAP;
  }
  const wanted = mitigations.reduce((s, m) => s + m.weight, 0);
  const applied = Math.min(wanted, positive * MITIGATION_SHARE);
  for (const m of mitigations) m.contribution = wanted > 0 ? -round1((m.weight / wanted) * applied) : 0;
  const raw = Math.max(0, Math.min(100, positive - applied));
  const total = Math.round(raw);
  // The score is capped at 100: scale contributions so that they still add up to it.
  if (positive - applied > 100) {
    const k = 100 / (positive - applied);
    for (const f of flags) f.contribution *= k;
    for (const m of mitigations) m.contribution = round1(m.contribution * k);
  }
  for (const f of flags) f.contribution = round1(f.contribution);
  return { score: total, level: n === 0 ? 'none' : levelFor(total) };
}
