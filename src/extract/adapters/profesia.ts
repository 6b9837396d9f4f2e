/**
 * Profesia: Slovakia's largest job board (profesia.sk; profesia.cz for Czechia, /en/ for English).
 * Jobs only. Offers live at /praca/<company>/O<id> (/prace/ on .cz, /en/work/ in English), search
 * results and company pages under /praca/. Server-rendered HTML with plain class names: results are
 * li.list-row (h2 a#offerNNN > .title, .employer, .job-location, salary .label); an offer is #detail
 * with schema.org JobPosting microdata (itemprop title, hiringOrganization, jobLocation) and the
 * text in .card-content (.job-info, .job-requirements, .company-info sections).
 */
import type { Adapter, AdapterExamples } from '../adapter.js';

export const profesia: Adapter = {
  id: 'profesia',
  name: 'Profesia',
  urls: [/^https?:\/\/(?:www\.)?profesia\.(?:sk|cz)(?:[/?#]|$)/i],
  pageKind(url, doc) {
    if (/\/O\d{4,}(?:[/?#]|$)/.test(url.pathname)) return 'detail';
    if (doc.querySelector('li.list-row')) return 'listing';
    return /^(?:\/en)?\/(?:praca|prace|work)(?:\/|$)/i.test(url.pathname) ? 'listing' : 'other';
  },
  category: () => 'job',
  detail: {
    root: [
      '#detail', // 2019- layout: the offer's card
      'main',
    ],
    title: [
      '[itemprop="title"]', // JobPosting microdata on h1#detail-title
      'h1',
    ],
    text: [
      '.card-content', // header, job info, requirements and company sections
      '[itemprop="description"]',
    ],
    employer: ['[itemprop="hiringOrganization"] [itemprop="name"]', '[itemprop="hiringOrganization"]'],
    location: ['[itemprop="jobLocation"] [itemprop="addressLocality"]', '[itemprop="jobLocation"]'],
    pay: ['.salary-range', '[itemprop="baseSalary"]'],
    contacts: ['.details-section .tel'], // phone numbers shown as text
  },
  listing: {
    card: ['li.list-row'], // 2015- results (promoted and plain alike)
    title: ['h2 .title', 'h2'],
    link: ['h2 a[href*="/O"]', 'a[id^="offer"]', 'a[href*="/O"]'],
    employer: ['.employer'],
    location: ['.job-location'],
    pay: ['.label-bin', '.label-group .label'], // "1 800 - 2 400 EUR/mesiac"
  },
};

/** Example URLs (checked by tests/extract/adapters.test.ts), apart from the adapter so that content scripts do not carry them. */
export const examples: AdapterExamples = {
  detail: [
    'https://www.profesia.sk/praca/autodoprava-novak/O4812345',
    'https://www.profesia.sk/praca/hotel-tatry/O4799001?search_id=4f1a2b&pos=3',
    'https://www.profesia.sk/en/work/autodoprava-novak/O4812345',
    'https://www.profesia.cz/prace/stavby-morava/O5120034',
  ],
  listing: [
    'https://www.profesia.sk/praca/',
    'https://www.profesia.sk/praca/zilinsky-kraj/?search_anywhere=vodi%C4%8D',
    'https://www.profesia.sk/praca/?page_num=2',
    'https://www.profesia.sk/praca/autodoprava-novak/C254311',
  ],
};
