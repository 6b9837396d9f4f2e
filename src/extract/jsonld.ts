/**
 * Step 1 of the pipeline: schema.org JobPosting, in JSON-LD and in microdata. Boards that want to be
 * listed by search engines publish their job ads this way, so where it exists it is the most exact
 * source: the title, description, employer, place and salary as the board itself states them.
 */
import type { StructuredPay } from '../engine/types.js';
import { htmlToText, oneLine, textOf } from './text.js';
import type { ExtractedAd } from './types.js';

type Json = unknown;
type Obj = Record<string, Json>;
const isObj = (x: Json): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * JSON.parse, and when that fails the usual faults of hand-templated JSON-LD repaired: HTML comments
 * or CDATA around it, raw line breaks and tabs inside strings, trailing commas, a trailing semicolon,
 * several objects written one after another.
 */
export function parseLenient(raw: string): { value: Json; repaired: boolean } | undefined {
  const text = raw.trim();
  try {
    return { value: JSON.parse(text), repaired: false };
  } catch {
    // repaired below
  }
  let s = text
    .replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
    .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/, '')
    .replace(/;\s*$/, '');
  // Raw control characters inside strings: escape them (outside strings they are white space anyway).
  let out = '';
  let inString = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (inString) {
      if (ch === '\\') {
        out += ch + (s[i + 1] ?? '');
        i++;
        continue;
      }
      if (ch === '"') inString = false;
      else if (ch === '\n') {
        out += '\\n';
        continue;
      } else if (ch === '\r') continue;
      else if (ch === '\t') {
        out += '\\t';
        continue;
      } else if (ch.charCodeAt(0) < 0x20) continue;
    } else if (ch === '"') inString = true;
    out += ch;
  }
  s = out.replace(/,(\s*[}\]])/g, '$1');
  for (const candidate of [s, `[${s.replace(/}\s*{/g, '},{')}]`]) {
    try {
      return { value: JSON.parse(candidate), repaired: true };
    } catch {
      // next repair
    }
  }
  return undefined;
}

const typeIs = (o: Obj, name: string) => {
  const t = o['@type'];
  const names = Array.isArray(t) ? t : [t];
  return names.some((n) => typeof n === 'string' && n.replace(/^(?:https?:\/\/schema\.org\/|schema:)/, '') === name);
};

/** Every object of a given @type anywhere in a JSON-LD value (@graph, arrays, nested values). */
export function findTyped(value: Json, type: string, out: Obj[] = [], depth = 0): Obj[] {
  if (depth > 12) return out;
  if (Array.isArray(value)) for (const v of value) findTyped(v, type, out, depth + 1);
  else if (isObj(value)) {
    if (typeIs(value, type)) out.push(value);
    else for (const v of Object.values(value)) if (typeof v === 'object') findTyped(v, type, out, depth + 1);
  }
  return out;
}

const str = (x: Json): string | undefined => {
  if (typeof x === 'string') return x;
  if (typeof x === 'number') return String(x);
  if (Array.isArray(x)) return x.map(str).filter(Boolean).join(', ') || undefined;
  if (isObj(x)) return str(x['name'] ?? x['@value'] ?? x['value']);
  return undefined;
};
const first = <T>(x: T | T[]): T | undefined => (Array.isArray(x) ? x[0] : x);

function place(loc: Json): { location?: string; country?: string } {
  const l = first(loc as Json[]);
  if (!isObj(l)) return typeof l === 'string' ? { location: l } : {};
  const address = isObj(l['address']) ? l['address'] : l;
  const country = str(address['addressCountry']);
  const parts = [str(address['streetAddress']), str(address['addressLocality']), str(address['addressRegion'])].filter(Boolean);
  return {
    ...(parts.length ? { location: parts.join(', ') } : typeof address['address'] === 'string' ? { location: address['address'] as string } : {}),
    ...(country && /^[A-Za-z]{2}$/.test(country) ? { country: country.toUpperCase() } : {}),
  };
}

const num = (x: Json): number | undefined => {
  const n = typeof x === 'number' ? x : typeof x === 'string' ? Number(x.replace(/[\s,](?=\d{3}\b)/g, '').replace(',', '.')) : NaN;
  return Number.isFinite(n) && n > 0 ? n : undefined;
};
const UNIT: Record<string, string> = { HOUR: 'hour', DAY: 'day', WEEK: 'week', MONTH: 'month', YEAR: 'year' };

