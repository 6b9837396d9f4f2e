/**
 * Site adapters: what one board's markup looks like. One file per site under adapters/, its id the
 * file name. Selectors are ordered alternatives, newest layout first, each commented with the layout
 * it serves: boards change their markup, and an adapter that finds nothing lets the pipeline fall
 * through to the generic steps instead of failing.
 */
import type { StructuredPay } from '../engine/types.js';
import { absolute, oneLine, pick, pickAll, textOf } from './text.js';
import type { AdCategory, ExtractedAd, FoundAd, PageKind } from './types.js';

export type Selectors = readonly string[];

/** Where the fields of an ad are, inside its root (a detail page's main block, or one card). */
export interface FieldSelectors {
  title: Selectors;
  /** The ad's body; on a card, what the card shows (snippet, tags). The whole root when absent. */
  text?: Selectors;
  employer?: Selectors;
  location?: Selectors;
  /** A salary as the site writes it ("5 000 - 6 000 zł brutto"): the engine parses it. */
  pay?: Selectors;
  /** tel:, mailto: and messenger links or numbers shown with the ad. */
  contacts?: Selectors;
  /** A card's link to its detail page (the card itself when it is the link). */
  link?: Selectors;
}

/**
 * Example URLs of a board, exported beside its adapter (`examples`) and tested against the adapter's
 * `urls` and against every other adapter's; not part of the adapter, which content scripts carry.
 */
export interface AdapterExamples {
  detail: readonly string[];
  listing: readonly string[];
}

export interface Adapter {
  id: string;
  name: string;
  /** Page URLs the adapter reads (tested against the whole href). */
  urls: readonly RegExp[];
  /** A detail page, a listing, or neither (a home page, a help page). */
  pageKind(url: URL, doc: Document): PageKind;
  /** Whether the ads of a page are jobs, when the site's categories say it (OLX /praca/ is). */
  category?(url: URL, doc: Document): AdCategory;
  detail?: FieldSelectors & { root?: Selectors };
  listing?: FieldSelectors & { card: Selectors };
}

/**
 * The adapter of a list whose URLs match a page URL. The port is left out: it says nothing of the
 * board (and the end-to-end tests serve the boards' host names from a local port).
 */
export function adapterFor(adapters: readonly Adapter[], href: string): Adapter | undefined {
  let bare = href;
  try {
    const u = new URL(href);
    if (u.port) bare = `${u.protocol}//${u.hostname}${u.pathname}${u.search}${u.hash}`;
  } catch {
    // not a URL: matched as it is
  }
  return adapters.find((a) => a.urls.some((re) => re.test(bare)));
}

/** Country of a site by its domain: "olx.pl" → PL, "uk.indeed.com" → GB, "milanuncios.com" → ES. */
export function countryOfHost(host: string): string | undefined {
  const h = host.toLowerCase().replace(/^www\./, '');
  const sub = /^([a-z]{2})\.(?:indeed|linkedin|jooble|careerjet)\.com$/.exec(h)?.[1];
  if (sub) return sub === 'uk' ? 'GB' : sub.toUpperCase();
  if (/\.co\.uk$|\.uk$/.test(h)) return 'GB';
  if (/(?:^|\.)(?:milanuncios\.com|infojobs\.net)$/.test(h)) return 'ES';
  if (/(?:^|\.)craigslist\.org$/.test(h)) return 'US';
  if (/(?:^|\.)gumtree\.com$/.test(h)) return 'GB';
  const tld = /\.([a-z]{2})$/.exec(h)?.[1];
  if (!tld || ['eu', 'io', 'co', 'me', 'tv'].includes(tld)) return undefined;
  return tld === 'gr' ? 'GR' : tld.toUpperCase();
}

