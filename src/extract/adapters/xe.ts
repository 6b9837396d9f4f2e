/**
 * xe.gr (Χρυσή Ευκαιρία): Greek classifieds. Job ads live under /jobs/ (older links: /ergasia/),
 * next to property (/property/) and cars (/auto/). Detail pages are /<section>/d/<category>/<id>/<slug>,
 * results pages /<section>/results?... or /<section>/r/<category>/<place>. Markup: server-rendered
 * React with readable BEM-like classes shared by every section ("common-ad" cards, "common-*-ad-title",
 * "property-ad-price"), plus a few data-testid attributes on the ad page.
 */
import type { Adapter, AdapterExamples } from '../adapter.js';

const JOB_PATHS = /^\/(?:jobs|ergasia)(?:\/|$)/i;

export const xe: Adapter = {
  id: 'xe',
  name: 'xe.gr',
  urls: [/^https?:\/\/(?:www\.|m\.)?xe\.gr\//i],
  pageKind(url, doc) {
    if (/^\/[a-z-]+\/d\//i.test(url.pathname)) return 'detail';
    if (doc.querySelector('.common-ad') || /\/(?:results|search|r)(?:\/|$)/i.test(url.pathname)) return 'listing';
    return 'other';
  },
  category(url) {
    if (JOB_PATHS.test(url.pathname)) return 'job';
    return url.pathname.length > 1 ? 'non-job' : 'unknown';
  },
  detail: {
    root: [
      '[data-testid="ad-page"]', // 2021- layout: the ad's column, without the "similar ads" strip
      'main', // any layout
    ],
    title: [
      '[data-testid="ad-title"]', // 2021- layout
      '.title-section h1',
      'h1',
    ],
    text: [
      '[data-testid="ad-description"]', // 2021- layout: the free text of the ad
      '.ad-description', // class of the same block
      '[itemprop="description"]', // older server-rendered pages
    ],
    employer: [
      '[data-testid="advertiser-name"]', // company or private advertiser
      '.advertiser-info .advertiser-name',
    ],
    location: [
      '[data-testid="ad-location"]', // job ads: town (area)
      '.job-ad-location',
      '.property-address', // property ads
    ],
    pay: [
      '[data-testid="ad-salary"]', // job ads with a salary
      '.job-ad-salary',
      '[data-testid="ad-price"]', // property and car ads
    ],
    contacts: ['.advertiser-info a[href^="tel:"]', '.phone-number'],
  },
  listing: {
    card: [
      '.common-ad', // 2021- results: one card per ad in every section
      '.result-list-narrow-item-wrapper', // pre-2021 results list
    ],
    title: [
      '.common-job-ad-title h3', // job cards
      '.common-property-ad-title h3', // property cards
      'h3',
      'h2',
    ],
    link: ['.common-ad-body a[href*="/d/"]', 'a[href*="/d/"]', 'a[href]'],
    employer: ['.common-job-ad-company'],
    location: ['.common-job-ad-location', '.common-property-ad-address'],
    pay: ['.common-job-ad-salary', '.property-ad-price'],
  },
};

/** Example URLs (checked by tests/extract/adapters.test.ts), apart from the adapter so that content scripts do not carry them. */
export const examples: AdapterExamples = {
  detail: [
    'https://www.xe.gr/jobs/d/aggelies-ergasias/812345678/servitoros-athhna',
    'https://www.xe.gr/jobs/d/estiasi-tourismos/900100200/mageiras-gia-ksenodoxeio-rodos',
    'https://www.xe.gr/property/d/enoikiaseis-katoikion/850400111/athhna-gkyzh-800-42',
  ],
  listing: [
    'https://www.xe.gr/jobs/results?keyword=%CF%83%CE%B5%CF%81%CE%B2%CE%B9%CF%84%CF%8C%CF%81%CE%BF%CF%82',
    'https://www.xe.gr/jobs/results',
    'https://www.xe.gr/property/r/enoikiaseis-katoikion/ChIJ8UNwBh-9oRQR3Y1mdkU1Nic_athhna',
  ],
};
