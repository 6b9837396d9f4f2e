/**
 * Every site adapter, in the order the pipeline tries them (the first whose URLs match reads the
 * page). One file per site; the id is the file name.
 */
import { adapterFor as adapterIn, type Adapter } from '../adapter.js';
import { olx } from './olx.js';
import { pracuj } from './pracuj.js';
import { sprzedajemy } from './sprzedajemy.js';
import { jobsbg } from './jobsbg.js';
import { profesia } from './profesia.js';
import { bazos } from './bazos.js';
import { xe } from './xe.js';
import { kariera } from './kariera.js';
import { subito } from './subito.js';
import { infojobs } from './infojobs.js';
import { milanuncios } from './milanuncios.js';
import { craigslist } from './craigslist.js';
import { gumtree } from './gumtree.js';
import { indeed } from './indeed.js';
import { linkedin } from './linkedin.js';
import { karriere } from './karriere.js';
import { willhaben } from './willhaben.js';
import { stepstone } from './stepstone.js';
import { kleinanzeigen } from './kleinanzeigen.js';

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
