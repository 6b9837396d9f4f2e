/**
 * Subito.it: Italian classifieds. Job offers are the "Offerte di lavoro" category: ad pages at
 * /offerte-lavoro/<slug>-<id>.htm, results at /annunci-<region>/vendita/offerte-lavoro/...; the rest
 * is cars (/auto/), flats (/appartamenti/) and goods. Markup: Next.js with CSS modules whose prefix is
 * stable and hash is not (AdInfo_ad-info__title__7jXnY, SmallCard-module_card__xyz), so selectors
 * match class prefixes with [class*=]; the results grid keeps the plain "item-card" class.
 */
import type { Adapter, AdapterExamples } from '../adapter.js';

const JOB_PATHS = /\/offerte-lavoro(?:\/|$)/i;

export const subito: Adapter = {
  id: 'subito',
  name: 'Subito.it',
  urls: [/^https?:\/\/(?:www\.|m\.)?subito\.it\//i],
  pageKind(url, doc) {
    if (/-\d+\.htm$/i.test(url.pathname)) return 'detail';
    if (/^\/annunci-/i.test(url.pathname) || doc.querySelector('.item-card, [class*="SmallCard-module_card"]')) return 'listing';
    return 'other';
  },
  category(url, doc) {
    if (JOB_PATHS.test(url.pathname)) return 'job';
    // Ad pages name their category in the breadcrumbs too.
    if (doc.querySelector('nav[aria-label="breadcrumb"] a[href*="/offerte-lavoro"], [class*="breadcrumb"] a[href*="/offerte-lavoro"]')) return 'job';
    return url.pathname.length > 1 ? 'non-job' : 'unknown';
  },
  detail: {
    root: [
      '[class*="container_inner-ad-container"]', // 2022- layout: the ad's column, without "annunci simili"
      'main', // any layout
    ],
    title: [
      'h1[class*="AdInfo_ad-info__title"]', // 2022- layout
      'h1[class*="AdInfo_title"]', // 2024- variant
      'h1',
    ],
    text: [
      'p[class*="AdDescription_description"]', // 2022- layout
      '[class*="grid_description"] p',
    ],
    employer: [
      '[class*="advertiser-info-section"] h6', // the company or private advertiser
      '[class*="sellerInfo__content"] [class*="index-module_name"]',
    ],
    location: [
      '[class*="AdInfo_ad-info__location__text"]', // 2022- layout
      '[class*="AdInfo_locationText"]',
    ],
    pay: [
      'p[class*="AdInfo_ad-info__price"]', // price of goods, salary of some job ads
      'p[class*="AdInfo_price"]',
    ],
  },
  listing: {
    card: [
      '.items__item.item-card', // 2021- results grid: one card per ad
      '[class*="SmallCard-module_card"]', // the card component inside it
      '[class*="BigCard-module_card"]', // gallery view
      'article.js-ad-card', // pre-2021 results
    ],
    title: ['h2[class*="ItemTitle-module_item-title"]', 'h2'],
    link: ['a[class*="SmallCard-module_link"]', 'a[class*="BigCard-module_link"]', 'a[href$=".htm"]', 'a[href]'],
    location: ['[class*="index-module_town"]'],
    pay: ['p[class*="SmallCard-module_price"]', 'p[class*="index-module_price"]'],
  },
};

/** Example URLs (checked by tests/extract/adapters.test.ts), apart from the adapter so that content scripts do not carry them. */
export const examples: AdapterExamples = {
  detail: [
    'https://www.subito.it/offerte-lavoro/cameriere-a-per-ristorante-milano-519876543.htm',
    'https://www.subito.it/offerte-lavoro/autista-patente-c-torino-520011223.htm',
    'https://www.subito.it/auto/fiat-panda-1-2-easy-roma-518765432.htm',
  ],
  listing: [
    'https://www.subito.it/annunci-italia/vendita/offerte-lavoro/',
    'https://www.subito.it/annunci-lombardia/vendita/offerte-lavoro/milano/?q=cameriere',
    'https://www.subito.it/annunci-lazio/vendita/appartamenti/roma/',
  ],
};
