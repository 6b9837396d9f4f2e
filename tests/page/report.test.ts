/** Finding a board's own "report this ad" control by its words, label or test id. */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { findReportControl } from '../../src/page/report.js';

const doc = (html: string) => parseHTML(`<html><body>${html}</body></html>`).document as unknown as Document;

describe('findReportControl', () => {
  it.each([
    ['<button>Zgłoś</button>', 'Zgłoś'],
    ['<a href="/report/123">Report this ad</a>', 'Report this ad'],
    ['<button aria-label="Anzeige melden"><svg></svg></button>', ''],
    ['<span role="button">Segnala annuncio</span>', 'Segnala annuncio'],
    ['<button>Αναφορά αγγελίας</button>', 'Αναφορά αγγελίας'],
    ['<div data-testid="ad-report-link"><span>!</span></div>', '!'],
  ])('finds %s', (html, text) => {
    expect(findReportControl(doc(`<p>An ad.</p>${html}`))?.textContent).toBe(text);
  });
  it('leaves pages without one, and longer texts that merely mention reporting', () => {
    expect(findReportControl(doc('<button>Apply</button><a href="/x">How to report a problem with your account</a>'))).toBeUndefined();
  });
});
