/**
 * What a content script does on one page: extract the ads, have the background score them, and mark
 * the page (highlights on an ad page, a badge on each card of a listing). A listing that grows by
 * infinite scroll is read again after its changes settle, and only cards not seen before are sent;
 * a single-page app's navigation starts a new page. DOM code with its browser calls passed in, so
 * that the content scripts wire it and the tests can drive it.
 */
import type { Assessment, Level } from '../engine/types.js';
import type { ExtractedAd, Extraction } from '../extract/types.js';
import type { Response, RuleNote, ScoredAd } from '../messages/handle.js';
import type { AssessBatchRequest } from '../messages/protocol.js';
import { findReportControl } from './report.js';
import { addCardMarker, attachTooltip, clearMarkers, highlightAd, HOST_TAG, type MarkerLabels } from '../ui/markers.js';

export interface SessionDeps {
  /** The extraction pipeline (with or without readability). */
  extract(doc: Document, url: string): Extraction;
  /** Sends a batch to the background and returns its answer. */
  send(request: AssessBatchRequest): Promise<Response>;
  /** Whether to draw the marker of an ad of this level (settings); results are kept either way. */
  markers(level: Level): boolean;
}

/** What one pass did, for the tests and the page benchmark. */
export interface PassReport {
  url: string;
  kind: Extraction['pageKind'];
  /** Ads sent in this pass (new cards only after the first). */
  sent: number;
  marked: number;
  blocked?: string;
}

/** The most the background takes in one batch (protocol.ts). */
const BATCH = 300;

/** How an ad goes over the wire: the fields the protocol accepts, within its bounds. */
function toWire(ad: ExtractedAd): AssessBatchRequest['ads'][number] {
  const cut = (s: string | undefined, n: number) => (s === undefined ? undefined : s.slice(0, n));
  return {
    title: cut(ad.title, 5_000),
    text: cut(ad.text, 1_000_000)!,
    url: cut(ad.url, 4_000),
    ...(ad.country && /^[A-Z]{2}$/.test(ad.country) ? { country: ad.country } : {}),
    ...(ad.employer ? { employer: cut(ad.employer, 500) } : {}),
    ...(ad.location ? { location: cut(ad.location, 500) } : {}),
    ...(typeof ad.pay === 'string' && ad.pay ? { pay: cut(ad.pay, 500) } : {}),
    ...(ad.contacts?.length ? { contacts: ad.contacts.slice(0, 20).map((c) => c.slice(0, 300)) } : {}),
    category: ad.category,
    extractor: ad.extractor.slice(0, 60),
    kind: ad.kind,
  };
}

export class PageSession {
  /** Elements already sent (cards, or a detail page's ad element). */
  private seen = new WeakSet<Element>();
  /** Ads without an element, by URL and title. */
  private seenKeys = new Set<string>();
  private url = '';
  private passes = 0;
  private tooltips = new AbortController();
  /** What the background said of each element, to redraw markers when they are switched on again. */
  private results = new Map<Element, { scored: ScoredAd; notes: Record<string, RuleNote>; labels: MarkerLabels }>();
  /** Each card's element by its ad's link, for the popup's "show on the page". */
  private byUrl = new Map<string, Element>();

  constructor(
    private readonly doc: Document,
    private readonly deps: SessionDeps,
  ) {}

