/**
 * Pracuj.pl: Poland's largest job board (www.pracuj.pl, it.pracuj.pl for IT searches; company
 * profiles on pracodawcy.pracuj.pl). Jobs only. Offers live at /praca/<slug>,oferta,<id>; listings
 * at /praca/<query>;kw/<place>;wp and on it.pracuj.pl/praca. Markup: Next.js with generated class
 * names (offer-view…, tiles_…, unstable), but the elements carry data-test attributes that scrapers
 * have relied on since 2021, so every selector leans on them.
 */
import type { Adapter, AdapterExamples } from '../adapter.js';

export const pracuj: Adapter = {
  id: 'pracuj',
  name: 'Pracuj.pl',
  urls: [/^https?:\/\/(?:[a-z0-9-]+\.)?pracuj\.pl(?:[/?#]|$)/i],
  pageKind(url, doc) {
    if (/,oferta,\d+/i.test(url.pathname)) return 'detail';
    if (doc.querySelector('[data-test="section-offers"], [data-test="default-offer"]')) return 'listing';
    return /^\/praca(?:\/|$)/i.test(url.pathname) ? 'listing' : 'other';
  },
  category: () => 'job',
  detail: {
    // No root: the header, the badges and the sections are siblings under the page's body.
    title: [
      'h1[data-test="text-positionName"]', // 2021- layout
      '[data-test="text-positionName"]',
      'h1',
    ],
    text: [
      '[data-test="section-offerView"]', // 2021- layout: header, badges and sections, without "similar offers"
      '#offer-details',
    ],
    employer: [
      // 2021- layout. Holds an "O firmie" link after the name when the company has a profile.
      '[data-test="text-employerName"]',
      '[data-scroll-id="employer-name"]',
    ],
    location: [
      '[data-test="sections-benefit-workplaces"] [data-test="offer-badge-title"]', // 2023- badges
      '[data-test="sections-benefit-workplaces"]',
    ],
    pay: [
      '[data-test="section-salary"]', // amount and unit ("brutto / mies.")
      '[data-test="text-earningAmount"]', // amount only
    ],
  },
  listing: {
    card: [
      '[data-test="default-offer"], [data-test="positioned-offer"]', // 2022- tiles, promoted ones too
      '[data-test="section-offers"] > div', // any tile of the offers section
    ],
    title: [
      '[data-test="offer-title"]', // 2022- tiles (h2 around the link)
      '[data-test="link-offer-title"]',
      'h2',
    ],
    link: [
      'a[data-test="link-offer-title"]', // 2024- tiles
      'a[data-test="link-offer"]', // 2022-2023 tiles
      'a[href*=",oferta,"]',
    ],
    employer: ['[data-test="text-company-name"]'],
    location: ['[data-test="text-region"]'],
    pay: ['[data-test="offer-salary"]'],
  },
};

/** Example URLs (checked by tests/extract/adapters.test.ts), apart from the adapter so that content scripts do not carry them. */
export const examples: AdapterExamples = {
  detail: [
    'https://www.pracuj.pl/praca/kierowca-kat-c-e-strykow,oferta,1003987654',
    'https://www.pracuj.pl/praca/magazynier-poznan-gorecka-10,oferta,1004123456?s=8f2c1a&searchId=MTc',
    'https://www.pracuj.pl/praca/junior-java-developer-krakow,oferta,1004000123',
  ],
  listing: [
    'https://www.pracuj.pl/praca',
    'https://www.pracuj.pl/praca/kierowca;kw',
    'https://www.pracuj.pl/praca/magazynier;kw/poznan;wp?rd=30',
    'https://it.pracuj.pl/praca?its=backend',
  ],
};
