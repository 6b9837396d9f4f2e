/**
 * Every site adapter, in the order the pipeline tries them (the first whose URLs match reads the
 * page). One file per site; the id is the file name.
 */
import type { Adapter } from '../adapter.js';
import { olx } from './olx.js';
// imports, group A (Poland, Bulgaria, Slovakia, Czechia)
// imports, group B (Greece, Italy, Spain)
// imports, group C (Indeed, LinkedIn, Gumtree, Craigslist)
// imports, group D (Austria, Germany)

export const ADAPTERS: readonly Adapter[] = [
  olx,
  // adapters, group A
  // adapters, group B
  // adapters, group C
  // adapters, group D
];

/** The adapter for a page URL, if a supported board serves it. */
export function adapterFor(href: string): Adapter | undefined {
  return ADAPTERS.find((a) => a.urls.some((re) => re.test(href)));
}
