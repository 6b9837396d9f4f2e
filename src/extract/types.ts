/**
 * What extraction produces: the ads found on one page, each with the extractor that found it, in
 * the engine's `Ad` shape plus what a page adds (the kind of page, the ad's own link, its category).
 * DOM code only (no Node or extension APIs): the content script, the CLI and the tests share it.
 */
import type { Ad } from '../engine/types.js';

/** A page shows one ad (detail), many ad cards (listing), or no ad at all. */
export type PageKind = 'detail' | 'listing' | 'other';

/**
 * Whether an ad is a job offer. Classifieds boards mix jobs with cars and flats: those are kept
 * (a moderator may want to see them) but marked, and the engine does not score them.
 */
export type AdCategory = 'job' | 'non-job' | 'unknown';

export interface ExtractedAd extends Ad {
  title: string;
  text: string;
  url: string;
  /** A whole detail page, or one card of a listing. */
  kind: 'detail' | 'card';
  category: AdCategory;
  /** Which step found it: "jsonld", "microdata", "adapter:olx", "app-state", "readability"... */
  extractor: string;
}

/** An extracted ad and the element it came from (for in-page highlights and markers). */
export interface FoundAd {
  ad: ExtractedAd;
  element?: Element;
}

export interface Extraction {
  url: string;
  pageKind: PageKind;
  ads: FoundAd[];
  /** What each step of the pipeline did: "adapter:olx: 52 cards", "jsonld: broken JSON repaired"... */
  notes: string[];
  /** Set when the page is a bot check, a captcha or an error page rather than content. */
  blocked?: string;
}
