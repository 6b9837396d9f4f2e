/**
 * InfoJobs: job board of Spain (infojobs.net) and Italy (infojobs.it), jobs only. Offer pages are
 * /<city>/<title-slug>/of-i<32 hex>; results are /ofertas-trabajo/... and
 * /jobsearch/search-results/list.xhtml (es), /offerte-lavoro/... and /offerta-lavoro/... (it).
 * Markup: the offer page keeps ids from its old JSF days (#prefijoPuesto, #prefijoPoblacion,
 * #prefijoDescripcion1), the results use the "ij-" component classes of InfoJobs' SUI design system
 * (ij-OfferCardContent-description-title...), both stable for years.
 */
import type { Adapter, AdapterExamples } from '../adapter.js';

export const infojobs: Adapter = {
  id: 'infojobs',
  name: 'InfoJobs',
  urls: [/^https?:\/\/(?:www\.|m\.)?infojobs\.(?:net|it)\//i],
  pageKind(url, doc) {
    if (/\/of-i[0-9a-f]{6,}/i.test(url.pathname)) return 'detail';
    if (/^\/(?:ofertas-trabajo|offert[ae]-lavoro|jobsearch)(?:\/|$)/i.test(url.pathname) || doc.querySelector('.ij-OfferCardContent')) return 'listing';
    return 'other';
  },
  category: () => 'job',
  detail: {
    root: [
      '#main-content', // 2019- layout: the offer's panels, without header, footer and "ofertas similares"
      'main',
      'body',
    ],
    title: [
      '#prefijoPuesto', // every layout since the JSF days
      'h1',
    ],
    text: [
      '#prefijoDescripcion1', // the employer's description ("Descripción de la oferta")
      '.ij-OfferDetail-description', // 2023- component
      '[itemprop="description"]',
    ],
    employer: [
      'a[data-track="Company Detail Clicked"]', // 2019- layout: link to the company profile
      '#prefijoEmpresa', // older layout
      '.content-type-text a',
    ],
    location: [
      'li:has(> #prefijoPoblacion)', // "Madrid, Madrid (España)": town, province and country
      '#prefijoPoblacion',
    ],
    pay: [
      '#prefijoSalario', // "Salario: 1.300€ - 1.500€ Bruto/mes"; absent when not shown
      '.ij-OfferDetail-salary',
    ],
  },
  listing: {
    card: [
      '.ij-OfferCardContent', // 2020- results: one card per offer (ad slots in the list have none)
      'li.ij-ComponentList-item',
      'li.ij-List-item',
    ],
    title: ['.ij-OfferCardContent-description-title', 'h2'],
    link: ['a.ij-OfferCardContent-description-title-link', 'a.ij-OfferCardContent-description-link', 'a[href*="/of-i"]'],
    employer: ['.ij-OfferCardContent-description-subtitle-link', '.ij-OfferCardContent-description-subtitle'],
    location: ['.ij-OfferCardContent-description-list-item-truncate'],
    pay: ['.ij-OfferCardContent-description-salary-info'],
  },
};

/** Example URLs (checked by tests/extract/adapters.test.ts), apart from the adapter so that content scripts do not carry them. */
export const examples: AdapterExamples = {
  detail: [
    'https://www.infojobs.net/madrid/camarero-a-extras-fin-de-semana/of-i1a2b3c4d5e6f40a8b9c0d1e2f3a4b5c6',
    'https://www.infojobs.net/benidorm/ayudante-cocina-temporada/of-i7f6e5d4c3b2a41098f7e6d5c4b3a2f10?applicationOrigin=search-new',
    'https://www.infojobs.it/milano/magazziniere-carrellista/of-i4f2c1e9d8b7a4f5e4d3c2b1a0f9e8d7c',
  ],
  listing: [
    'https://www.infojobs.net/ofertas-trabajo',
    'https://www.infojobs.net/ofertas-trabajo/madrid',
    'https://www.infojobs.net/jobsearch/search-results/list.xhtml?keyword=camarero',
    'https://www.infojobs.it/offerte-lavoro',
    'https://www.infojobs.it/offerte-lavoro/nuova-apertura/provincia-firenze',
  ],
};