  /** Reads the page (again): the first pass sends every ad, later passes only new ones. */
  async pass(url: string): Promise<PassReport> {
    if (url !== this.url) this.reset(url);
    const extraction = this.deps.extract(this.doc, url);
    if (extraction.blocked) return { url, kind: extraction.pageKind, sent: 0, marked: 0, blocked: extraction.blocked };
    const fresh = extraction.ads.filter(({ ad, element }) => {
      if (element && element.isConnected) {
        if (this.seen.has(element)) return false;
        this.seen.add(element);
        return true;
      }
      const key = `${ad.url}\n${ad.title}`;
      if (this.seenKeys.has(key)) return false;
      this.seenKeys.add(key);
      return true;
    });
    const first = this.passes++ === 0;
    if (!fresh.length && !first) return { url, kind: extraction.pageKind, sent: 0, marked: 0 };
    let marked = 0;
    for (let i = 0; i < Math.max(1, fresh.length); i += BATCH) {
      const chunk = fresh.slice(i, i + BATCH);
      const answer = await this.deps.send({
        type: 'assess-batch',
        page: {
          url: url.slice(0, 4_000), kind: extraction.pageKind, title: (this.doc.title || '').slice(0, 500),
          ...(extraction.pageKind === 'detail' && findReportControl(this.doc) ? { report: true } : {}),
        },
        append: !(first && i === 0),
        ads: chunk.map((f) => toWire(f.ad)),
      });
      if (!answer.ok || !('results' in answer)) continue;
      answer.results.forEach((scored, k) => {
        const element = chunk[k]?.element;
        if (element && scored.url) this.byUrl.set(scored.url, element);
        if (!element || !scored.assessment) return;
        this.results.set(element, { scored, notes: answer.notes, labels: answer.labels });
        if (this.deps.markers(scored.assessment.level) && this.mark(element, scored.kind, scored.assessment, answer.notes, answer.labels)) marked++;
      });
    }
    return { url, kind: extraction.pageKind, sent: fresh.length, marked };
  }

  /** Scrolls to an ad's card and puts the focus on its marker (or the card). Returns whether found. */
  showCard(url: string): boolean {
    const el = this.byUrl.get(url);
    if (!el || !el.isConnected) return false;
    el.scrollIntoView({ block: 'center', behavior: 'smooth' });
    const button = el.querySelector(HOST_TAG)?.shadowRoot?.querySelector('button') as HTMLElement | null | undefined;
    if (button) button.focus({ preventScroll: true });
    else {
      if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
      (el as HTMLElement).focus({ preventScroll: true });
    }
    return true;
  }

  /** Draws the markers of every ad scored so far (markers switched back on). */
  redraw(): void {
    clearMarkers(this.doc);
    this.tooltips.abort();
    this.tooltips = new AbortController();
    for (const [element, { scored, notes, labels }] of this.results) {
      if (element.isConnected && scored.assessment && this.deps.markers(scored.assessment.level)) this.mark(element, scored.kind, scored.assessment, notes, labels);
    }
  }

  /** Removes every marker (markers switched off); results stay. */
  unmark(): void {
    this.tooltips.abort();
    this.tooltips = new AbortController();
    clearMarkers(this.doc);
  }

  /** A new page (single-page-app navigation): nothing of the old one is kept or shown. */
  reset(url: string): void {
    this.unmark();
    this.seen = new WeakSet();
    this.seenKeys.clear();
    this.results.clear();
    this.byUrl.clear();
    this.passes = 0;
    this.url = url;
  }

  private mark(element: Element, kind: 'detail' | 'card', assessment: Assessment, notes: Record<string, RuleNote>, labels: MarkerLabels): boolean {
    if (kind === 'card') {
      addCardMarker(element, assessment, notes, labels);
      return true;
    }
    const result = highlightAd(element, assessment);
    attachTooltip(this.doc, result, notes, this.tooltips.signal, labels);
    return result.ranges.length > 0;
  }
}

/** Whether a mutation is Telltale's own (a marker added or removed), which must not start a pass. */
export function isOwnMutation(m: MutationRecord): boolean {
  const own = (n: Node) => n.nodeType === 1 && ((n as Element).tagName.toLowerCase() === HOST_TAG || (n as Element).id === 'telltale-highlight-style' || (n as Element).hasAttribute?.('data-telltale'));
  const nodes = [...m.addedNodes, ...m.removedNodes];
  return nodes.length > 0 && nodes.every(own);
}
