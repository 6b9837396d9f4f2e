/**
 * The boards a content script serves. The supported boards are split into regions (one file each
 * here, one content script each in entrypoints/) so that every content script carries only its own
 * few adapters: a content script runs on every page of its boards, and its budget is 40 KB.
 * Match patterns take both schemes, so that the end-to-end tests can serve fixture pages over plain
 * HTTP under the boards' real host names; every other site is reached only through activeTab.
 */
import type { Adapter } from '../adapter.js';

export interface Board {
  name: string;
  adapters: readonly Adapter[];
  /** Where the region's content script runs (WebExtension match patterns). */
  matches: readonly string[];
}
