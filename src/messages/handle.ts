/**
 * The background's message handler, kept out of entrypoints/ so that Node tests can call it.
 */
import type { Assessment } from '../engine/types.js';
import { defaultEngine } from '../engine/index.js';
import { Request } from './protocol.js';

/** Titles of the rules in the assessment ride along, so that the popup need not load the rule packs. */
export type Response = { ok: true; assessment: Assessment; titles: Record<string, string> } | { ok: false; error: string };

export function handleMessage(message: unknown): Response {
  const parsed = Request.safeParse(message);
  if (!parsed.success) {
    return { ok: false, error: parsed.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ') };
  }
  const engine = defaultEngine();
  const assessment = engine.assess(parsed.data.ad);
  const titles: Record<string, string> = {};
  for (const f of [...assessment.flags, ...assessment.mitigations, ...assessment.contexts]) {
    titles[f.rule] = engine.rules.find((r) => r.id === f.rule)?.title ?? f.rule;
  }
  return { ok: true, assessment, titles };
}
