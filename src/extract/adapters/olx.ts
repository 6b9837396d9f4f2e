/**
 * OLX: one platform behind olx.pl, olx.bg, olx.ro, olx.pt and olx.ua. Job ads live under /praca/
 * (pl), /rabota/ (bg), /locuri-de-munca/ (ro), /emprego/ (pt), /rabota/ (ua); other categories are
 * goods, cars and flats. Markup: React with emotion classes (css-xxxx, unstable), so selectors lean
 * on data-cy / data-testid attributes, which have stayed put for years.
 */
import type { Adapter, AdapterExamples } from '../adapter.js';

const JOB_PATHS = /\/(?:praca|rabota|locuri-de-munca|emprego|работа)(?:\/|$)|\/oferta\/praca\//i;

export const olx: Adapter = {
  id: 'olx',
  name: 'OLX',
  urls: [/^https?:\/\/(?:www\.|m\.)?olx\.(?:pl|bg|ro|pt|ua)\//i],
  pageKind(url, doc) {
    if (/\/(?:d\/)?(?:oferta|ad|anuncio|obyavlenie)\//i.test(url.pathname)) return 'detail';
    if (doc.querySelector('[data-cy="l-card"], [data-testid="l-card"], [data-testid="listing-grid"]')) return 'listing';
    return url.pathname === '/' ? 'other' : 'listing';
  },
  category(url, doc) {
    if (JOB_PATHS.test(url.pathname)) return 'job';
    // Detail pages carry the category in their breadcrumbs.
    const crumbs = [...doc.querySelectorAll('[data-testid="breadcrumbs"] a, ol[data-cy="categories-breadcrumbs"] a')].map((a) => a.getAttribute('href') ?? '');
    if (crumbs.some((h) => JOB_PATHS.test(h))) return 'job';
    return crumbs.length || url.pathname.length > 1 ? 'non-job' : 'unknown';
  },
  detail: {
    root: [
      '[data-testid="ad-page"]', // 2023- layout: the ad's column
      '[data-cy="ad-page"]',
      'main', // any layout
    ],
    title: [
      '[data-testid="offer_title"]', // 2024- layout
      '[data-cy="ad_title"]', // 2021-2023 layout
      'h1',
    ],
    text: [
      '[data-testid="ad_description"]', // 2024- layout
      '[data-cy="ad_description"]', // 2021-2023 layout
    ],
    employer: [
      '[data-testid="company-name"]', // job ads: the employer's name
      '[data-testid="user-profile-user-name"]', // the seller's name
      '[data-cy="ad-contact-name"]',
    ],
    location: [
      '[data-testid="map-aside-section"] p', // 2023- layout: town, region
      '[data-testid="location-date"]',
    ],
    pay: [
      '[data-testid="ad-price-container"]', // goods and job ads with a salary
      '[data-testid="salary"]',
    ],
  },
  listing: {
    card: [
      '[data-cy="l-card"]', // 2021- layout: one card per ad, jobs and goods alike
      '[data-testid="l-card"]',
    ],
    title: [
      'h6', // job cards (2023)
      '[data-cy="ad-card-title"] h4', // goods cards (2024-)
      'h4',
      'h3',
    ],
    link: ['a[href*="/oferta/"]', 'a[href*="/d/"]', 'a[href]'],
    pay: ['[data-testid="ad-price"]'], // goods cards; job cards show the salary as plain text
    location: ['[data-testid="location-date"]'],
  },
};

/** Example URLs (checked by tests/extract/adapters.test.ts), apart from the adapter so that content scripts do not carry them. */
export const examples: AdapterExamples = {
  detail: [
    'https://www.olx.pl/oferta/praca/pomocnik-budowlany-CID4-IDabc12.html',
    'https://www.olx.pl/d/oferta/kierowca-kat-b-CID4-ID123xyz.html',
    'https://www.olx.bg/d/ad/rabota-v-germaniya-CID2-IDxyz.html',
    'https://www.olx.ro/d/oferta/ospatar-CID4-IDabc.html',
  ],
  listing: [
    'https://www.olx.pl/praca/',
    'https://www.olx.pl/praca/krakow/?search%5Bfilter_enum_type%5D%5B0%5D=fulltime',
    'https://www.olx.bg/rabota/',
    'https://www.olx.pt/emprego/',
    'https://www.olx.pl/motoryzacja/samochody/',
  ],
};
