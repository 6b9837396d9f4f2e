/**
 * willhaben.at: Austria's classifieds. Jobs live under /jobs/ (search /jobs/suche[/<keyword>],
 * ads /jobs/job/<slug>/<id>, employers /jobs/firma/<slug>); the marketplace, flats and cars under
 * /iad/ (kaufen-und-verkaufen, immobilien, gebrauchtwagen; ads at /iad/.../d/<slug>-<id>/) are not
 * jobs. Markup: Next.js with styled-components classes (Box-sc-xxxx, unstable), so selectors lean on
 * data-testid attributes; job rows carry their position and ad id in them
 * ("jobsresultlist-row-3-adId-13259791-title"), hence the prefix and suffix matches.
 */
import type { Adapter, AdapterExamples } from '../adapter.js';

export const willhaben: Adapter = {
  id: 'willhaben',
  name: 'willhaben',
  urls: [/^https?:\/\/(?:www\.)?willhaben\.at\//i],
  pageKind(url, doc) {
    if (/^\/jobs\/job\/|^\/iad\/.*\/d\//i.test(url.pathname)) return 'detail';
    if (/^\/jobs\/(?:suche|firma)(?:\/|$)|^\/iad\/.+/i.test(url.pathname)) return 'listing';
    return doc.querySelector('[data-testid^="jobsresultlist-row-"], [data-testid^="search-result-entry-header-"]') ? 'listing' : 'other';
  },
  category(url) {
    if (/^\/jobs(?:\/|$)/i.test(url.pathname)) return 'job';
    return /^\/iad\//i.test(url.pathname) ? 'non-job' : 'unknown';
  },
  detail: {
    root: ['main', 'body'],
    title: [
      'h1[data-testid="ad-detail-header"]', // marketplace, flats and cars
      'h1', // job ads: the page's only h1
    ],
    text: [
      '[data-testid="jobaddetail-description"]', // job ads (2023-): the ad's body
      '[data-testid^="ad-description-"]', // marketplace "ad-description-Beschreibung", flats "-Objektbeschreibung"
      '[data-testid="ad-description"]',
    ],
    employer: [
      '[data-testid^="jobaddetail-"][data-testid$="company-name"]', // job ads: the employer's name
      'a[href^="/jobs/firma/"]', // job ads: the company link (sometimes only "Zum Firmenprofil")
    ],
    location: [
      '[data-testid="jobaddetail-jobdetails-employment-locations"]', // job ads
      '[data-testid="object-location-address"]', // flats
      '[data-testid="top-contact-box-address-box"] span:last-child', // marketplace and cars: "Verkaufsort", then the place
      '[data-testid="top-contact-box-address-box"]',
    ],
    pay: [
      '[data-testid="jobaddetail-jobdetails-salary"]', // job ads: "Bruttogehalt" as written
      '[data-testid^="contact-box-price-box-price-value"]', // marketplace, flats and cars
    ],
  },
  listing: {
    card: [
      '[data-testid^="jobsresultlist-row-"]:not([data-testid*="-adId-"])', // job search (2023-): one row per ad
      'div[data-testid^="jobsresultlist-row-"]',
      'a[data-testid^="search-result-entry-header-"]', // marketplace, flats and cars: the card is the link
    ],
    title: [
      '[data-testid$="-title"]', // job rows
      'h3', // marketplace cards
      'h2',
    ],
    link: ['a[href^="/jobs/job/"]', 'a[href*="/d/"]', 'a[href]'],
    employer: ['[data-testid$="-company-name"]'],
    pay: ['[data-testid$="-salary"]', '[data-testid^="search-result-entry-price-"]'],
  },
};

/** Example URLs (checked by tests/extract/adapters.test.ts), apart from the adapter so that content scripts do not carry them. */
export const examples: AdapterExamples = {
  detail: [
    'https://www.willhaben.at/jobs/job/reinigungskraft-m-w-d-teilzeit/13260001',
    'https://www.willhaben.at/jobs/job/kellner-in-saisonstelle-tirol/13251234',
    'https://www.willhaben.at/iad/kaufen-und-verkaufen/d/kinderfahrrad-woom-4-1234567890/',
    'https://www.willhaben.at/iad/immobilien/d/mietwohnungen/wien/wien-1100-favoriten/2-zimmer-wohnung-987654321/',
    'https://www.willhaben.at/iad/gebrauchtwagen/d/auto/vw-golf-1-6-tdi-876543210/',
  ],
  listing: [
    'https://www.willhaben.at/jobs/suche?keyword=reinigung&location=Wien',
    'https://www.willhaben.at/jobs/suche/kellner',
    'https://www.willhaben.at/jobs/firma/reinigungsprofi',
    'https://www.willhaben.at/iad/kaufen-und-verkaufen/marktplatz/fahrraeder-4552',
    'https://www.willhaben.at/iad/immobilien/mietwohnungen/mietwohnung-angebote?areaId=900',
  ],
};
