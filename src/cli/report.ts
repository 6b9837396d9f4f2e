/**
 * The readable report of `telltale score --format table`: one block per ad, each flag with its
 * contribution and the matched words marked in their context; `--explain` adds why each sign
 * matters and what to check.
 */
import type { RuntimeRule } from '../engine/rule-schema.js';
import type { Ad, Assessment, Flag, Span } from '../engine/types.js';

export interface ReportOptions {
  explain: boolean;
  color: boolean;
  rules: readonly RuntimeRule[];
}

function fieldText(ad: Ad, span: Span): string {
  const v = span.field === 'pay' ? (typeof ad.pay === 'string' ? ad.pay : '') : (ad[span.field] as string | undefined);
  return v ?? '';
}

/** The matched words with a little context, marked with «» (and bold when writing to a terminal). */
export function snippet(ad: Ad, span: Span, color: boolean, context = 40): string {
  const src = fieldText(ad, span);
  const from = Math.max(0, span.start - context);
  const to = Math.min(src.length, span.end + context);
  const clean = (s: string) => s.replace(/\s+/g, ' ');
  const mark = (s: string) => (color ? `\x1b[1;4m${s}\x1b[0m` : `«${s}»`);
  return `${from > 0 ? '…' : ''}${clean(src.slice(from, span.start))}${mark(clean(src.slice(span.start, span.end)))}${clean(src.slice(span.end, to))}${to < src.length ? '…' : ''}`;
}

const LEVEL_LABEL: Record<Assessment['level'], string> = { none: 'NONE', low: 'LOW', elevated: 'ELEVATED', high: 'HIGH' };

function flagLines(ad: Ad, f: Flag, sign: string, opts: ReportOptions): string[] {
  const rule = opts.rules.find((r) => r.id === f.rule);
  const points = f.contribution > 0 ? `+${f.contribution}` : `${f.contribution}`;
  const name = `${f.rule}${f.negated ? ' (negated)' : ''}`;
  const head = `  ${sign} ${name} (${points})  ${rule?.title ?? ''}`;
  const lines = [head];
  for (const s of f.spans.slice(0, 3)) lines.push(`      ${snippet(ad, s, opts.color)}`);
  if (f.spans.length === 0 && f.detail) lines.push(`      ${Object.entries(f.detail).map(([k, v]) => `${k}: ${v}`).join(', ')}`);
  else if (f.detail) lines.push(`      (${Object.entries(f.detail).map(([k, v]) => `${k}: ${v}`).join(', ')})`);
  if (opts.explain && rule) {
    lines.push(`      why: ${rule.rationale.text}`);
    lines.push(`      check: ${rule.advice}`);
    lines.push(`      misfires when: ${rule.misfires}`);
  }
  return lines;
}

export function renderReport(ad: Ad, a: Assessment, opts: ReportOptions): string {
  const lines: string[] = [];
  const title = ad.title ? `  ${ad.title.slice(0, 70)}` : '';
  lines.push(`${a.id ?? '(no id)'}  ${LEVEL_LABEL[a.level]}  score ${a.score}  lang ${a.lang} (${a.langConfidence})${title}`);
  for (const f of a.flags) lines.push(...flagLines(ad, f, f.contribution > 0 ? '+' : '·', opts));
  for (const m of a.mitigations) lines.push(...flagLines(ad, m, '-', opts));
  if (a.flags.length === 0 && a.mitigations.length === 0) lines.push('  no signs found');
  return lines.join('\n');
}
