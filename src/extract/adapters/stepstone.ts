/**
 * StepStone: one platform behind stepstone.de, stepstone.at, stepstone.be and stepstone.nl (jobs
 * only). Detail pages end in --NNNNNNN-inline.html (/stellenangebote--<slug>--<id>-inline.html,
 * /offres-emploi--, /vacatures--); searches live at /jobs/<keyword>[/in-<city>]. Markup: React
 * with hashed emotion classes (res-xxxx, job-ad-display-xxxx), so selectors lean on the data-at
 * attributes the site sets for its own tests, which have held since 2021.
 */
import type { Adapter, AdapterExamples } from '../adapter.js';

export const stepstone: Adapter = {
  id: 'stepstone',
  name: 'StepStone',
  urls: [/^https?:\/\/(?:www\.|m\.)?stepstone\.(?:de|at|be|nl)\//i],
  pageKind(url, doc) {
    if (/--\d+-inline\.html$/i.test(url.pathname)) return 'detail';
    if (/^\/(?:jobs|work)(?:\/|$)/i.test(url.pathname)) return 'listing';
    return doc.querySelector('article[data-at="job-item"], [data-testid="job-item"]') ? 'listing' : 'other';
  },
  category: () => 'job',
  detail: {
    root: [
      'main', // 2021- layout: header, metadata, content, company card and recommendations
      'body',
    ],
    title: [
      '[data-at="header-job-title"]', // 2021- layout
      'h1',
    ],
    text: [
      '[data-atx-component="JobAdContent"]', // 2022- layout: the ad's sections (intro, tasks, profile, offer, contact)
      '[data-at="job-ad-content"]', // 2021 layout
      '.js-app-ld-ContentBlock', // 2018-2020 layout
      '.listingContent',
    ],
    employer: [
      '[data-at="metadata-company-name"]', // 2021- layout: a link to the company page or plain text
      '.listing__company-name',
    ],
    location: [
      '[data-at="metadata-location"]', // 2021- layout
      '.at-listing__list-icons_location', // 2018-2020 layout
    ],
    pay: [
      '[data-at="metadata-salary"]', // the salary shown in the header (employer's, or StepStone's estimate)
    ],
  },
  listing: {
    card: [
      'article[data-at="job-item"]', // 2021- layout: one article per ad, id job-item-NNNN
      '[data-testid="job-item"]',
      'article.job-element', // 2018-2020 layout
    ],
    title: [
      '[data-at="job-item-title"]', // 2021- layout: the title link (text nested in divs)
      '.job-element__url-title',
      'h2',
    ],
    link: ['a[data-at="job-item-title"]', 'a.job-element__url', 'a[href*="-inline.html"]'],
    // text: the whole card (metadata, badges and the teaser in [data-at="jobcard-content"])
    employer: ['[data-at="job-item-company-name"]', '.job-element__body__company'],
    location: ['[data-at="job-item-location"]', '.job-element__body__location'],
    pay: ['[data-at="job-item-salary-info"]'],
  },
};

/** Example URLs (checked by tests/extract/adapters.test.ts), apart from the adapter so that content scripts do not carry them. */
export const examples: AdapterExamples = {
  detail: [
    'https://www.stepstone.de/stellenangebote--Lagerhelfer-m-w-d-Hamburg-Nordlogistik-GmbH--11223344-inline.html',
    'https://www.stepstone.at/stellenangebote--Servicekraft-m-w-d-Wien-Gastro-Partner-GmbH--633580-inline.html?rltr=2_2_25_seorl_m_0_0_0_0_0_0',
    'https://www.stepstone.be/offres-emploi--Chauffeur-C-E-Bruxelles-Transports-Dupont--998877-inline.html',
  ],
  listing: [
    'https://www.stepstone.de/jobs/lagerhelfer/in-hamburg?radius=30',
    'https://www.stepstone.de/jobs/pflegefachkraft',
    'https://www.stepstone.at/jobs/kellner/in-wien',
    'https://www.stepstone.de/jobs/in-berlin?action=facet_selected',
  ],
};