function salary(s: Json): StructuredPay | undefined {
  const o = first(s as Json[]);
  if (!isObj(o)) return undefined;
  const v = isObj(o['value']) ? o['value'] : o;
  const min = num(v['minValue']) ?? num(v['value']);
  const max = num(v['maxValue']) ?? (v['minValue'] === undefined ? num(v['value']) : undefined);
  if (min === undefined && max === undefined) return undefined;
  const unit = str(v['unitText'] ?? o['unitText'])?.toUpperCase();
  return {
    ...(min !== undefined ? { min } : {}),
    ...(max !== undefined ? { max } : {}),
    ...(str(o['currency']) ? { currency: str(o['currency'])!.toUpperCase() } : {}),
    ...(unit && UNIT[unit] ? { period: UNIT[unit] } : {}),
  };
}

/** A JobPosting object as an ad. */
export function jobPostingAd(o: Obj, doc: Document, pageUrl: string, extractor: string): ExtractedAd | undefined {
  const title = oneLine(str(o['title']) ?? str(o['name']));
  const description = str(o['description']);
  const text = description ? htmlToText(description, doc) : '';
  if (!title && !text) return undefined;
  const where = place(o['jobLocation']);
  const pay = salary(o['baseSalary'] ?? o['estimatedSalary']);
  const employer = oneLine(str(o['hiringOrganization']));
  const url = str(o['url']);
  const date = str(o['datePosted']);
  return {
    title, text, url: url && /^https?:/.test(url) ? url : pageUrl, kind: 'detail', category: 'job', extractor,
    ...(employer ? { employer } : {}),
    ...(where.location ? { location: oneLine(where.location) } : {}),
    ...(where.country ? { country: where.country } : {}),
    ...(pay ? { pay } : {}),
    ...(date && /^\d{4}-\d{2}-\d{2}/.test(date) ? { date: date.slice(0, 10) } : {}),
  };
}

/** JobPostings in the page's JSON-LD scripts; `notes` learns of repaired or unreadable scripts. */
export function fromJsonLd(doc: Document, pageUrl: string, notes: string[]): ExtractedAd[] {
  const ads: ExtractedAd[] = [];
  doc.querySelectorAll('script[type="application/ld+json" i]').forEach((script, i) => {
    const parsed = parseLenient(script.textContent ?? '');
    if (!parsed) {
      notes.push(`jsonld: script ${i + 1} is not readable JSON, skipped`);
      return;
    }
    if (parsed.repaired) notes.push(`jsonld: script ${i + 1} was broken JSON, repaired`);
    for (const o of findTyped(parsed.value, 'JobPosting')) {
      const ad = jobPostingAd(o, doc, pageUrl, 'jsonld');
      if (ad) ads.push(ad);
    }
  });
  return ads;
}

/** JobPostings written as microdata (itemscope itemtype=".../JobPosting"). */
export function fromMicrodata(doc: Document, pageUrl: string): { ad: ExtractedAd; element: Element }[] {
  const out: { ad: ExtractedAd; element: Element }[] = [];
  for (const scope of doc.querySelectorAll('[itemscope][itemtype*="JobPosting" i]')) {
    const props = (name: string): Element[] =>
      [...scope.querySelectorAll(`[itemprop~="${name}"]`)].filter((el) => el.parentElement?.closest('[itemscope]') === scope || el.closest('[itemscope]') === scope);
    const value = (el: Element | undefined) => el && oneLine(el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.getAttribute('href') ?? textOf(el));
    const nested = (name: string, inner: string) => {
      const el = scope.querySelector(`[itemprop~="${name}"]`);
      if (!el) return undefined;
      const sub = el.querySelector(`[itemprop~="${inner}"]`);
      return value(sub ?? el);
    };
    const title = value(props('title')[0]) ?? '';
    const descEl = props('description')[0];
    const text = descEl ? textOf(descEl) : '';
    if (!title && !text) continue;
    const employer = nested('hiringOrganization', 'name');
    const location = nested('jobLocation', 'addressLocality') ?? nested('jobLocation', 'address');
    const date = value(props('datePosted')[0]);
    out.push({
      element: descEl ?? scope,
      ad: {
        title, text, url: pageUrl, kind: 'detail', category: 'job', extractor: 'microdata',
        ...(employer ? { employer } : {}),
        ...(location ? { location } : {}),
        ...(date && /^\d{4}-\d{2}-\d{2}/.test(date) ? { date: date.slice(0, 10) } : {}),
      },
    });
  }
  return out;
}
