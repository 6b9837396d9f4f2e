/**
 * The background's message handler, kept out of entrypoints/ so that Node tests can call it.
 */
import type { AssessOptions, Engine } from '../engine/engine.js';
import { indicatorText, translator, type Translate } from '../i18n/index.js';
import type { MarkerLabels } from '../ui/markers.js';
import type { Ad, Assessment } from '../engine/types.js';
import { defaultEngine } from '../engine/index.js';
import { assessWithIndex, type AdIndex } from '../network/ad-index.js';
import { describeIssues } from '../engine/rule-schema.js';
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
  /** The text as extracted and scored (kept for the evidence bundle, src/evidence/). */
  text?: string;
  url?: string;
  /** The board's or the ad's country (for the helplines). */
  country?: string;
  category: 'job' | 'non-job' | 'unknown';
  extractor: string;
  kind: 'detail' | 'card';
  /** Null for non-job classifieds, which are not scored. */
  assessment: Assessment | null;
  /** When it was scored (ISO 8601, UTC). */
  scoredAt?: string;
}

export interface PageResults {
  url: string;
  kind: 'detail' | 'listing' | 'other';
  title?: string;
  /** The page has the board's own "report" control, which the popup can take the user to. */
  report?: boolean;
  ads: ScoredAd[];
  notes: Record<string, RuleNote>;
}

export type Response =
  | { ok: true; assessment: Assessment; titles: Record<string, string>; notes: Record<string, RuleNote>; labels: MarkerLabels }
  | { ok: true; results: ScoredAd[]; notes: Record<string, RuleNote>; labels: MarkerLabels }
  | { ok: true; page: PageResults | null }
  | { ok: true; tabs: TabPage[] }
  | { ok: false; error: string };

/** One tab's results, as the side panel gets them for every tab of its window. */
export interface TabPage {
  tabId: number;
  page: PageResults;
}

/** Per-tab results, kept by the background (in memory; the popup reads them). */
export type TabStore = Map<number, PageResults>;

/** The words of the in-page markers in the user's language (discreet: without "helplines"). */
export function markerLabels(t: Translate = translator('en'), discreet = false): MarkerLabels {
  return {
    levels: { none: t('level.none'), low: t('level.low'), elevated: t('level.elevated'), high: t('level.high') },
    signsFound: t('ui.marker.signsFound'),
    noSign: t('ui.marker.noSign'),
    footer: t(discreet ? 'ui.marker.footerDiscreet' : 'ui.marker.footer'),
    flag: t('ui.marker.flag'),
    mitigation: t('ui.marker.mitigation'),
    related: t('ui.marker.related'),
    score: t('ui.score'),
  };
}

function notesFor(engine: Engine, assessments: (Assessment | null)[], t?: Translate): Record<string, RuleNote> {
  const notes: Record<string, RuleNote> = {};
  for (const a of assessments) {
    if (!a) continue;
    for (const f of [...a.flags, ...a.mitigations, ...a.contexts]) {
      if (notes[f.rule]) continue;
      const rule = engine.rules.find((r) => r.id === f.rule);
      // The locale's texts for a built-in rule; a custom pack's own texts for a rule the locales lack.
      const text = t && t(`indicator.${f.rule}.title`) !== `indicator.${f.rule}.title` ? indicatorText(t, f.rule) : undefined;
      notes[f.rule] = text ?? { title: rule?.title ?? f.rule, why: rule?.rationale.text ?? '', advice: rule?.advice ?? '' };
    }
  }
  return notes;
}

/** One ad's assessment, with the cross-ad signs of the local index when there is one. */
function assessOne(engine: Engine, ad: Ad, options: AssessOptions, index: AdIndex | undefined): Promise<Assessment> | Assessment {
  return index ? assessWithIndex(engine, index, ad, options) : engine.assess(ad, options);
}

async function scoreBatch(engine: Engine, req: AssessBatchRequest, options: AssessOptions, index: AdIndex | undefined): Promise<ScoredAd[]> {
  const out: ScoredAd[] = [];
  // One after the other: an ad of the batch is compared with the ones before it.
  for (const { category, extractor, kind, ...ad } of req.ads) {
    out.push({
      title: ad.title ?? '',
      text: ad.text,
      ...(ad.url ? { url: ad.url } : {}),
      ...(ad.country ? { country: ad.country } : {}),
      category, extractor, kind,
      assessment: category === 'non-job' ? null : await assessOne(engine, ad, options, index),
      scoredAt: new Date().toISOString(),
    });
  }
  return out;
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
  /** The interface language's texts, for the rule notes and the markers' words (English without). */
  t?: Translate;
  /** Discreet mode: no helpline wording on pages. */
  discreet?: boolean;
  /** The local ad index (src/network/): ads are compared with it for the cross-ad signs, and added. */
  index?: AdIndex;
}

export async function handleMessage(message: unknown, context: HandleContext = {}): Promise<Response> {
  const parsed = Request.safeParse(message);
  if (!parsed.success) {
    return { ok: false, error: describeIssues(parsed.error, '', 'message').join('; ') };
  }
  const req = parsed.data;
  const engine = context.engine ?? defaultEngine();
  const options = context.assessOptions ?? {};
  if (req.type === 'assess') {
    const assessment = await assessOne(engine, req.ad, options, context.index);
    const notes = notesFor(engine, [assessment], context.t);
    const titles = Object.fromEntries(Object.entries(notes).map(([id, n]) => [id, n.title]));
    return { ok: true, assessment, titles, notes, labels: markerLabels(context.t, context.discreet) };
  }
  if (req.type === 'assess-batch') {
    const results = await scoreBatch(engine, req, options, context.index);
    const notes = notesFor(engine, results.map((r) => r.assessment), context.t);
    if (context.store && context.tabId !== undefined) {
      const earlier = context.store.get(context.tabId);
      const keep = req.append && earlier && earlier.url === req.page.url ? earlier : undefined;
      context.store.set(context.tabId, {
        url: req.page.url, kind: req.page.kind, ...(req.page.title ? { title: req.page.title } : {}),
        ...(req.page.report || keep?.report ? { report: true } : {}),
        ads: [...(keep?.ads ?? []), ...results],
        notes: { ...(keep?.notes ?? {}), ...notes },
      });
    }
    return { ok: true, results, notes, labels: markerLabels(context.t, context.discreet) };
  }
  return { ok: true, page: context.store?.get(req.tabId) ?? null };
}
