/**
 * Jobs.bg: Bulgaria's largest job board (www.jobs.bg, /en/ for English). Jobs only. Offers live at
 * /job/<id>, search results at /front_job_search.php?..., company pages at /company/<id>. Markup:
 * server-rendered Material Design (mdc-card, mdc-layout-grid) with plain class names. A result is a
 * li > .mdc-card with a.black-link-b around .card-title, a .card-info line (place; salary) whose
 * icons are ligature text ("location_on"), and the company only as a logo link's title attribute.
 * An offer page has a .view-extra header (date, title, options, skills) in its left column and the
 * company card in .job-view-right-column.
 */
import type { Adapter, AdapterExamples } from '../adapter.js';

export const jobsbg: Adapter = {
  id: 'jobsbg',
  name: 'Jobs.bg',
  urls: [/^https?:\/\/(?:[a-z0-9-]+\.)?jobs\.bg(?:[/?#]|$)/i],
  pageKind(url, doc) {
    if (/\/job\/\d+/.test(url.pathname)) return 'detail';
    if (/front_job_search/.test(url.pathname) || doc.querySelector('.mdc-card .card-title')) return 'listing';
    return 'other';
  },
  category: () => 'job',
  detail: {
    title: [
      '.view-extra .bold', // 2021- offer header: the title in bold, then the company
      '.job-view-title',
      'h1',
    ],
    text: [
      '#user_content', // the ad's own text
      '.job-view-left-column', // 2021- layout: header, options, skills and text
      '.view-extra',
    ],
    employer: [
      '.job-view-right-column .company-name', // the company card beside the ad
      '.view-extra a[href*="/company/"]',
    ],
    location: ['.view-extra .options .location', '.view-extra .options li'],
    pay: ['.view-extra .options .salary'],
  },
  listing: {
    card: [
      'ul[class*="page-"] > li .mdc-card', // 2021- results, one ul per loaded page
      'li .mdc-card',
    ],
    title: [
      '.card-title > span:not(.material-icons)', // the title beside an icon
      '.card-title',
      'a.black-link-b',
    ],
    link: ['a.black-link-b', 'a[href*="/job/"]'],
    // Place and salary share the .card-info line with icon ligatures: left in the card's text.
  },
};

/** Example URLs (checked by tests/extract/adapters.test.ts), apart from the adapter so that content scripts do not carry them. */
export const examples: AdapterExamples = {
  detail: [
    'https://www.jobs.bg/job/8102284',
    'https://www.jobs.bg/en/job/8099517',
    'https://www.jobs.bg/job/8123456?utm_source=email',
  ],
  listing: [
    'https://www.jobs.bg/front_job_search.php?subm=1&keywords%5B%5D=%D1%88%D0%BE%D1%84%D1%8C%D0%BE%D1%80',
    'https://www.jobs.bg/en/front_job_search.php?subm=1&categories%5B%5D=56',
    'https://www.jobs.bg/front_job_search.php?location_sid=1&page=2',
  ],
};
