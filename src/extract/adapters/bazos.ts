/**
 * Bazoš: classifieds in Slovakia (bazos.sk), Czechia (bazos.cz) and Poland (bazos.pl), one
 * subdomain per section: jobs on praca.bazos.sk, prace.bazos.cz and praca.bazos.pl; auto., reality.,
 * mobil. and the rest are goods, cars and flats. Old-school server-rendered HTML whose class names
 * (Slovak/Czech words) have not changed in a decade: results are div.inzeraty (h2.nadpis link,
 * .popis snippet, .inzeratycena price, .inzeratylok place); an ad page has h1.nadpisdetail,
 * .popisdetail and td.listadvlevo, a table of Meno/Telefón/Lokalita/Videlo/Cena rows.
 */
import type { Adapter, AdapterExamples } from '../adapter.js';

const JOB_HOST = /^(?:praca|prace)\./i;

export const bazos: Adapter = {
  id: 'bazos',
  name: 'Bazoš',
  urls: [/^https?:\/\/(?:[a-z0-9-]+\.)?bazos\.(?:sk|cz|pl)(?:[/?#]|$)/i],
  pageKind(url, doc) {
    if (/\/inzerat\/\d+/.test(url.pathname)) return 'detail';
    if (doc.querySelector('div.inzeraty')) return 'listing';
    if (/^www\./i.test(url.hostname) && !url.pathname.startsWith('/search')) return 'other';
    return /\.php$/i.test(url.pathname) && !url.pathname.startsWith('/search') ? 'other' : 'listing';
  },
  category(url) {
    if (JOB_HOST.test(url.hostname) || /rubriky=(?:praca|prace)/i.test(url.search)) return 'job';
    // www. search pages mix every section.
    return /^www\./i.test(url.hostname) || !/\.bazos\./i.test(url.hostname) ? 'unknown' : 'non-job';
  },
  detail: {
    // No root: title, text and the info table are siblings in the page's main column.
    title: ['h1.nadpisdetail', 'h1.nadpis', 'h1'],
    text: [
      '.popisdetail', // the ad's text
      'div.popis',
    ],
    // The info table's rows: name (a firm or a person), phone (behind a click), place, views, price.
    employer: ['td.listadvlevo table tr:first-child td:nth-child(2)'],
    location: ['td.listadvlevo table tr:nth-child(3) td:last-child'],
    pay: ['td.listadvlevo table tr:last-child td:last-child'],
  },
  listing: {
    card: [
      'div.inzeraty', // 2010- rows (.inzeratyflex since 2022)
    ],
    title: ['h2.nadpis a', 'h2.nadpis'],
    link: ['h2.nadpis a', 'a[href*="/inzerat/"]'],
    location: ['.inzeratylok'],
    pay: ['.inzeratycena'],
  },
};

/** Example URLs (checked by tests/extract/adapters.test.ts), apart from the adapter so that content scripts do not carry them. */
export const examples: AdapterExamples = {
  detail: [
    'https://praca.bazos.sk/inzerat/167123456/vodic-mkd-nemecko-ubytovanie-zabezpecene.php',
    'https://prace.bazos.cz/inzerat/201987654/brigada-baleni-zbozi-praha.php',
    'https://auto.bazos.sk/inzerat/166000111/skoda-octavia-combi-20-tdi.php',
  ],
  listing: [
    'https://praca.bazos.sk/',
    'https://praca.bazos.sk/vodic/',
    'https://praca.bazos.sk/40/',
    'https://prace.bazos.cz/brigady/',
    'https://www.bazos.sk/search.php?hledat=vodi%C4%8D&rubriky=praca',
    'https://reality.bazos.cz/pronajmu/byt/',
  ],
};
