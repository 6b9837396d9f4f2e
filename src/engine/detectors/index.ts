/**
 * Detectors: indicators computed from parsed facts rather than matched as phrases. A rule file names
 * its detector (`detector: pay`); the detector adds findings for that rule, or vetoes the rule's
 * phrase matches when the facts contradict them (a messenger number next to a company website is not
 * "contact only through a messenger").
 */
import { toFoldedClasses } from '../patterns.js';
import { findEmails, findPhones, hasWebsite } from '../contacts.js';
import type { AdDocument } from '../document.js';
import { COUNTRY_LANG } from '../detect-language.js';
import { mostMentioned, type PlaceMention } from '../places.js';
import { parsePay, type PayAmount } from '../pay.js';
import { isLetterUnit } from '../normalise.js';
import type { RuntimeRule } from '../rule-schema.js';
import type { Ad, Lang, Span } from '../types.js';
import wages from '../data/wages.json' with { type: 'json' };

export interface DetectorContext {
  ad: Ad;
  doc: AdDocument;
  /** Countries or cities named in the folded document (found by the same scan as the patterns). */
  places(kind: 'country' | 'city'): PlaceMention[];
  lang: Lang | undefined;
  country: string | undefined;
  /** Rules and contexts matched by phrases so far. */
  found: Set<string>;
  rules: readonly RuntimeRule[];
  hitsFor(rule: string): { from: number; to: number; label: string }[];
}

/** Facts several detectors need, computed at most once per ad. */
interface Facts {
  phones(): ReturnType<typeof findPhones>;
  emails(): ReturnType<typeof findEmails>;
  website(): boolean;
  amounts(): PayAmount[];
}

function facts(ctx: DetectorContext): Facts {
  let phones: ReturnType<typeof findPhones> | undefined;
  let emails: ReturnType<typeof findEmails> | undefined;
  let website: boolean | undefined;
  let amounts: PayAmount[] | undefined;
  return {
    phones: () => (phones ??= findPhones(ctx.doc.text, ctx.doc.spelled, region(ctx))),
    emails: () => (emails ??= findEmails(ctx.doc.text)),
    website: () => (website ??= hasWebsite(ctx.doc.text)),
    amounts: () => (amounts ??= parsePay(ctx.doc.text)),
  };
}

export interface Finding {
  rule: string;
  from?: number;
  to?: number;
  span?: Span;
  detail?: Record<string, string | number | boolean>;
}

export interface DetectorResult {
  add: Finding[];
  veto: string[];
}

type Detector = (ctx: DetectorContext, out: DetectorResult, f: Facts) => void;

interface WageRow {
  minimum2025: number | null;
  minimum2026: number | null;
  averageMonthly2024: number | null;
}
const WAGES = wages.countries as Record<string, WageRow>;

const NON_EURO = new Set(['PL', 'CZ', 'RO', 'HU', 'GB', 'SE', 'DK', 'CH', 'NO']);
const CURRENCY_COUNTRY: Record<string, string> = { PLN: 'PL', BGN: 'BG', CZK: 'CZ', GBP: 'GB', RON: 'RO', CHF: 'CH' };
const LANG_COUNTRY: Partial<Record<Lang, string>> = { pl: 'PL', sk: 'SK', bg: 'BG', el: 'GR', es: 'ES', it: 'IT', de: 'DE' };
const DEFAULT_REGION: Partial<Record<Lang, string>> = { ...LANG_COUNTRY, en: 'GB' };

/** Signs that the job is low-skill or a lure, which make a high wage suspicious (catalogue: pay_too_good). */
const LURE_COMPANIONS = ['no_experience_no_language', 'accommodation_transport_provided', 'abroad_context', 'young_women_hospitality_model_abroad'];
/** Pay far above the destination's average for any job. */
const FAR_ABOVE_AVERAGE = 4;
/** Pay well above average, suspicious together with a lure companion. */
const ABOVE_AVERAGE_WITH_LURE = 1.6;
/** Typical net share of gross pay, to compare net offers with gross statistics. */
const NET_SHARE = 0.72;
// Read over the whole folded text: folded-alphabet classes (patterns.ts) rather than \p{L}, which are slower.
const PART_TIME = new RegExp(toFoldedClasses(String.raw`(?<![\p{L}])(?:part.?time|pol etatu|1\/2 etatu|czesc etatu|teilzeit|minijob|media jornada|part time|tempo parziale|ciastocn\p{L}*|na pol uvazku|непълен|μερικη απασχοληση|weekend\p{L}*|wakacyjn\p{L}*|dorywcz\p{L}*)`), 'u');

