/**
 * LinkedIn Jobs: www.linkedin.com and its country subdomains (uk., de., pl., gr. ...), the /jobs paths
 * only (profiles and the feed are not ads). Detail pages: /jobs/view/<slug>-<id> or /jobs/view/<id>;
 * signed out they are the "guest" page, server-rendered with long-lived BEM classes (top-card-layout,
 * topcard__*, show-more-less-html, description__*); signed in, the Ember app (jobs-unified-top-card,
 * job-details-jobs-unified-top-card__*, jobs-description). Listings: /jobs/search, /jobs/collections
 * and SEO pages /jobs/<what>-jobs-<where>: guest cards are .base-search-card, signed-in cards
 * .job-card-container in a scaffold-layout list, with the selected ad in a right-hand pane.
 */
import type { Adapter, AdapterExamples } from '../adapter.js';

export const linkedin: Adapter = {
  id: 'linkedin',
  name: 'LinkedIn Jobs',
  urls: [/^https?:\/\/(?:[a-z]{2,3}\.)?linkedin\.com\/(?:comm\/)?jobs(?:\/|\?|#|$)/i],
  pageKind(url, doc) {
    if (/\/jobs\/view\//i.test(url.pathname)) return 'detail';
    if (doc.querySelector('.base-search-card, .job-card-container, .jobs-search__results-list')) return 'listing';
    return /\/jobs\/(?:search|collections)|-jobs/i.test(url.pathname) ? 'listing' : 'other';
  },
  category: () => 'job',
  detail: {
    root: [
      'section.core-rail', // guest page: the ad's column (the right rail holds similar jobs)
      '.job-view-layout', // signed in, 2021- layout
      '.jobs-details',
      'main',
    ],
    title: [
      '.top-card-layout__title', // guest page (h1 or h2)
      '.job-details-jobs-unified-top-card__job-title', // signed in, 2023- layout
      '.jobs-unified-top-card__job-title', // signed in, 2021-2023 layout
      'h1',
    ],
    text: [
      '.show-more-less-html__markup', // guest page
      '.description__text',
      '#job-details', // signed in
      '.jobs-description__content',
    ],
    employer: [
      '.topcard__org-name-link', // guest page
      '.topcard__flavor:not(.topcard__flavor--bullet)',
      '.job-details-jobs-unified-top-card__company-name', // signed in, 2023- layout
      '.jobs-unified-top-card__company-name', // signed in, 2021-2023 layout
    ],
    location: [
      '.topcard__flavor-row .topcard__flavor--bullet', // guest page: the first row's bullet
      '.job-details-jobs-unified-top-card__primary-description-container .tvm__text', // signed in, 2024-
      '.job-details-jobs-unified-top-card__bullet', // signed in, 2023
      '.jobs-unified-top-card__bullet', // signed in, 2021-2023
    ],
    pay: [
      '.compensation__salary', // guest page: "£25,000.00/yr - £28,000.00/yr"
      '.salary-main-rail__data-amount', // signed in: the "Pay" card
    ],
  },
  listing: {
    card: [
      '.base-search-card', // guest listing: div or a.base-card in ul.jobs-search__results-list
      '.job-card-container', // signed in: div[data-job-id] in li.scaffold-layout__list-item
      '.job-search-card',
    ],
    title: [
      '.base-search-card__title', // guest
      '.job-card-list__title--link strong', // signed in, 2024- (the link's text is aria-hidden)
      '.job-card-list__title',
      'h3',
    ],
    link: ['a.base-card__full-link', 'a.job-card-container__link', 'a[href*="/jobs/view/"]'],
    employer: ['.base-search-card__subtitle', '.artdeco-entity-lockup__subtitle', '.job-card-container__primary-description'],
    location: ['.job-search-card__location', '.job-card-container__metadata-item', '.artdeco-entity-lockup__caption'],
    pay: ['.job-search-card__salary-info'],
  },
};

/** Example URLs (checked by tests/extract/adapters.test.ts), apart from the adapter so that content scripts do not carry them. */
export const examples: AdapterExamples = {
  detail: [
    'https://www.linkedin.com/jobs/view/3912345678/',
    'https://www.linkedin.com/jobs/view/care-assistant-at-brightwell-homecare-3912345678',
    'https://uk.linkedin.com/jobs/view/warehouse-operative-at-northgate-staffing-3923456789?trk=public_jobs_topcard-title',
    'https://pl.linkedin.com/jobs/view/magazynier-at-example-logistyka-3934567890',
    'https://www.linkedin.com/comm/jobs/view/3945678901',
  ],
  listing: [
    'https://www.linkedin.com/jobs/search?keywords=Warehouse&location=United%20Kingdom',
    'https://www.linkedin.com/jobs/search/?currentJobId=3912345678&keywords=driver',
    'https://www.linkedin.com/jobs/collections/recommended/?currentJobId=3912345678',
    'https://de.linkedin.com/jobs/lagerhelfer-jobs-berlin',
    'https://gr.linkedin.com/jobs/search?keywords=%CF%83%CE%B5%CF%81%CE%B2%CE%B9%CF%84%CF%8C%CF%81%CE%BF%CF%82',
  ],
};
