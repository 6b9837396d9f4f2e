/**
 * The content scripts' page session, in linkedom with the real pipeline and the real background
 * handler: a listing gets a badge on every card, cards added later (infinite scroll) are sent once,
 * markers switch off and on, and a new URL starts afresh. (Highlights need DOM ranges, which
 * linkedom lacks: tests/e2e checks them in Chromium.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../src/extract/adapters/index.js';
import { extractPage } from '../../src/extract/pipeline.js';
import { handleMessage, type TabStore } from '../../src/messages/handle.js';
import type { AssessBatchRequest } from '../../src/messages/protocol.js';
import { isOwnMutation, PageSession } from '../../src/page/session.js';
import { HOST_TAG } from '../../src/ui/markers.js';

const PAGES = join(import.meta.dirname, '..', 'fixtures', 'pages');

function setup(file: string, markers = { on: true }) {
  const { document } = parseHTML(readFileSync(join(PAGES, file), 'utf8'));
  const doc = document as unknown as Document;
  const store: TabStore = new Map();
  const sent: AssessBatchRequest[] = [];
  const session = new PageSession(doc, {
    extract: (d, url) => extractPage(d, url, { adapters: ADAPTERS }),
    send: async (request) => {
      sent.push(request);
      // Through JSON, as a message goes between contexts.
      return handleMessage(JSON.parse(JSON.stringify(request)), { tabId: 7, store });
    },
    markers: () => markers.on,
  });
  return { doc, store, sent, session };
}

describe('page session', () => {
  it('marks every card of a listing with its level, and keeps the results for the popup', async () => {
    const { doc, store, sent, session } = setup('olx/listing-praca.html');
    const report = await session.pass('https://www.olx.pl/praca/');
    expect(report).toMatchObject({ kind: 'listing', sent: 3, marked: 3 });
    const cards = [...doc.querySelectorAll('[data-cy="l-card"]')];
    for (const card of cards) expect(card.querySelectorAll(HOST_TAG)).toHaveLength(1);
    const levels = cards.map((c) => c.querySelector(HOST_TAG)!.getAttribute('data-level'));
    expect(levels.every((l) => ['none', 'low', 'elevated', 'high'].includes(l!))).toBe(true);
    // The badge's words come from the assessment, set as text.
    const badge = cards[0]!.querySelector(HOST_TAG)!.shadowRoot!;
    expect(badge.querySelector('button')!.textContent).toMatch(/^Telltale: /);
    expect(sent[0]!.append).toBe(false);
    expect(store.get(7)!.ads).toHaveLength(3);
  });

  it('sends only new cards after the listing grows (infinite scroll), appending to the tab results', async () => {
    const { doc, store, sent, session } = setup('olx/listing-praca.html');
    await session.pass('https://www.olx.pl/praca/');
    const grid = doc.querySelector('[data-testid="listing-grid"]')!;
    const extra = doc.querySelector('[data-cy="l-card"]')!.cloneNode(true) as Element;
    extra.querySelector(HOST_TAG)?.remove();
    extra.querySelector('h6')!.textContent = 'Praca za granicą – hostessa, Dubaj, wysokie zarobki, bilet opłacony';
    extra.querySelector('a')!.setAttribute('href', '/oferta/praca/hostessa-dubaj-CID4-IDtest99.html');
    grid.append(extra);
    const again = await session.pass('https://www.olx.pl/praca/');
    expect(again).toMatchObject({ sent: 1, marked: 1 });
    expect(sent[1]!.append).toBe(true);
    expect(sent[1]!.ads.map((a) => a.title)).toEqual(['Praca za granicą – hostessa, Dubaj, wysokie zarobki, bilet opłacony']);
    expect(store.get(7)!.ads).toHaveLength(4);
    expect(extra.querySelectorAll(HOST_TAG)).toHaveLength(1);
    // Nothing new: nothing sent.
    expect(await session.pass('https://www.olx.pl/praca/')).toMatchObject({ sent: 0 });
    expect(sent).toHaveLength(2);
  });

  it('draws no markers while they are switched off, and draws them when switched back on', async () => {
    const markers = { on: false };
    const { doc, store, session } = setup('olx/listing-praca.html', markers);
    expect(await session.pass('https://www.olx.pl/praca/')).toMatchObject({ sent: 3, marked: 0 });
    expect(doc.querySelectorAll(HOST_TAG)).toHaveLength(0);
    expect(store.get(7)!.ads).toHaveLength(3);
    markers.on = true;
    session.redraw();
    expect(doc.querySelectorAll(HOST_TAG)).toHaveLength(3);
    session.unmark();
    expect(doc.querySelectorAll(HOST_TAG)).toHaveLength(0);
  });

  it('starts afresh on a new URL (single-page-app navigation): old markers go, ads are sent again', async () => {
    const { doc, sent, session } = setup('olx/listing-praca.html');
    await session.pass('https://www.olx.pl/praca/');
    const report = await session.pass('https://www.olx.pl/praca/?page=2');
    expect(report).toMatchObject({ sent: 3, marked: 3 });
    expect(sent[1]!.append).toBe(false);
    expect(doc.querySelectorAll(HOST_TAG)).toHaveLength(3);
  });

  it('marks only the levels the settings ask for, and keeps every result', async () => {
    const { doc, store, session } = setup('olx/listing-praca.html');
    (session as unknown as { deps: { markers(l: string): boolean } }).deps.markers = (level) => level === 'high';
    expect(await session.pass('https://www.olx.pl/praca/')).toMatchObject({ sent: 3, marked: 0 });
    expect(doc.querySelectorAll(HOST_TAG)).toHaveLength(0);
    expect(store.get(7)!.ads).toHaveLength(3);
  });

  it("treats only Telltale's own nodes as its own mutations", () => {
    const { doc } = setup('olx/listing-praca.html');
    const marker = doc.createElement(HOST_TAG);
    const card = doc.createElement('div');
    const rec = (nodes: Node[]) => ({ addedNodes: nodes, removedNodes: [] }) as unknown as MutationRecord;
    expect(isOwnMutation(rec([marker]))).toBe(true);
    expect(isOwnMutation(rec([card]))).toBe(false);
    expect(isOwnMutation(rec([marker, card]))).toBe(false);
  });
});
