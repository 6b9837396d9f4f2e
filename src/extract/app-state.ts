/**
 * Step 3 of the pipeline: the application state that many boards render their pages from: Next.js
 * `__NEXT_DATA__`, Next.js flight data (`self.__next_f.push`), Nuxt's `__NUXT__` and the
 * `window.__INITIAL_STATE__ = {...}` / `__PRERENDERED_STATE__ = "..."` style. Job-like records
 * (a title and a description or body) are found generically, whatever the board named its fields.
 */
import { jobPostingAd, parseLenient, findTyped } from './jsonld.js';
import { htmlToText, oneLine } from './text.js';
import type { ExtractedAd } from './types.js';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

const TITLE_KEYS = ['title', 'jobTitle', 'job_title', 'position', 'positionName', 'headline', 'name'];
const BODY_KEYS = ['description', 'descriptionHtml', 'description_html', 'jobDescription', 'job_description', 'body', 'content', 'text', 'details', 'summary', 'snippet'];
const EMPLOYER_KEYS = ['company', 'companyName', 'company_name', 'employer', 'employerName', 'hiringOrganization', 'advertiser'];
const LOCATION_KEYS = ['location', 'city', 'cityName', 'locationName', 'address', 'place', 'region'];
const URL_KEYS = ['url', 'link', 'href', 'jobUrl', 'canonicalUrl'];

/** Text under a key: a string, or a name / label / value field of an object. */
function textAt(o: Obj, keys: string[]): string | undefined {
  for (const k of keys) {
    const v = o[k];
    if (typeof v === 'string' && v.trim()) return v;
    if (isObj(v)) for (const inner of ['name', 'label', 'value', 'normalized_name', 'displayName', 'city']) if (typeof v[inner] === 'string' && (v[inner] as string).trim()) return v[inner] as string;
  }
  return undefined;
}

/** The JSON values of the page's state scripts. */
export function stateValues(doc: Document, notes: string[]): unknown[] {
  const values: unknown[] = [];
  const next = doc.querySelector('script#__NEXT_DATA__');
  if (next?.textContent) {
    const p = parseLenient(next.textContent);
    if (p) values.push(p.value);
    else notes.push('app-state: __NEXT_DATA__ is not readable JSON');
  }
  const flight: string[] = [];
  for (const script of doc.querySelectorAll('script:not([src])')) {
    const code = script.textContent ?? '';
    if (script.id === '__NEXT_DATA__' || code.length < 20) continue;
    // Next.js flight data: self.__next_f.push([1,"...escaped chunk..."])
    for (const m of code.matchAll(/self\.__next_f\.push\(\[\d+,\s*("(?:[^"\\]|\\.)*")\]\)/g)) {
      try {
        flight.push(JSON.parse(m[1]!) as string);
      } catch {
        // a chunk cut in the middle of an escape
      }
    }
    // window.__X_STATE__ = {...}; or = "...json in a string...";
    const assign = /(?:window\.|self\.)?(__[A-Z_]*(?:STATE|DATA|NUXT|APOLLO)[A-Z_]*__|__NUXT__)\s*=\s*/.exec(code);
    if (assign) {
      const rest = code.slice(assign.index + assign[0].length).trim();
      const value = leadingJson(rest);
      if (value !== undefined) values.push(typeof value === 'string' ? parseLenient(value)?.value : value);
    }
  }
  if (flight.length) {
    // Flight rows are "id:JSON" lines; the JSON ones among them can hold the records.
    for (const line of flight.join('').split('\n')) {
      const body = line.replace(/^[0-9a-f]+:/, '');
      if (body.startsWith('{') || body.startsWith('[')) {
        const p = parseLenient(body);
        if (p) values.push(p.value);
      }
    }
  }
  return values;
}

/** The JSON value at the start of `s` (an object, an array or a string), read by bracket matching. */
function leadingJson(s: string): unknown {
  const open = s[0];
  if (open === '"') {
    const m = /^"(?:[^"\\]|\\.)*"/.exec(s);
    return m ? (parseLenient(m[0])?.value as unknown) : undefined;
  }
  if (open !== '{' && open !== '[') return undefined;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      if (--depth === 0) return parseLenient(s.slice(0, i + 1))?.value;
    }
  }
  return undefined;
}

/** Objects that look like job ads: a short title and a description of some length. */
export function jobRecords(value: unknown, out: Obj[] = [], depth = 0, seen = new Set<unknown>()): Obj[] {
  if (depth > 25 || seen.has(value)) return out;
  if (Array.isArray(value)) {
    seen.add(value);
    for (const v of value) jobRecords(v, out, depth + 1, seen);
  } else if (isObj(value)) {
    seen.add(value);
    const title = textAt(value, TITLE_KEYS);
    const body = textAt(value, BODY_KEYS);
    if (title && title.length <= 200 && body && body.length >= 60 && body !== title) out.push(value);
    else for (const v of Object.values(value)) if (typeof v === 'object') jobRecords(v, out, depth + 1, seen);
  }
  return out;
}

/** Ads from the page's application state; `kind` says whether the page is one ad or a listing. */
export function fromAppState(doc: Document, pageUrl: string, notes: string[]): ExtractedAd[] {
  const ads: ExtractedAd[] = [];
  const seen = new Set<string>();
  for (const value of stateValues(doc, notes)) {
    // JobPosting objects embedded in the state read like JSON-LD.
    for (const o of findTyped(value, 'JobPosting')) {
      const ad = jobPostingAd(o, doc, pageUrl, 'app-state');
      if (ad && !seen.has(ad.title + ad.text.slice(0, 80))) {
        seen.add(ad.title + ad.text.slice(0, 80));
        ads.push(ad);
      }
    }
    for (const r of jobRecords(value)) {
      const title = oneLine(textAt(r, TITLE_KEYS));
      const text = htmlToText(textAt(r, BODY_KEYS)!, doc);
      const key = title + text.slice(0, 80);
      if (seen.has(key)) continue;
      seen.add(key);
      const employer = oneLine(textAt(r, EMPLOYER_KEYS));
      const location = oneLine(textAt(r, LOCATION_KEYS));
      const link = textAt(r, URL_KEYS);
      let url = pageUrl;
      try {
        if (link) url = new URL(link, pageUrl).href;
      } catch {
        // keep the page URL
      }
      ads.push({
        title, text, url, kind: 'detail', category: 'unknown', extractor: 'app-state',
        ...(employer ? { employer } : {}),
        ...(location ? { location } : {}),
      });
    }
  }
  return ads;
}
