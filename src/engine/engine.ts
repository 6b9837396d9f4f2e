/**
 * The engine: one ad in, one explained Assessment out. Pure TypeScript without browser or Node
 * APIs, so that the extension, the CLI and the tests run the very same code.
 */
import { compilePack, isNegated, type CompileOptions, matchPatterns, scanMask, type CompiledPack, type RawMatch } from './compile.js';
import { CITY_GROUP, COUNTRY_GROUP, placeMentions, type PlaceMention } from './places.js';
import { scan } from './prefilter.js';
import { buildDocument, spanText, toSpan, type AdDocument } from './document.js';
import { detectLanguage, countryFromUrl, languageSample } from './detect-language.js';
import { runDetectors, type Finding } from './detectors/index.js';
import { isNegatedEnglish } from './negation-en.js';
import { PackSchema, WEIGHTS, describeIssues, type Pack, type RuntimeRule } from './rule-schema.js';
import { score, type ScoredFlag } from './scoring.js';
import { fromSnapshot, type EngineSnapshot } from './snapshot.js';
import type { Ad, Assessment, Flag, Lang, RelatedAd, Span } from './types.js';

/** Points a mitigation removes: a negated strong sign ("no fees") or one detail of a complete ad. */
export const NEGATION_MITIGATION = 6;

export class PackInvalidError extends Error {
  constructor(public readonly problems: string[]) {
    super(`invalid rule pack:\n${problems.join('\n')}`);
  }
}

export interface AssessOptions {
  /**
   * Rule categories the user switched off (options page): their signs are neither shown nor scored.
   * Contexts and mitigations are categories too, so switching them off is possible but unusual.
   */
  disabledCategories?: ReadonlySet<string>;
  /**
   * Cross-ad findings from the local index of other ads (src/network/): they become flags of the
   * `cross_ad` rules and are scored like any other flag.
   */
  network?: readonly NetworkFinding[];
  /**
   * The ad's folded document, when the caller already built it (buildDocument(ad), as the cross-ad
   * index does for the same ad): not folded a second time. Ignored when the ad had to be cut down.
   */
  document?: AdDocument;
}

/** A cross-ad sign found by comparing the ad with other ads (src/network/signals.ts). */
export interface NetworkFinding {
  rule: string;
  /** Where the shared contact stands in this ad (none for shared text: the whole ad is the match). */
  spans: Span[];
  match: string;
  related: RelatedAd[];
  detail?: Record<string, string | number | boolean>;
  /** Counts as a common sign (scoring.ts) even if its rule does not: a weaker form of the sign. */
  common?: boolean;
}

export interface Engine {
  readonly version: string;
  readonly rules: readonly RuntimeRule[];
  assess(ad: Ad, options?: AssessOptions): Assessment;
}

/** Validates and compiles a pack. Throws PackInvalidError (listing every problem) on a bad pack. */
export function createEngine(input: unknown, options: CompileOptions = {}): Engine {
  const parsed = PackSchema.safeParse(input);
  if (!parsed.success) throw new PackInvalidError(describeIssues(parsed.error));
  let compiled: CompiledPack;
  try {
    compiled = compilePack(parsed.data, options);
  } catch (e) {
    const problems = (e as { problems?: string[] }).problems ?? [(e as Error).message];
    throw new PackInvalidError(problems);
  }
  return engineOf(compiled);
}

/**
 * The engine of a build-time snapshot (snapshot.ts): the built-in packs, validated and compiled by
 * the build, start here in a few milliseconds. Throws SnapshotError on a snapshot of another format.
 */
export function engineFromSnapshot(snap: EngineSnapshot): Engine {
  return engineOf(fromSnapshot(snap));
}

function engineOf(compiled: CompiledPack): Engine {
  return {
    version: compiled.version,
    rules: compiled.rules,
    assess: (ad: Ad, options?: AssessOptions) => assess(compiled, ad, options),
  };
}

/** A match or finding on its way to becoming a flag. */
interface Hit {
  from: number;
  to: number;
  label: string;
  span?: Span;
  detail?: Finding['detail'];
}

const MAX_TEXT = 1_000_000; // longer input is cut: an ad is never a megabyte of meaningful text

const fits = (x: unknown) => x === undefined || (typeof x === 'string' && x.length <= MAX_TEXT);

