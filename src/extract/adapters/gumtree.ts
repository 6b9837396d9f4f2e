/**
 * Gumtree UK (www.gumtree.com): classifieds where jobs sit beside cars, flats and goods. Jobs live under
 * /jobs and the job sub-categories (/warehouse-jobs, /driving-jobs/leeds ...) or a search with
 * search_category=...jobs; detail pages are /p/<category>/<slug>/<id> for every category, so a detail
 * page's category comes from its breadcrumbs. Markup: React with generated classes; the data-q
 * attributes (vip-title, ad-price, search-result, tile-title...) have lasted through redesigns.
 * gumtree.com.au and gumtree.co.za are other companies' sites with other markup: not read here.
 */
import type { Adapter, AdapterExamples } from '../adapter.js';

/** A path whose first segment is the jobs category or a job sub-category. */
const JOBS = /^\/(?:[a-z-]+-)?jobs(?:\/|$)/i;

export const gumtree: Adapter = {
  id: 'gumtree',
  name: 'Gumtree',
  urls: [/^https?:\/\/(?:www\.|m\.)?gumtree\.com\//i],
  pageKind(url, doc) {
    if (/^\/p\//i.test(url.pathname)) return 'detail';
    if (doc.querySelector('[data-q="search-result"], article.listing-maxi')) return 'listing';
    return url.pathname === '/' ? 'other' : 'listing';
  },
  category(url, doc) {
    if (/^\/p\//i.test(url.pathname)) {
      const crumbs = [...doc.querySelectorAll('[data-q="breadcrumbs"] a, nav[aria-label*="readcrumb" i] a, .breadcrumbs a')].map((a) => a.getAttribute('href') ?? '');
      if (crumbs.some((h) => JOBS.test(new URL(h, url).pathname)) || JOBS.test(url.pathname.slice(2))) return 'job';
      return 'non-job';
    }
    if (JOBS.test(url.pathname) || /jobs/i.test(url.searchParams.get('search_category') ?? '')) return 'job';
    return url.pathname.length > 1 ? 'non-job' : 'unknown';
  },
  detail: {
    root: [
      'main', // 2022- layout: the ad, its details and the seller's box
      '#content',
    ],
    title: [
      '[data-q="vip-title"]', // 2020- layout
      'h1',
    ],
    text: [
      '[data-q="vip-description"]', // 2022- layout
      '[itemprop="description"]', // 2019-2022 layout
      '.vip-description',
    ],
    employer: [
      '[data-q="seller-name"]', // 2022- layout: the advertiser or recruiter
      '.seller-rating-block-name', // 2019-2022 layout
    ],
    location: [
      '[data-q="ad-location"]', // under the title: "Leeds, West Yorkshire"
      '[data-q="vip-location"]',
      '[itemprop="addressLocality"]',
    ],
    pay: [
      '[data-q="ad-price"]', // the price; a job ad's salary
      '[data-q="vip-price"]',
    ],
  },
  listing: {
    card: [
      'article[data-q="search-result"]', // 2022- layout, jobs and goods alike
      'article.listing-maxi', // 2016-2022 layout (li.natural > article)
    ],
    title: [
      '[data-q="tile-title"]', // 2022- layout
      '.listing-title', // 2016-2022 layout
      'h2',
    ],
    link: ['a[data-q="search-result-anchor"]', 'a.listing-link', 'a[href^="/p/"]'],
    location: ['[data-q="tile-location"]', '.listing-location'],
    pay: ['[data-q="tile-price"]', '[data-testid="price"]', '.listing-price'],
  },
};

/** Example URLs (checked by tests/extract/adapters.test.ts), apart from the adapter so that content scripts do not carry them. */
export const examples: AdapterExamples = {
  detail: [
    'https://www.gumtree.com/p/cleaning-jobs/hotel-housekeeper-accommodation-available/1478123456',
    'https://www.gumtree.com/p/driving-jobs/multi-drop-van-driver-cash-weekly/1479234567',
    'https://www.gumtree.com/p/cars/vauxhall-corsa-1.2-sxi-2015-low-mileage/1480345678',
  ],
  listing: [
    'https://www.gumtree.com/jobs/london',
    'https://www.gumtree.com/jobs/cash-in-hand',
    'https://www.gumtree.com/warehouse-jobs/leeds',
    'https://www.gumtree.com/search?search_category=jobs&q=cleaner&search_location=Manchester',
    'https://www.gumtree.com/cars/uk/london',
  ],
};