function destination(ctx: DetectorContext, amounts: PayAmount[]): string | undefined {
  const mentioned = mostMentioned(ctx.places('country'));
  if (mentioned && WAGES[mentioned]) return mentioned;
  // Euro pay on a board of a country without the euro is pay abroad, at an unnamed destination.
  if (ctx.country && WAGES[ctx.country] && !(NON_EURO.has(ctx.country) && amounts.every((a) => a.currency === 'EUR'))) return ctx.country;
  if (amounts.every((a) => a.currency === 'EUR') && ctx.country && NON_EURO.has(ctx.country)) return undefined;
  const byCurrency = amounts.map((a) => CURRENCY_COUNTRY[a.currency]).find(Boolean);
  if (byCurrency) return byCurrency;
  return ctx.lang ? LANG_COUNTRY[ctx.lang] : undefined;
}

const round = (x: number) => Math.round(x);

/**
 * The minimum wage in force when the ad was posted: the table has 2025 and 2026, so an older ad is
 * not compared at all, and an undated one with the lower of the two (an ad posted before a rise).
 */
export function minimumWage(row: WageRow, date: string | undefined): number | undefined {
  const year = date ? Number(/^(\d{4})/.exec(date)?.[1]) : NaN;
  if (Number.isFinite(year)) {
    if (year < 2025) return undefined;
    return (year >= 2026 ? row.minimum2026 ?? row.minimum2025 : row.minimum2025) ?? undefined;
  }
  const minima = [row.minimum2025, row.minimum2026].filter((x): x is number => typeof x === 'number');
  return minima.length ? Math.min(...minima) : undefined;
}

const pay: Detector = (ctx, out, f) => {
  // Prices in adult-service ads are not wages.
  if (ctx.found.has('adult_service_context')) return;
  const amounts = f.amounts();
  if (amounts.length === 0) return;
  const dest = destination(ctx, amounts);
  const row = dest ? WAGES[dest] : undefined;
  if (!row) return;
  const lure = LURE_COMPANIONS.some((id) => ctx.found.has(id));
  const average = row.averageMonthly2024;
  if (average) {
    for (const a of amounts) {
      const reference = a.basis === 'net' ? average * NET_SHARE : average;
      const ratio = a.monthlyEurMax / reference;
      if (ratio >= FAR_ABOVE_AVERAGE || (lure && ratio >= ABOVE_AVERAGE_WITH_LURE)) {
        out.add.push({
          rule: 'pay_too_good', from: a.from, to: a.to,
          detail: { monthlyEur: round(a.monthlyEurMax), averageEur: round(reference), ratio: Number(ratio.toFixed(1)), destination: dest!, period: a.period ?? 'unknown', basis: a.basis ?? 'unknown' },
        });
        break;
      }
    }
  }
  const minimum = minimumWage(row, ctx.ad.date);
  if (minimum !== undefined && !PART_TIME.test(ctx.doc.text)) {
    for (const a of amounts) {
      if (a.periodInferred || (a.period !== 'hour' && a.period !== 'month')) continue;
      const limit = a.basis === 'net' ? minimum * 0.7 : minimum * 0.92;
      if (a.monthlyEurMin < limit) {
        out.add.push({
          rule: 'below_minimum_wage', from: a.from, to: a.to,
          detail: { monthlyEur: round(a.monthlyEurMin), minimumEur: minimum, destination: dest!, period: a.period, basis: a.basis ?? 'unknown' },
        });
        break;
      }
    }
  }
};

function region(ctx: DetectorContext): string | undefined {
  return ctx.country ?? (ctx.lang ? DEFAULT_REGION[ctx.lang] : undefined);
}

const contacts: Detector = (ctx, out, f) => {
  const emails = f.emails();
  const phones = f.phones();
  const landline = phones.some((p) => p.type === 'FIXED_LINE');
  const corporateMail = emails.some((e) => !e.free);
  if (landline || corporateMail || f.website()) {
    out.veto.push('contact_only_mobile_or_messenger');
    return;
  }
  for (const e of emails) if (e.free) out.add.push({ rule: 'contact_only_mobile_or_messenger', from: e.from, to: e.to, detail: { contact: 'free e-mail' } });
  const home = region(ctx);
  for (const p of phones) {
    if (home && p.country && p.country !== home && p.type !== 'FIXED_LINE') {
      out.add.push({ rule: 'contact_only_mobile_or_messenger', from: p.from, to: p.to, detail: { contact: 'foreign mobile number', phoneCountry: p.country } });
    }
  }
};

