/**
 * Kleinanzeigen (kleinanzeigen.de, formerly eBay Kleinanzeigen): Germany's classifieds. Ads live at
 * /s-anzeige/<slug>/<adId>-<categoryId>-<placeId>; searches at /s-<category>/[<place>/][<words>/]
 * [k0]c<categoryId>[l<placeId>][r<km>]. Jobs are category 102 (/s-jobs/) and its children; the rest
 * is goods, cars, flats and services. Server-rendered markup with stable ids (#viewad-*) and BEM
 * classes (aditem-main--*) that have held since the eBay years.
 */
import type { Adapter, AdapterExamples } from '../adapter.js';

/** Jobs (102) and its subcategories: Ausbildung, Bau/Handwerk, Büro, Gastro, Kundenservice, Minijobs, Praktika, Pflege, Logistik, Vertrieb, Weitere. */
const JOB_CATEGORY = /^(?:102|105|107|109|110|111|114|117|118|123|125|247)$/;

/** The category id of an ad's or a search's path, if it names one. */
function categoryId(path: string): string | undefined {
  const ad = /^\/s-anzeige\/[^/]+\/\d+-(\d+)-\d+/.exec(path)?.[1];
  return ad ?? /^(?:k\d+)?c(\d+)/.exec(path.replace(/\/$/, '').split('/').pop() ?? '')?.[1];
}

export const kleinanzeigen: Adapter = {
  id: 'kleinanzeigen',
  name: 'Kleinanzeigen',
  urls: [/^https?:\/\/(?:www\.|m\.)?(?:ebay-)?kleinanzeigen\.de\//i],
  pageKind(url, doc) {
    if (/^\/s-anzeige\//i.test(url.pathname)) return 'detail';
    if (/^\/s-/i.test(url.pathname) || doc.querySelector('article.aditem')) return 'listing';
    return 'other';
  },
  category(url, doc) {
    // Detail pages: the breadcrumbs' category links (/s-jobs/c102, /s-gastronomie-tourismus/c110).
    const crumbs = [...doc.querySelectorAll('#vap-brdcrmb a')].map((a) => a.getAttribute('href') ?? '');
    const ids = [categoryId(url.pathname), ...crumbs.map(categoryId)].filter((id): id is string => !!id);
    if (/^\/s-jobs\//i.test(url.pathname) || crumbs.some((h) => /^\/s-jobs\//i.test(h)) || ids.some((id) => JOB_CATEGORY.test(id))) return 'job';
    // A search without a category (/s-fahrrad/k0) spans every category.
    return ids.length ? 'non-job' : 'unknown';
  },
  detail: {
    root: [
      '#viewad-main', // 2015- layout: the ad's column and its contact sidebar
      '#site-content',
      'body',
    ],
    title: [
      '#viewad-title', // 2015- layout (may hold a "Reserviert •" prefix)
      'h1',
    ],
    text: [
      '#viewad-description-text', // 2015- layout: the ad's own text
      '[itemprop="description"]',
    ],
    employer: [
      '#viewad-contact .userprofile-vip a', // the advertiser's name, linked to their other ads
      '#viewad-contact .userprofile-vip',
    ],
    location: ['#viewad-locality'],
    pay: ['#viewad-price'], // goods; job ads usually state pay in the text
  },
  listing: {
    card: [
      'article.aditem', // 2015- layout: one article per ad (data-adid, data-href)
    ],
    title: [
      '.text-module-begin a.ellipsis', // 2020- layout
      'h2 a',
      'a.ellipsis',
    ],
    link: ['a.ellipsis', 'a[href^="/s-anzeige/"]'],
    location: ['.aditem-main--top--left'],
    pay: [
      '.aditem-main--middle--price-shipping--price', // 2022- layout
      '.aditem-main--middle--price',
    ],
  },
};

/** Example URLs (checked by tests/extract/adapters.test.ts), apart from the adapter so that content scripts do not carry them. */
export const examples: AdapterExamples = {
  detail: [
    'https://www.kleinanzeigen.de/s-anzeige/aushilfe-kueche-minijob/2876543210-107-3331',
    'https://www.kleinanzeigen.de/s-anzeige/lkw-fahrer-ce-nahverkehr/2865432109-247-6411',
    'https://www.kleinanzeigen.de/s-anzeige/playstation-5-disc/2812345678-279-1',
    'https://www.ebay-kleinanzeigen.de/s-anzeige/sofa-3-sitzer/1987654321-88-3331',
  ],
  listing: [
    'https://www.kleinanzeigen.de/s-jobs/c102',
    'https://www.kleinanzeigen.de/s-jobs/berlin/minijob/k0c102l3331',
    'https://www.kleinanzeigen.de/s-jobs/muenchen/anzeige:angebote/c102l6411',
    'https://www.kleinanzeigen.de/s-gastronomie-tourismus/c110',
    'https://www.kleinanzeigen.de/s-autos/c216',
    'https://www.kleinanzeigen.de/s-fahrrad/k0',
  ],
};
