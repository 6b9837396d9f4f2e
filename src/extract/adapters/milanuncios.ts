/**
 * Milanuncios: Spanish classifieds (Adevinta). Job offers are the "Ofertas de empleo" category:
 * results at /ofertas-de-empleo/ and /ofertas-de-empleo-en-<province>/, ad pages at
 * /<category slug>[-en-<province>]/<title-slug>-<id>.htm; the rest is cars, flats and goods.
 * Markup: React on Adevinta's SUI kit, with stable BEM classes prefixed "ma-" (ma-AdCardV2,
 * ma-AdDetail-description, ma-AdPrice-value) and data-testid on the cards (AD_CARD).
 */
import type { Adapter, AdapterExamples } from '../adapter.js';

const JOB_PATHS = /^\/(?:ofertas-de-empleo|empleo)(?:-en-[^/]+)?(?:\/|$)/i;

export const milanuncios: Adapter = {
  id: 'milanuncios',
  name: 'Milanuncios',
  urls: [/^https?:\/\/(?:www\.|m\.)?milanuncios\.com\//i],
  pageKind(url, doc) {
    if (/-\d+\.htm$/i.test(url.pathname)) return 'detail';
    if (doc.querySelector('article.ma-AdCardV2, [data-testid="AD_LIST"]')) return 'listing';
    return url.pathname === '/' ? 'other' : 'listing';
  },
  category(url, doc) {
    if (JOB_PATHS.test(url.pathname)) return 'job';
    // An ad page filed under a sub-category names "Ofertas de empleo" in its breadcrumbs.
    const crumbs = [...doc.querySelectorAll('.ma-Breadcrumb a, nav[aria-label*="readcrumb"] a')].map((a) => a.getAttribute('href') ?? '');
    if (crumbs.some((h) => JOB_PATHS.test(h.replace(/^https?:\/\/[^/]+/i, '')))) return 'job';
    return url.pathname.length > 1 ? 'non-job' : 'unknown';
  },
  detail: {
    root: [
      '.ma-AdDetail', // 2021- layout: the ad, without "anuncios similares"
      'main',
    ],
    title: [
      'h1.ma-AdDetail-title', // 2021- layout
      '.ma-AdDetail-title-name',
      'h1',
    ],
    text: [
      '.ma-AdDetail-description', // 2021- layout: the advertiser's text
      '[data-testid="AD_DESCRIPTION"]',
    ],
    employer: [
      '.ma-UserOverviewProfile-name', // the advertiser's profile name (a company or a person)
      '.ma-AdDetail-sellerName',
    ],
    location: [
      '.ma-AdLocation-text', // "Paterna (Valencia)"
      '.ma-AdDetail-location',
    ],
    pay: [
      '.ma-AdDetail-price .ma-AdPrice-value', // salary on job ads, price on goods
      '.ma-AdPrice-value',
    ],
    contacts: ['a.ma-ContactButtons-phone', 'a[href^="tel:"]'],
  },
  listing: {
    card: [
      'article[data-testid="AD_CARD"]', // 2021- layout: one card per ad, every category
      'article.ma-AdCardV2',
      'article.ma-AdCard', // 2020 layout
    ],
    title: ['.ma-AdCardV2-title', '.ma-AdCard-title', 'h2'],
    link: ['a.ma-AdCardListingV2-TitleLink', 'a.ma-AdCardV2-link', 'a[href$=".htm"]', 'a[href]'],
    location: ['.ma-AdLocation-text', '.ma-AdCardV2-location'],
    pay: ['.ma-AdPrice-value'],
  },
};

/** Example URLs (checked by tests/extract/adapters.test.ts), apart from the adapter so that content scripts do not carry them. */
export const examples: AdapterExamples = {
  detail: [
    'https://www.milanuncios.com/ofertas-de-empleo-en-valencia/peon-de-almacen-paterna-512345678.htm',
    'https://www.milanuncios.com/ofertas-de-empleo-en-madrid/camarera-de-barra-498765432.htm',
    'https://www.milanuncios.com/seat-de-segunda-mano/seat-ibiza-1-0-tsi-501234567.htm',
  ],
  listing: [
    'https://www.milanuncios.com/ofertas-de-empleo/',
    'https://www.milanuncios.com/ofertas-de-empleo-en-madrid/?s=peon&orden=date',
    'https://www.milanuncios.com/coches-de-segunda-mano/',
  ],
};
