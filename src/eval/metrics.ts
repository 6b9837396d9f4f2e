/** Small, tested metric helpers for `npm run eval`. */

export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export function confusion(pairs: { truth: boolean; predicted: boolean }[]): Confusion {
  const c: Confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const p of pairs) {
    if (p.truth && p.predicted) c.tp++;
    else if (!p.truth && p.predicted) c.fp++;
    else if (p.truth && !p.predicted) c.fn++;
    else c.tn++;
  }
  return c;
}

export function prf(c: Confusion): { precision: number | null; recall: number | null; f1: number | null } {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : null;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : null;
  const f1 = precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : precision === null || recall === null ? null : 0;
  return { precision, recall, f1 };
}

/** Cohen's kappa for two binary raters; null when it is undefined (both raters constant and equal). */
export function kappa(c: Confusion): number | null {
  const n = c.tp + c.fp + c.fn + c.tn;
  if (n === 0) return null;
  const po = (c.tp + c.tn) / n;
  const pYes = ((c.tp + c.fp) / n) * ((c.tp + c.fn) / n);
  const pNo = ((c.fn + c.tn) / n) * ((c.fp + c.tn) / n);
  const pe = pYes + pNo;
  if (pe === 1) return null;
  return (po - pe) / (1 - pe);
}

export const fmt = (x: number | null, digits = 2) => (x === null ? 'n/a' : x.toFixed(digits));
