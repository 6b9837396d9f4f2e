/**
 * The extraction pipeline: from a page (a DOM Document and its URL) to the ads on it. Ordered steps,
 * each failing soft (a step that throws or finds nothing hands over to the next), and every ad names
 * the step that produced it:
 *   0. bot checks and captchas: no ads, the reason noted;
 *   1. schema.org JobPosting in JSON-LD, then microdata;
 *   2. the site's adapter (adapters/), for detail pages and listings;
 *   3. embedded application state (__NEXT_DATA__, flight data, __INITIAL_STATE__...);
 *   4. generic: readability (when given) or the meta description for a detail page, repeated cards
 *      for a listing.
 * Non-job classifieds (cars, flats) come out marked "non-job". Used by the content script, the CLI
 * and the tests alike.
 */
import { adapterFor, countryOfHost, runAdapter, type Adapter } from './adapter.js';
import { fromAppState } from './app-state.js';
import { cardAd, detectCards, fromMeta, mainElement } from './generic.js';
import { fromJsonLd, fromMicrodata } from './jsonld.js';
import { blockedReason, categoryOf } from './not-ad.js';
import type { AdCategory, Extraction, ExtractedAd, FoundAd, PageKind } from './types.js';

export interface ExtractOptions {
  /**
   * The site adapters to look the page's URL up in: every adapter (adapters/index.ts) for the CLI
   * and the page scan, a region's few for a board content script (its size budget).
   */
  adapters: readonly Adapter[];
  /** The adapter to use instead of looking one up by URL (tests), or null for none. */
  adapter?: Adapter | null;
  /**
   * Tells a page's category from its address where no adapter knows the site (not-ad.ts
   * categoryOfUrl): the CLI and the page scan pass it; the board scripts, whose boards all have
   * adapters, do not carry it.
   */
  categoryOfUrl?: (href: string) => AdCategory;
  /** Reads a detail page's main content (readability.ts); without it, the meta description stands in. */
  readability?: (doc: Document, pageUrl: string) => FoundAd | undefined;
}

/** Runs a step, noting instead of throwing when it fails on a page it did not expect. */
function attempt<T>(name: string, notes: string[], fallback: T, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    notes.push(`${name}: failed (${(e as Error).message}), skipped`);
    return fallback;
  }
}

/** Fields the adapter read that the structured data left out (JSON-LD rarely gives contacts). */
function complete(ad: ExtractedAd, from: ExtractedAd | undefined): ExtractedAd {
  if (!from) return ad;
  return {
    ...ad,
    ...(ad.employer ? {} : from.employer ? { employer: from.employer } : {}),
    ...(ad.location ? {} : from.location ? { location: from.location } : {}),
    ...(ad.pay ? {} : from.pay ? { pay: from.pay } : {}),
    ...(ad.contacts?.length ? {} : from.contacts?.length ? { contacts: from.contacts } : {}),
  };
}