function sanitize(ad: Ad): Ad {
  // Most ads come well formed: checking is much cheaper than copying.
  if (
    typeof ad.text === 'string' && ad.text.length <= MAX_TEXT && fits(ad.title) && fits(ad.employer) && fits(ad.location) &&
    fits(ad.url) && fits(ad.lang) && fits(ad.date) && (ad.pay === undefined || (typeof ad.pay === 'string' && ad.pay.length <= MAX_TEXT)) &&
    (ad.country === undefined || (typeof ad.country === 'string' && ad.country.length <= MAX_TEXT && ad.country === ad.country.toUpperCase()))
  ) {
    return ad;
  }
  const str = (x: unknown) => (typeof x === 'string' ? (x.length > MAX_TEXT ? x.slice(0, MAX_TEXT) : x) : undefined);
  return {
    ...ad,
    text: str(ad.text) ?? '',
    title: str(ad.title),
    employer: str(ad.employer),
    location: str(ad.location),
    pay: typeof ad.pay === 'string' ? str(ad.pay) : ad.pay && typeof ad.pay === 'object' ? ad.pay : undefined,
    url: str(ad.url),
    lang: str(ad.lang),
    country: str(ad.country)?.toUpperCase(),
    date: str(ad.date),
  };
}

function assess(pack: CompiledPack, input: Ad, options: AssessOptions = {}): Assessment {
  const off = options.disabledCategories;
  const ad = sanitize(input);
  // sanitize returns the ad itself when nothing had to be cut: then a document built from it fits.
  const doc = options.document && ad === input ? options.document : buildDocument(ad);
  const words = doc.words;
  const guess = detectLanguage(languageSample(ad.title, ad.text), { lang: ad.lang, country: ad.country, url: ad.url }, words);
  const langs = guess.candidates;
  const scanned = scan(pack.index, words, scanMask(langs));
  const places: Partial<Record<'country' | 'city', PlaceMention[]>> = {};
  const raw = matchPatterns(pack, words, scanned, [...langs, 'any']);

  const hits = new Map<number, Hit[]>();
  const negatedHits = new Map<number, Hit[]>();
  for (const m of raw) {
    const rule = pack.rules[m.rule]!;
    if (off?.has(rule.category)) continue;
    if (rule.negatable && negatedAt(pack, doc, langs, m)) {
      pushHit(negatedHits, m.rule, m);
      continue;
    }
    pushHit(hits, m.rule, m);
  }

  const country = ad.country ?? countryFromUrl(ad.url);
  const found = new Set<string>([...hits.keys()].map((i) => pack.rules[i]!.id));
  const findings = runDetectors({
    ad,
    doc,
    places: (kind) => (places[kind] ??= placeMentions(pack.index, words, scanned, kind === 'country' ? COUNTRY_GROUP : CITY_GROUP)),
    lang: guess.lang === 'und' ? langs[0] : guess.lang,
    country,
    found,
    rules: pack.rules,
    hitsFor: (id) => (hits.get(pack.ruleIndex.get(id) ?? -1) ?? []).map((h) => ({ from: h.from, to: h.to, label: h.label })),
  });
  for (const f of findings.add) {
    const ri = pack.ruleIndex.get(f.rule);
    if (ri === undefined || off?.has(pack.rules[ri]!.category)) continue;
    pushHit(hits, ri, { from: f.from ?? 0, to: f.to ?? 0, label: `detector:${f.rule}:${f.detail?.fact ?? ""}`, span: f.span, detail: f.detail });
    found.add(f.rule);
  }
  for (const id of findings.veto) {
    const ri = pack.ruleIndex.get(id);
    if (ri !== undefined) hits.delete(ri);
    found.delete(id);
  }

  const contexts: Flag[] = [];
  const flags: ScoredFlag[] = [];
  const mitigations: Flag[] = [];
  for (const [ri, list] of hits) {
    const rule = pack.rules[ri]!;
    if (rule.requires && !rule.requires.some((r) => found.has(r))) continue;
    const spans = uniqueSpans(doc, list);
    const first = spans[0];
    if (rule.status === 'context') {
      contexts.push({ rule: rule.id, category: rule.category, weight: 0, contribution: 0, spans, match: first ? spanText(ad, doc, first) : '' });
      continue;
    }
    const detail = list.find((h) => h.detail)?.detail;
    if (rule.category === 'mitigating') {
      // Each distinct fact (pattern) counts once, up to four facts.
      const facts = new Set(list.map((h) => h.label)).size;
      mitigations.push({
        rule: rule.id, category: rule.category, weight: WEIGHTS[rule.weight] * Math.min(4, facts), contribution: 0,
        spans, match: first ? spanText(ad, doc, first) : '', ...(detail ? { detail } : {}),
      });
      continue;
    }
    let weight: number = rule.status === "non_indicator" ? 0 : WEIGHTS[rule.weight];
    if (rule.boost && rule.boost.with.some((r) => found.has(r))) weight = Math.max(weight, WEIGHTS[rule.boost.weight]);
    flags.push({
      rule: rule.id, category: rule.category, weight, contribution: 0, spans,
      match: first ? spanText(ad, doc, first) : '', common: rule.common, ...(detail ? { detail } : {}),
    });
  }
  for (const n of options.network ?? []) {
    const ri = pack.ruleIndex.get(n.rule);
    const rule = ri === undefined ? undefined : pack.rules[ri]!;
    // Only rules the pack declares as cross-ad: a finding cannot stand in for a text rule.
    if (!rule || rule.status !== 'cross_ad' || off?.has(rule.category) || n.related.length === 0) continue;
    flags.push({
      rule: rule.id, category: rule.category, weight: WEIGHTS[rule.weight], contribution: 0, spans: n.spans.map((x) => ({ ...x })),
      match: n.match, common: n.common ?? rule.common, related: n.related.map((r) => ({ ...r })), ...(n.detail ? { detail: n.detail } : {}),
    });
  }
  for (const [ri, list] of negatedHits) {
    const rule = pack.rules[ri]!;
    if (found.has(rule.id)) continue; // the sign is also stated plainly elsewhere: no credit
    const spans = uniqueSpans(doc, list);
    mitigations.push({
      rule: rule.id, category: 'mitigating', weight: NEGATION_MITIGATION, contribution: 0, spans,
      match: spans[0] ? spanText(ad, doc, spans[0]) : '', negated: true,
    });
  }

  const result = score(flags, mitigations);
  flags.sort((a, b) => b.contribution - a.contribution || a.rule.localeCompare(b.rule));
  mitigations.sort((a, b) => a.contribution - b.contribution || a.rule.localeCompare(b.rule));
  return {
    ...(input.id !== undefined ? { id: String(input.id) } : {}),
    score: result.score,
    level: result.level,
    lang: guess.lang,
    langConfidence: guess.confidence,
    flags: flags.map(({ common: _common, ...f }) => f),
    mitigations,
    contexts: contexts.sort((a, b) => a.rule.localeCompare(b.rule)),
    rulesVersion: pack.version,
  };
}

