/**
 * The evidence bundle's format, version 1: one .zip with
 *   record.json     what was seen (address, time, title, the ads with their assessments) and the
 *                   SHA-256 of each captured file
 *   record.sha256   the SHA-256 of record.json, in `sha256sum` format ("<hex>  record.json")
 *   text.txt        the ads' extracted text, UTF-8 (absent when no ad was read on the page)
 *   screenshot.png  the visible part of the tab (absent when the browser refused the capture)
 *   page.html       the page's document.documentElement.outerHTML, UTF-8 (absent when refused)
 * A part that could not be captured is named in the record with the reason, never silently left out.
 * The README's "Evidence bundles" section documents every field; a change of layout gets a new
 * `format` string, so that `telltale verify` can tell bundles apart.
 */
import type { Assessment } from '../engine/types.js';
import type { ScoredAd } from '../messages/handle.js';

export const FORMAT = 'telltale-evidence/1';

export const RECORD_FILE = 'record.json';
export const RECORD_HASH_FILE = 'record.sha256';

/** The captured parts, in the order `telltale verify` reports them, with their file names. */
export const PARTS = { text: 'text.txt', screenshot: 'screenshot.png', html: 'page.html' } as const;
export type Part = keyof typeof PARTS;

/** A captured file: its name in the zip, size in bytes and SHA-256 (lower-case hex). */
export interface CapturedFile {
  name: string;
  bytes: number;
  sha256: string;
}
/** A part the browser did not give, and why (in English, as the browser or Telltale said it). */
export interface MissingFile {
  name: string;
  missing: string;
}

/** One ad of the page as the record keeps it. */
export interface RecordedAd {
  title: string;
  url?: string;
  category: ScoredAd['category'];
  extractor: string;
  kind: ScoredAd['kind'];
  /** Where this ad's extracted text is in text.txt: UTF-8 byte offsets, end exclusive. */
  text: { start: number; end: number };
  /** Null for non-job classifieds, which are not scored. */
  assessment: Assessment | null;
}

export interface EvidenceRecord {
  format: typeof FORMAT;
  /** When the page was captured, ISO 8601 in UTC ("2026-12-07T05:21:53.000Z"). */
  capturedAt: string;
  /** The page's address when captured. */
  url: string;
  /** The page's title (document.title), or null if it could not be read. */
  title: string | null;
  /** What the page was to Telltale: an ad ("detail"), a listing, another page, or not read (null). */
  pageKind: 'detail' | 'listing' | 'other' | null;
  extension: { name: 'Telltale'; version: string };
  /** The rules the assessments were made with: the built-in packs' version or a custom pack's. */
  rules: { version: string; custom: boolean };
  ads: RecordedAd[];
  files: Record<Part, CapturedFile | MissingFile>;
}
