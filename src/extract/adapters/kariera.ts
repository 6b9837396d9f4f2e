/**
 * kariera.gr: Greek job board (jobs only). Since its 2022 rebuild a Next.js app: results at /jobs,
 * /jobs?keyword=..., /jobs/<filter> (e.g. /jobs/jobs-in-achaia--patra), with an /en/ twin; job pages
 * at /jobs/<category>-jobs/<numeric id>. Pre-2022 job pages were /θέση-εργασίας/<slug>-<id>.
 * Markup: CSS-module classes (BaseJobCard_root__ehsas: the prefix is stable, the hash changes per
 * build), so selectors take data-testid first and match class prefixes with [class*=] after.
 */
import type { Adapter, AdapterExamples } from '../adapter.js';

/** A job page: /jobs/<category>/<id> (also under /en/), or the pre-2022 /θέση-εργασίας/... */
function isJobPage(path: string): boolean {
  if (/^(?:\/en)?\/jobs\/[^/]+\/\d+\/?$/i.test(path)) return true;
  try {
    return decodeURIComponent(path).startsWith('/θέση-εργασίας/');
  } catch {
    return false;
  }
}

export const kariera: Adapter = {
  id: 'kariera',
  name: 'kariera.gr',
  urls: [/^https?:\/\/(?:www\.)?kariera\.gr\//i],
  pageKind(url, doc) {
    if (isJobPage(url.pathname)) return 'detail';
    if (/^(?:\/en)?\/jobs(?:\/|$)/i.test(url.pathname) || doc.querySelector('[data-testid="base-job-card-container"]')) return 'listing';
    return 'other';
  },
  category: () => 'job',
  detail: {
    root: [
      'main', // 2022- layout: header, details and body of the job; "similar jobs" follow in it
      '#__next',
    ],
    title: [
      '[data-testid="job-title"]', // 2022- layout
      'h1[class*="JobTitle_title"]',
      '[class*="JobTitle_title"]',
      'h1',
    ],
    text: [
      '[data-testid="html-renderer-job-main-body-text"]', // 2022- layout: the employer's text
      '[class*="HtmlRenderer_renderer"]',
      '.job-description', // pre-2022 pages
    ],
    employer: [
      '[data-testid="job-company-name"]',
      '[class*="JobCompanyName_name"]', // 2022- layout: link to the company page
    ],
    location: [
      '[data-testid="job-location"]',
      '[class*="JobDetail_value"]', // 2022- layout: the first detail row is the place
    ],
    pay: [
      '[data-testid="job-salary"]', // shown when the employer gives a salary
    ],
  },
  listing: {
    card: [
      '[data-testid="base-job-card-container"]', // 2022- layout: one card per job
      '[class*="BaseJobCard_root"]',
      '[class*="BaseJobCard_container"]',
      '.position-card', // pre-2022 results
    ],
    title: ['a[class*="BaseJobCard_jobTitle"]', '[class*="BaseJobCard_jobTitle"]', 'h2', 'h3'],
    link: ['a[class*="BaseJobCard_jobTitle"]', 'a[href*="/jobs/"]', 'a[href]'],
    employer: ['[data-testid="job-card-company-name"]', '[class*="JobCompanyName_company"]'],
    location: ['[data-testid="job-location-tag"]'],
    pay: ['[data-testid="job-salary-tag"]'],
  },
};

/** Example URLs (checked by tests/extract/adapters.test.ts), apart from the adapter so that content scripts do not carry them. */
export const examples: AdapterExamples = {
  detail: [
    'https://www.kariera.gr/jobs/tourism-jobs/293691',
    'https://www.kariera.gr/en/jobs/logistics-jobs/301522',
    'https://www.kariera.gr/jobs/sales-jobs/298004?origin=pjp',
  ],
  listing: [
    'https://www.kariera.gr/jobs',
    'https://www.kariera.gr/jobs?keyword=%CF%83%CE%B5%CF%81%CE%B2%CE%B9%CF%84%CF%8C%CF%81%CE%BF%CF%82',
    'https://www.kariera.gr/jobs/jobs-in-achaia--patra',
    'https://www.kariera.gr/en/jobs?page=1&limit=20',
  ],
};
