/**
 * karriere.at: Austria's largest job board (jobs only). Server-rendered BEM markup with stable,
 * readable class names (m-jobHeader__*, m-keyfactBox__*, m-jobsListItem__*). Detail pages live at
 * /jobs/NNNNNNN; searches at /jobs, /jobs/<keyword>, /jobs/<keyword>/<city> (?keywords=&locations=),
 * where the list may open one ad in a side panel (#NNNNNNN). Company pages /f/<slug> are not ads.
 */
import type { Adapter, AdapterExamples } from '../adapter.js';

export const karriere: Adapter = {
  id: 'karriere',
  name: 'karriere.at',
  urls: [/^https?:\/\/(?:www\.|m\.)?karriere\.at\//i],
  pageKind(url) {
    if (/^\/jobs\/\d+\/?$/.test(url.pathname)) return 'detail';
    return /^\/jobs(?:\/|$)/.test(url.pathname) ? 'listing' : 'other';
  },
  category: () => 'job',
  detail: {
    root: [
      '.c-jobDetail', // 2019- layout: the ad's page block (header, keyfacts, content)
      'main',
    ],
    title: [
      'h1.m-jobHeader__jobTitle', // 2019- layout
      'h1',
    ],
    text: [
      '.m-jobContent__jobDetail', // 2022- layout: the ad's body (tasks, profile, offer)
      '.m-jobContent__jobText', // 2019-2021 layout
    ],
    employer: [
      '.m-keyfactBox__companyName', // 2022- layout: key facts box, a link or a plain div
      'a[aria-label^="Employer Page von"]',
      '.m-jobHeader__companyName', // 2019-2021 layout: header meta list
    ],
    location: [
      '.m-keyfactBox__jobLocations', // 2022- layout
      '.m-jobHeader__jobLocations', // 2019-2021 layout
    ],
    pay: [
      '.m-keyfactBox__jobSalaryRange', // 2022- layout: "ab 2.400 € brutto/Monat"
      '.m-jobHeader__jobSalary',
    ],
  },
  listing: {
    card: [
      'li.m-jobsList__item', // 2019- layout (a "Jobalarm" teaser among them has no title link and is skipped)
      '.m-jobsListItem',
    ],
    title: [
      'a.m-jobsListItem__titleLink', // 2019- layout
      '.m-jobsListItem__title',
    ],
    link: ['a.m-jobsListItem__titleLink', 'a[href*="/jobs/"]'],
    employer: [
      '.m-jobsListItem__companyName', // a link to the company page, or plain text
      '.m-jobsListItem__company',
    ],
    location: [
      '.m-jobsListItem__locations', // 2022- layout: one link per town
      '.m-jobsListItem__location',
    ],
    pay: ['.m-jobsListItem__salary'],
  },
};

/** Example URLs (checked by tests/extract/adapters.test.ts), apart from the adapter so that content scripts do not carry them. */
export const examples: AdapterExamples = {
  detail: [
    'https://www.karriere.at/jobs/7712345',
    'https://www.karriere.at/jobs/7654321?utm_source=jobalarm',
  ],
  listing: [
    'https://www.karriere.at/jobs',
    'https://www.karriere.at/jobs/lagerarbeiter/wien',
    'https://www.karriere.at/jobs/reinigungskraft',
    'https://www.karriere.at/jobs?keywords=kellner&locations=salzburg',
  ],
};
