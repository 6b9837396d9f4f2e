/**
 * Every site adapter, in the order the pipeline tries them (the first whose URLs match reads the
 * page). One file per site; the id is the file name.
 */
import { adapterFor as adapterIn, type Adapter, type AdapterExamples } from '../adapter.js';
import { olx, examples as olxExamples } from './olx.js';
import { pracuj, examples as pracujExamples } from './pracuj.js';
import { sprzedajemy, examples as sprzedajemyExamples } from './sprzedajemy.js';
import { jobsbg, examples as jobsbgExamples } from './jobsbg.js';
import { profesia, examples as profesiaExamples } from './profesia.js';
import { bazos, examples as bazosExamples } from './bazos.js';
import { xe, examples as xeExamples } from './xe.js';
import { kariera, examples as karieraExamples } from './kariera.js';
import { subito, examples as subitoExamples } from './subito.js';
import { infojobs, examples as infojobsExamples } from './infojobs.js';
import { milanuncios, examples as milanunciosExamples } from './milanuncios.js';
import { craigslist, examples as craigslistExamples } from './craigslist.js';
import { gumtree, examples as gumtreeExamples } from './gumtree.js';
import { indeed, examples as indeedExamples } from './indeed.js';
import { linkedin, examples as linkedinExamples } from './linkedin.js';
import { karriere, examples as karriereExamples } from './karriere.js';
import { willhaben, examples as willhabenExamples } from './willhaben.js';
import { stepstone, examples as stepstoneExamples } from './stepstone.js';
import { kleinanzeigen, examples as kleinanzeigenExamples } from './kleinanzeigen.js';

export const ADAPTERS: readonly Adapter[] = [
  olx,
  pracuj,
  sprzedajemy,
  jobsbg,
  profesia,
  bazos,
  xe,
  kariera,
  subito,
  infojobs,
  milanuncios,
  indeed,
  linkedin,
  gumtree,
  craigslist,
  karriere,
  willhaben,
  stepstone,
  kleinanzeigen,
];

/** The adapter for a page URL, if a supported board serves it. */
export function adapterFor(href: string): Adapter | undefined {
  return adapterIn(ADAPTERS, href);
}

/** Each adapter's example URLs, by id (tests and tools). */
export const EXAMPLES: Readonly<Record<string, AdapterExamples>> = {
  [olx.id]: olxExamples,
  [pracuj.id]: pracujExamples,
  [sprzedajemy.id]: sprzedajemyExamples,
  [jobsbg.id]: jobsbgExamples,
  [profesia.id]: profesiaExamples,
  [bazos.id]: bazosExamples,
  [xe.id]: xeExamples,
  [kariera.id]: karieraExamples,
  [subito.id]: subitoExamples,
  [infojobs.id]: infojobsExamples,
  [milanuncios.id]: milanunciosExamples,
  [craigslist.id]: craigslistExamples,
  [gumtree.id]: gumtreeExamples,
  [indeed.id]: indeedExamples,
  [linkedin.id]: linkedinExamples,
  [karriere.id]: karriereExamples,
  [willhaben.id]: willhabenExamples,
  [stepstone.id]: stepstoneExamples,
  [kleinanzeigen.id]: kleinanzeigenExamples,
};