const obscuredPhone: Detector = (_ctx, out, f) => {
  for (const p of f.phones()) {
    if (p.obscured) out.add.push({ rule: 'escort_obscured_phone', from: p.from, to: p.to, detail: { phone: p.e164 } });
  }
};

/** Characters of body text under which an ad counts as a short classified. */
const SHORT_AD = 700;
const employer: Detector = (ctx, out, f) => {
  if (ctx.ad.employer && ctx.ad.employer.trim()) {
    out.veto.push('employer_unidentified');
    return;
  }
  if (ctx.found.has('employer_unidentified')) return; // stated in words ("anonymous employer")
  // Long ads describe their company in words we cannot pin down ("About us: ..."); absence counts in
  // short, classified-style ads only.
  const body = ctx.doc.parts.find((p) => p.field === 'text');
  if (!body || body.norm.text.length > SHORT_AD) return;
  // Only a legal form or a registration number (the language-independent patterns) identifies the
  // employer; "gross pay" or "written contract" are good details but do not say who employs.
  const registered = ctx.hitsFor('mitigating_complete_details').some((h) => h.label.startsWith('any.'));
  const identified = registered || f.website() || f.emails().some((e) => !e.free);
  if (!identified) out.add.push({ rule: 'employer_unidentified', detail: { absent: 'employer name, address, registration or website' } });
};

/** Under this many letters of body text an ad cannot describe duties, hours, place and pay. */
const VAGUE_TEXT = 160;
const vagueness: Detector = (ctx, out, f) => {
  const body = ctx.doc.parts.find((p) => p.field === 'text');
  if (!body || body.norm.text.length > VAGUE_TEXT * 3) return;
  let letters = 0;
  for (let i = 0; i < body.norm.text.length; i++) if (isLetterUnit(body.norm.text.charCodeAt(i))) letters++;
  if (letters < VAGUE_TEXT && letters > 0 && f.amounts().length === 0 && !ctx.ad.pay) {
    out.add.push({ rule: 'vague_job_details', detail: { absent: 'duties, hours, workplace and pay', letters } });
  }
};

const location: Detector = (ctx, out) => {
  const stated = ctx.doc.parts.find((p) => p.field === 'location');
  const body = ctx.doc.parts.find((p) => p.field === 'text');
  if (!stated || !body) return;
  const inside = (p: typeof body, m: PlaceMention) => m.from >= p.offset && m.to <= p.offset + p.norm.text.length;
  const cities = ctx.places('city');
  const statedCodes = new Set(cities.filter((m) => inside(stated, m)).map((m) => m.code));
  if (statedCodes.size === 0) return;
  const named = cities.filter((m) => inside(body, m));
  if (named.length === 0 || named.some((m) => statedCodes.has(m.code))) return;
  const first = named[0]!;
  out.add.push({ rule: 'location_inconsistency', from: first.from, to: first.to, detail: { stated: ctx.ad.location!, named: first.code } });
};

const details: Detector = (ctx, out) => {
  const employerName = ctx.ad.employer?.trim();
  if (employerName) {
    out.add.push({ rule: 'mitigating_complete_details', span: { field: 'employer', start: 0, end: ctx.ad.employer!.length }, detail: { fact: 'employer named' } });
  }
  const p = ctx.ad.pay;
  if (p && typeof p === 'object' && (p.min !== undefined || p.max !== undefined) && /brutto|gross|bruto|lordo|бруто|μικτ/i.test(`${p.basis ?? ''} ${p.period ?? ''}`)) {
    const part = ctx.doc.parts.find((x) => x.field === 'pay');
    if (part) out.add.push({ rule: 'mitigating_complete_details', span: { field: 'pay', start: 0, end: part.original.length }, detail: { fact: 'gross pay stated' } });
  }
};

const DETECTORS: Record<NonNullable<RuntimeRule['detector']>, Detector> = {
  pay,
  contacts,
  obscured_phone: obscuredPhone,
  employer,
  vagueness,
  location,
  details,
};

/** Runs each detector that some rule of the pack names, in the order the rules come. */
export function runDetectors(ctx: DetectorContext): DetectorResult {
  const out: DetectorResult = { add: [], veto: [] };
  const done = new Set<string>();
  const f = facts(ctx);
  for (const rule of ctx.rules) {
    if (!rule.detector || done.has(rule.detector)) continue;
    done.add(rule.detector);
    DETECTORS[rule.detector](ctx, out, f);
  }
  return out;
}

export { COUNTRY_LANG };

/** The module's expressions, for the catastrophic-backtracking tests (tests/redos.test.ts). */
export const DETECTOR_REGEXES = { PART_TIME };
