/**
 * The background's message handler, kept out of entrypoints/ so that Node tests can call it.
 */
import type { AssessOptions, Engine } from '../engine/engine.js';
import type { Assessment } from '../engine/types.js';
import { defaultEngine } from '../engine/index.js';
import { Request, type AssessBatchRequest } from './protocol.js';

/** What a marker or a tooltip says of a rule: its title, why it matters and what to check. */
export interface RuleNote {
  title: string;
  /** Why the sign matters (the rule's rationale). */
  why: string;
  advice: string;
}

export interface ScoredAd {
  title: string;
  url?: string;
  /** The board's or the ad's country (for the helplines). */
  country?: string;
  category: 'job' | 'non-job' | 'unknown';
  extractor: string;
  kind: 'detail' | 'card';
  /** Null for non-job classifieds, which are not scored. */
  assessment: Assessment | null;
}

export interface PageResults {
  url: string;
  kind: 'detail' | 'listing' | 'other';
  title?: string;
  ads: ScoredAd[];
  notes: Record<string, RuleNote>;
}

export type Response =
  | { ok: true; assessment: Assessment; titles: Record<string, string>; notes: Record<string, RuleNote> }
  | { ok: true; results: ScoredAd[]; notes: Record<string, RuleNote> }
  | { ok: true; page: PageResults | null }
  | { ok: false; error: string };

/** Per-tab results, kept by the background (in memory; the popup reads them). */
export type TabStore = Map<number, PageResults>;

function notesFor(engine: Engine, assessments: (Assessment | null)[]): Record<string, RuleNote> {
  const notes: Record<string, RuleNote> = {};
  for (const a of assessments) {
    if (!a) continue;
    for (const f of [...a.flags, ...a.mitigations, ...a.contexts]) {
      if (notes[f.rule]) continue;
      const rule = engine.rules.find((r) => r.id === f.rule);
      notes[f.rule] = { title: rule?.title ?? f.rule, why: rule?.rationale.text ?? '', advice: rule?.advice ?? '' };
    }
  }
  return notes;
}

function scoreBatch(engine: Engine, req: AssessBatchRequest, options: AssessOptions): ScoredAd[] {
  return req.ads.map(({ category, extractor, kind, ...ad }) => ({
    title: ad.title ?? '',
    ...(ad.url ? { url: ad.url } : {}),
    ...(ad.country ? { country: ad.country } : {}),
    category, extractor, kind,
    assessment: category === 'non-job' ? null : engine.assess(ad, options),
  }));
}

/**
 * Handles one message. `tabId` is the sender's tab as the browser reports it (never a value the
 * page wrote); batches are stored under it.
 */
export interface HandleContext {
  tabId?: number;
  store?: TabStore;
  /** The engine in use (a custom rule pack's), the built-in one when absent. */
  engine?: Engine;
  /** The user's switched-off categories. */
  assessOptions?: AssessOptions;
}

export function handleMessage(message: unknown, context: HandleContext = {}): Response {
  const parsed = Request.safeParse(message);
  if (!parsed.success) {
    return { ok: false, error: parsed.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ') };
  }
  const req = parsed.data;
  const engine = context.engine ?? defaultEngine();
  const options = context.assessOptions ?? {};
  if (req.type === 'assess') {
    const assessment = engine.assess(req.ad, options);
    const notes = notesFor(engine, [assessment]);
    const titles = Object.fromEntries(Object.entries(notes).map(([id, n]) => [id, n.title]));
    return { ok: true, assessment, titles, notes };
  }
  if (req.type === 'assess-batch') {
    const results = scoreBatch(engine, req, options);
    const notes = notesFor(engine, results.map((r) => r.assessment));
    if (context.store && context.tabId !== undefined) {
      const earlier = context.store.get(context.tabId);
      const keep = req.append && earlier && earlier.url === req.page.url ? earlier : undefined;
      context.store.set(context.tabId, {
        url: req.page.url, kind: req.page.kind, ...(req.page.title ? { title: req.page.title } : {}),
        ads: [...(keep?.ads ?? []), ...results],
        notes: { ...(keep?.notes ?? {}), ...notes },
      });
    }
    return { ok: true, results, notes };
  }
  return { ok: true, page: context.store?.get(req.tabId) ?? null };
}
