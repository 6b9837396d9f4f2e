/**
 * Craigslist: one site per area (newyork.craigslist.org, london.craigslist.org ...; the old country
 * domains craigslist.ca, .co.uk, .com.au redirect to .org). Sections are three-letter codes in the
 * path: jjj (all jobs) and the job categories (fbh food/beverage, lab general labour, trp transport...),
 * ggg (all gigs) and the gig categories (lbg labour gigs, dmg domestic...); everything else is goods,
 * housing, services or community. Detail pages: /<subarea>/<cat>/d/<slug>/<id>.html (2017-) or
 * /<cat>/<id>.html (older). Listings: /search/<subarea>/<cat>. Markup: plain server-rendered HTML with
 * descriptive ids and classes (#titletextonly, #postingbody, .attrgroup); search results come as a
 * static list (li.cl-static-search-result) that the 2023- app replaces with .cl-search-result cards.
 */
import type { Adapter, AdapterExamples } from '../adapter.js';

/** Job and gig section codes (resumes, rrr, are people seeking work, not offers). */
const JOBS = /\/(?:jjj|ggg|acc|ofc|etc|bus|csr|edu|fbh|lab|tch|gov|hum|eng|lgs|mnu|mar|med|hea|npo|rej|ret|sls|spa|sec|trd|sof|sad|tfr|trp|web|wri|sci|cpg|crg|cwg|dmg|evg|lbg|tlg|wrg)(?:\/|$)/i;

export const craigslist: Adapter = {
  id: 'craigslist',
  name: 'Craigslist',
  urls: [/^https?:\/\/(?:[a-z0-9-]+\.)?craigslist\.(?:org|ca|co\.uk|com\.au)\//i],
  pageKind(url, doc) {
    if (/\/d\/|\/\d{8,}\.html$/i.test(url.pathname)) return 'detail';
    if (doc.querySelector('.cl-search-result, .cl-static-search-result, .result-row')) return 'listing';
    return /\/search\//i.test(url.pathname) ? 'listing' : 'other';
  },
  category: (url) => (JOBS.test(url.pathname) ? 'job' : url.pathname.length > 1 ? 'non-job' : 'unknown'),
  detail: {
    root: [
      'section.body', // every layout: title, attributes, body, notices
      'body',
    ],
    title: [
      '#titletextonly', // every layout
      '.postingtitletext',
    ],
    text: ['#postingbody'],
    location: [
      '.postingtitletext small', // " (brooklyn) " beside the title
      '.mapaddress',
    ],
    pay: [
      '.attr.remuneration .valu', // 2023- attribute list: "compensation: $22/hr"
      '.price', // goods, beside the title
      '.attrgroup > span:first-child > b', // 2017-2023 jobs: the first attribute is the compensation
    ],
  },
  listing: {
    card: [
      '.cl-search-result', // 2023- app: list, thumb and gallery views
      'li.cl-static-search-result', // 2023- server-rendered list (no script)
      'li.result-row', // 2014-2023 layout
    ],
    title: [
      '.posting-title .label', // 2023- app
      '.title', // 2023- static list
      '.result-title', // 2014-2023 layout
    ],
    link: ['a.posting-title', 'a.cl-app-anchor', 'a[href$=".html"]'],
    location: ['.location', '.result-hood'],
    pay: ['.priceinfo', '.price', '.result-price'],
  },
};

/** Example URLs (checked by tests/extract/adapters.test.ts), apart from the adapter so that content scripts do not carry them. */
export const examples: AdapterExamples = {
  detail: [
    'https://newyork.craigslist.org/brk/fbh/d/brooklyn-line-cook-cash-paid-daily/7745123456.html',
    'https://sfbay.craigslist.org/eby/lbg/d/oakland-moving-help-needed-saturday/7745234567.html',
    'https://london.craigslist.org/trp/d/london-van-driver-needed/7745345678.html',
    'https://chicago.craigslist.org/chc/cto/d/chicago-2012-honda-civic/7745456789.html',
  ],
  listing: [
    'https://newyork.craigslist.org/search/jjj?query=driver',
    'https://newyork.craigslist.org/search/brk/fbh',
    'https://sfbay.craigslist.org/search/ggg#search=1~list~0~0',
    'https://houston.craigslist.org/search/sss?query=couch',
  ],
};