function pushHit(map: Map<number, Hit[]>, rule: number, m: RawMatch | Hit): void {
  let list = map.get(rule);
  if (!list) map.set(rule, (list = []));
  list.push({ from: m.from, to: m.to, label: m.label, ...('span' in m ? { span: m.span, detail: m.detail } : {}) });
}

function negatedAt(pack: CompiledPack, doc: AdDocument, langs: Lang[], m: RawMatch): boolean {
  const label = m.label.split('.')[0] as Lang | 'any';
  const cueLangs = label === 'any' ? langs : [label];
  for (const lang of cueLangs) {
    if (isNegated(pack.negation.get(lang), doc.text, m.from, m.to)) {
      // English: compromise checks that the negation really governs the matched words.
      return lang === 'en' ? isNegatedEnglish(doc.text, m.from, m.to) : true;
    }
  }
  return false;
}

/** Spans in original offsets, sorted, without duplicates or overlaps. */
function uniqueSpans(doc: AdDocument, hits: Hit[]): Span[] {
  const spans: Span[] = [];
  for (const h of hits) {
    const s = h.span ?? (h.to > h.from ? toSpan(doc, h.from, h.to) : undefined);
    if (s) spans.push(s);
  }
  const order = ['title', 'text', 'employer', 'location', 'pay'];
  spans.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field) || a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && last.field === s.field && s.start < last.end) {
      if (s.end > last.end) last.end = s.end;
      continue;
    }
    out.push({ ...s });
  }
  return out;
}

export type { Pack };
