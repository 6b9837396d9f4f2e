/**
 * Sprzedajemy.pl: Polish general classifieds (cars, flats, goods) with a job section under /praca.
 * Server-rendered HTML with plain, long-lived class names and ids: listing rows are
 * <li id="offer-NNN"> with an a.offerLink title, detail pages end in -nrNNN and hold the ad in
 * .offerDetailsTop / #offerDetailsBottom with the description in .offerDescription. The category of
 * a detail page is in its breadcrumbs (.cntPath), not in its URL.
 */
import type { Adapter, AdapterExamples } from '../adapter.js';

const JOB_PATH = /(?:^|\/)praca(?:[/?#]|$)/i;

export const sprzedajemy: Adapter = {
  id: 'sprzedajemy',
  name: 'Sprzedajemy.pl',
  urls: [/^https?:\/\/(?:www\.)?sprzedajemy\.pl(?:[/?#]|$)/i],
  pageKind(url, doc) {
    if (/-nr\d+\/?$/i.test(url.pathname)) return 'detail';
    if (doc.querySelector('li[id^="offer-"]')) return 'listing';
    return url.pathname === '/' ? 'other' : 'listing';
  },
  category(url, doc) {
    if (JOB_PATH.test(url.pathname) || /catCode=praca/i.test(url.search)) return 'job';
    const crumbs = [...doc.querySelectorAll('.cntPath a[href]')].map((a) => a.getAttribute('href') ?? '');
    if (crumbs.some((h) => JOB_PATH.test(h))) return 'job';
    return crumbs.length || (url.pathname.length > 1 && !url.pathname.startsWith('/szukaj')) ? 'non-job' : 'unknown';
  },
  detail: {
    // No root: title, price and seller sit in separate blocks around #offerDetailsBottom.
    title: [
      '.offerDetailsTop h1 .isUrgentTitle', // the title's own span (an "Pilne" badge may follow)
      '.offerDetailsTop h1',
      'h1',
    ],
    text: [
      '.offerDescription', // the ad's body
      '#offerDetailsBottom',
    ],
    employer: [
      '.userInfo .name', // the advertiser's name (firm or person)
      '.offerDetailsBottomUser .name',
    ],
    location: ['.offerDetailsTop .locationName', 'a.locationName'],
    pay: [
      '.offerDetailsTop .price', // "4 500 - 6 000 zł" with the gross/net label
      '[itemprop="price"]',
    ],
  },
  listing: {
    card: [
      'li[id^="offer-"]', // 2015- rows, jobs and goods alike
      'ul.list > li',
    ],
    title: ['h2 a.offerLink', 'h2', 'a.offerLink[title]'],
    link: ['h2 a.offerLink', 'a.offerLink'],
    location: ['.address', '.city'],
    pay: ['.pricing .price', '.price'],
  },
};

/** Example URLs (checked by tests/extract/adapters.test.ts), apart from the adapter so that content scripts do not carry them. */
export const examples: AdapterExamples = {
  detail: [
    'https://sprzedajemy.pl/kierowca-c-e-praca-w-niemczech-od-zaraz-nr74012345',
    'https://sprzedajemy.pl/pomoc-kuchenna-gdansk-nr73900011',
    'https://sprzedajemy.pl/volkswagen-passat-b8-2-0-tdi-nr73811122',
  ],
  listing: [
    'https://sprzedajemy.pl/praca',
    'https://sprzedajemy.pl/praca/transport-i-logistyka?offset=30',
    'https://sprzedajemy.pl/szukaj?inp_text%5Bv%5D=magazynier&catCode=praca',
    'https://sprzedajemy.pl/motoryzacja/samochody-osobowe',
  ],
};
