/**
 * Indeed: one platform behind www.indeed.com, the country subdomains (uk., de., it., es., pl., gr., at.,
 * malaysia. ...) and the older country domains (indeed.co.uk, indeed.de, indeed.fr, indeed.com.au ...).
 * A job-only board. Detail pages: /viewjob?jk=<16 hex> (also /m/viewjob, and /rc/clk and /pagead/clk,
 * which redirect there). Listings: /jobs?q= (localised: /Jobs, /emplois, /ofertas, /offerte-lavoro,
 * /praca, /vacatures...), SEO pages /q-<what>-l-<where>-jobs.html and company pages /cmp/<name>/jobs;
 * a listing shows the selected card's ad in a right-hand pane (#jobsearch-ViewjobPaneWrapper), which
 * is not a card. Markup: React with emotion classes (css-xxxx, unstable); the semantic class names
 * (job_seen_beacon, jcs-JobTitle, jobsearch-*) and data-testid attributes have stayed put for years.
 */
import type { Adapter, AdapterExamples } from '../adapter.js';

export const indeed: Adapter = {
  id: 'indeed',
  name: 'Indeed',
  // Any country subdomain or domain; not the employer, sign-in and apply hosts.
  urls: [/^https?:\/\/(?:(?!employers\.|secure\.|profile\.|smartapply\.|apply\.|ads\.|myjobs\.|messages\.)[a-z]{2,}\.)?(?:m\.)?indeed\.(?:com?\.)?[a-z]{2,3}\//i],
  pageKind(url, doc) {
    if (/\/(?:m\/)?(?:basecamp\/)?viewjob|\/(?:rc|pagead)\/clk/i.test(url.pathname)) return 'detail';
    if (doc.querySelector('.job_seen_beacon, #mosaic-provider-jobcards, .jobsearch-SerpJobCard')) return 'listing';
    if (url.searchParams.has('q') || /-jobs\.html$|\/cmp\/[^/]+\/jobs/i.test(url.pathname)) return 'listing';
    return 'other';
  },
  category: () => 'job',
  detail: {
    root: [
      '.jobsearch-JobComponent', // 2019- layout: the ad's column, header and description
      '.jobsearch-ViewJobLayout-jobDisplay', // its wrapper
      'main',
    ],
    title: [
      '[data-testid="jobsearch-JobInfoHeader-title"] > span:first-child', // 2023- : title, then a "- job post" label
      '[data-testid="jobsearch-JobInfoHeader-title"]',
      '[data-testid="simpler-jobTitle"]', // 2023 layout
      '.jobsearch-JobInfoHeader-title', // 2019-2022 layout
      'h1',
    ],
    text: [
      '#jobDescriptionText', // every layout since 2019
      '.jobsearch-jobDescriptionText',
    ],
    employer: [
      '[data-testid="inlineHeader-companyName"]', // 2023- layout
      '[data-company-name="true"]',
      '.jobsearch-JobInfoHeader-companyNameLink', // 2023 "simpler" header
      '.jobsearch-JobInfoHeader-companyNameSimple',
      '.jobsearch-InlineCompanyRating > div:first-child', // 2019-2022 layout
    ],
    location: [
      '[data-testid="inlineHeader-companyLocation"]', // 2023- layout
      '[data-testid="job-location"]',
      '[data-testid="jobsearch-JobInfoHeader-companyLocation"]',
      '.jobsearch-JobInfoHeader-subtitle > div:last-child', // 2019-2022 layout
    ],
    pay: [
      '#salaryInfoAndJobType > span:first-child', // 2022- layout: "£11.44 an hour", then " - Full-time"
      '[aria-label="Pay"] li', // the "Job details" tiles
      '.jobsearch-JobMetadataHeader-item > span:first-child', // 2019-2021 layout
    ],
  },
  listing: {
    card: [
      '.job_seen_beacon', // 2021- layout: one card per ad (inside li > .cardOutline)
      '.jobsearch-SerpJobCard', // 2017-2020 layout
    ],
    title: [
      'h2.jobTitle span[title]', // 2021- layout ("new" badge beside it)
      '.jcs-JobTitle',
      'h2.jobTitle',
      'a.jobtitle', // 2017-2020 layout
    ],
    link: ['a.jcs-JobTitle', 'h2.jobTitle a', 'a[data-jk]', 'a[href*="jk="]'],
    employer: ['[data-testid="company-name"]', '.companyName', '.company'],
    location: ['[data-testid="text-location"]', '.companyLocation', '.location'],
    pay: [
      '.salary-snippet-container', // 2021- layout
      '[data-testid="salary-snippet"]',
      '.salaryText', // 2017-2020 layout
    ],
  },
};

/** Example URLs (checked by tests/extract/adapters.test.ts), apart from the adapter so that content scripts do not carry them. */
export const examples: AdapterExamples = {
  detail: [
    'https://www.indeed.com/viewjob?jk=3f2a9c1d7e8b4a60',
    'https://uk.indeed.com/viewjob?jk=4f1c2a9b8d7e6f50&from=serp&vjs=3',
    'https://de.indeed.com/viewjob?jk=0a1b2c3d4e5f6a7b',
    'https://it.indeed.com/rc/clk?jk=9d8c7b6a5f4e3d2c&bb=abc&fccid=123',
    'https://www.indeed.co.uk/m/viewjob?jk=1234abcd5678ef90',
  ],
  listing: [
    'https://www.indeed.com/jobs?q=warehouse&l=Houston%2C+TX',
    'https://uk.indeed.com/jobs?q=care+assistant&l=Leeds&vjk=4f1c2a9b8d7e6f50',
    'https://de.indeed.com/Jobs?q=Lagerhelfer&l=Berlin',
    'https://es.indeed.com/ofertas?q=camarero&l=Madrid',
    'https://pl.indeed.com/praca?q=magazynier',
    'https://gr.indeed.com/jobs?q=%CF%83%CE%B5%CF%81%CE%B2%CE%B9%CF%84%CF%8C%CF%81%CE%BF%CF%82',
    'https://at.indeed.com/q-reinigungskraft-l-wien-jobs.html',
    'https://www.indeed.de/Jobs?q=Fahrer',
  ],
};