function contactsIn(root: Element, selectors: Selectors | undefined): string[] {
  const found = new Set<string>();
  const links = [...(selectors ? pickAll(root, selectors) : []), ...root.querySelectorAll('a[href^="tel:" i], a[href^="mailto:" i], a[href*="wa.me/" i], a[href*="t.me/" i], a[href^="viber:" i]')];
  for (const el of links) {
    const href = el.getAttribute('href') ?? '';
    const value = /^(?:tel|mailto|viber):/i.test(href) ? decodeURIComponent(href.replace(/^[a-z]+:(?:\/\/)?/i, '').split('?')[0]!) : /wa\.me|t\.me/i.test(href) ? href : oneLine(textOf(el));
    if (value) found.add(value);
  }
  return [...found];
}

/**
 * An employer's name without the links and buttons beside it in the same element ("NordTrans Sp. z
 * o.o." and not "NordTrans Sp. z o.o.O firmie"), unless the name is nothing but a link (a company
 * name that links to its profile). Other fields keep their links: a location's region often is one.
 */
function ownText(el: Element | undefined): string {
  if (!el || !el.querySelector('a, button')) return textOf(el);
  const copy = el.cloneNode(true) as Element;
  for (const inner of [...copy.querySelectorAll('a, button')]) inner.remove();
  const rest = oneLine(textOf(copy));
  return rest || textOf(el);
}

/** The ad in one root element (a card or a detail page's main block), by the field selectors. */
export function adFromRoot(root: Element, f: FieldSelectors, base: { url: string; kind: ExtractedAd['kind']; category: AdCategory; extractor: string; country?: string }): ExtractedAd | undefined {
  const titleEl = pick(root, f.title);
  const title = oneLine(titleEl?.getAttribute('title') && !textOf(titleEl) ? titleEl.getAttribute('title') : textOf(titleEl));
  const textEl = f.text ? pick(root, f.text) : root;
  let text = textOf(textEl);
  // A card's text repeats its title: keep the body only.
  if (title && text.startsWith(title)) text = text.slice(title.length).trim();
  if (!title && !text) return undefined;
  const field = (sel: Selectors | undefined) => (sel ? oneLine(textOf(pick(root, sel))) : '');
  const employer = f.employer ? oneLine(ownText(pick(root, f.employer))) : '';
  const location = field(f.location);
  const pay = field(f.pay);
  const contacts = contactsIn(root, f.contacts);
  let url = base.url;
  if (f.link) {
    const linkEl = root.matches(f.link.join(',')) ? root : pick(root, f.link);
    url = absolute(linkEl?.getAttribute('href'), base.url) ?? base.url;
  }
  return {
    title, text, url, kind: base.kind, category: base.category, extractor: base.extractor,
    ...(employer ? { employer } : {}),
    ...(location ? { location } : {}),
    ...(pay ? { pay: pay as string | StructuredPay } : {}),
    ...(contacts.length ? { contacts } : {}),
    ...(base.country ? { country: base.country } : {}),
  };
}

/** Runs an adapter on a page: the detail ad or the listing's cards, or nothing. */
export function runAdapter(adapter: Adapter, doc: Document, pageUrl: string, kind: PageKind): FoundAd[] {
  const url = new URL(pageUrl);
  const category = adapter.category?.(url, doc) ?? 'unknown';
  const base = { url: pageUrl, category, extractor: `adapter:${adapter.id}`, country: countryOfHost(url.hostname) };
  if (kind === 'detail' && adapter.detail) {
    const root = adapter.detail.root ? pick(doc, adapter.detail.root) : doc.body;
    if (!root) return [];
    const ad = adFromRoot(root, adapter.detail, { ...base, kind: 'detail' });
    // A detail page's body holds the page's chrome too: without its own text selector matching,
    // the adapter does not know this layout.
    if (!ad || !ad.title || (adapter.detail.text && !pick(root, adapter.detail.text))) return [];
    const textEl = adapter.detail.text ? pick(root, adapter.detail.text) : root;
    return [{ ad, element: textEl ?? root }];
  }
  if (kind === 'listing' && adapter.listing) {
    const out: FoundAd[] = [];
    for (const card of pickAll(doc, adapter.listing.card)) {
      const ad = adFromRoot(card, adapter.listing, { ...base, kind: 'card' });
      if (ad && ad.title) out.push({ ad, element: card });
    }
    return out;
  }
  return [];
}