export function extractPage(doc: Document, pageUrl: string, options: ExtractOptions): Extraction {
  const notes: string[] = [];
  const blocked = attempt('bot-check', notes, undefined, () => blockedReason(doc));
  if (blocked) return { url: pageUrl, pageKind: 'other', ads: [], notes: [...notes, blocked], blocked };
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return { url: pageUrl, pageKind: 'other', ads: [], notes: [`the page URL "${pageUrl}" is not a URL`] };
  }
  const adapter = options.adapter === undefined ? adapterFor(options.adapters, url.href) : (options.adapter ?? undefined);
  if (adapter) notes.push(`adapter: ${adapter.id}`);

  const structured = attempt('jsonld', notes, [] as ExtractedAd[], () => fromJsonLd(doc, pageUrl, notes));
  const micro = structured.length ? [] : attempt('microdata', notes, [] as FoundAd[], () => fromMicrodata(doc, pageUrl));
  let kind: PageKind | undefined = adapter ? attempt('adapter kind', notes, undefined, () => adapter.pageKind(url, doc)) : undefined;

  let ads: FoundAd[] = [];
  const fromAdapter = (k: PageKind) => (adapter ? attempt(`adapter:${adapter.id}`, notes, [] as FoundAd[], () => runAdapter(adapter, doc, pageUrl, k)) : []);

  // 1. Structured data: one JobPosting is this page's ad; several are the cards of a listing.
  const jobPostings = [...structured.map((ad) => ({ ad }) as FoundAd), ...micro];
  if (jobPostings.length === 1 && kind !== 'listing') {
    kind = 'detail';
    const viaAdapter = fromAdapter('detail')[0];
    const found = jobPostings[0]!;
    ads = [{ ad: complete(found.ad, viaAdapter?.ad), element: viaAdapter?.element ?? found.element ?? mainElement(doc) }];
  } else if (jobPostings.length > 1 && kind !== 'detail') {
    kind = 'listing';
    const cards = fromAdapter('listing');
    ads = jobPostings.map(({ ad, element }) => {
      const card = cards.find((c) => c.ad.title === ad.title);
      return { ad: { ...complete(ad, card?.ad), kind: 'card' as const, url: ad.url !== pageUrl ? ad.url : (card?.ad.url ?? ad.url) }, element: card?.element ?? element };
    });
  }
  if (ads.length) notes.push(`${ads[0]!.ad.extractor}: ${ads.length} ad${ads.length > 1 ? 's' : ''}`);

  // 2. The site's adapter.
  if (!ads.length && adapter && kind && kind !== 'other') {
    ads = fromAdapter(kind);
    notes.push(`adapter:${adapter.id}: ${ads.length ? `${ads.length} ${kind === 'listing' ? 'cards' : 'ad'}` : `found nothing on this ${kind} page, falling through`}`);
  }

  // 3. Application state.
  if (!ads.length) {
    const state = attempt('app-state', notes, [] as ExtractedAd[], () => fromAppState(doc, pageUrl, notes));
    if (state.length) {
      kind ??= state.length > 1 ? 'listing' : 'detail';
      ads = state.map((ad) => ({ ad: kind === 'listing' ? { ...ad, kind: 'card' as const } : ad, element: mainElement(doc) }));
      notes.push(`app-state: ${state.length} record${state.length > 1 ? 's' : ''}`);
    }
  }

  // 4. Generic: repeated cards on a listing (or an unknown page), readability or meta on a detail page.
  if (!ads.length && kind !== 'detail') {
    const cards = attempt('generic-listing', notes, [] as Element[], () => detectCards(doc));
    const found = cards.flatMap((el) => {
      const ad = cardAd(el, pageUrl);
      return ad ? [{ ad, element: el }] : [];
    });
    if (found.length >= 3) {
      kind = 'listing';
      ads = found;
      notes.push(`generic-listing: ${found.length} cards`);
    }
  }
  if (!ads.length && kind !== 'listing') {
    const read = options.readability;
    const article = read ? attempt('readability', notes, undefined, () => read(doc, pageUrl)) : undefined;
    const summary = article ? undefined : attempt('meta', notes, undefined, () => fromMeta(doc, pageUrl));
    const found = article ?? (summary ? { ad: summary, element: mainElement(doc) } : undefined);
    if (found) {
      kind = 'detail';
      ads = [found];
      notes.push(`${found.ad.extractor}: 1 ad`);
    }
  }
  if (!ads.length) notes.push('no ads found');

  // Category and country: the adapter's word first, the ad's own words otherwise.
  const country = countryOfHost(url.hostname);
  const siteCategory = adapter?.category ? attempt('adapter category', notes, undefined, () => adapter.category!(url, doc)) : undefined;
  // Without an adapter's word, the page's own address (a listing of /voitures/ holds cars).
  const pathCategory = adapter || !options.categoryOfUrl ? 'unknown' : options.categoryOfUrl(pageUrl);
  for (const f of ads) {
    if (f.ad.category === 'unknown') {
      f.ad.category = siteCategory && siteCategory !== 'unknown' ? siteCategory : pathCategory !== 'unknown' ? pathCategory : categoryOf(`${f.ad.title}\n${f.ad.text}`);
    }
    if (!f.ad.country && country) f.ad.country = country;
  }
  return { url: pageUrl, pageKind: kind ?? 'other', ads, notes };
}
