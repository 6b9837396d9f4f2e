/**
 * The national helplines for a country, with the numbers that work everywhere in the EU (112 always).
 * Data: helplines.json, built from the project's reference by scripts/build-helplines.ts.
 */
import directory from './helplines.json' with { type: 'json' };
import type { Helpline, HelplineDirectory, HelplineLink } from './types.js';

export type { Helpline, HelplineLink } from './types.js';
export const HELPLINES = directory as HelplineDirectory;

/** Countries of the directory (those with a number or a link), for the country chooser. */
export const HELPLINE_COUNTRIES: readonly string[] = [...new Set([...HELPLINES.entries, ...HELPLINES.links].map((e) => e.country).filter((c) => c !== 'EU'))].sort();

export interface CountryHelp {
  country: string;
  /** The country's own lines, high confidence first. */
  national: Helpline[];
  /** Organisations without a number (counselling networks, web forms). */
  links: HelplineLink[];
  /** 112 first, then the other EU-wide numbers. */
  everywhere: Helpline[];
}

const RANK = { high: 0, medium: 1, low: 2 } as const;

export function helpFor(country: string | undefined): CountryHelp {
  const code = (country ?? '').toUpperCase() === 'UK' ? 'GB' : (country ?? '').toUpperCase();
  const national = HELPLINES.entries.filter((e) => e.country === code && code !== 'EU').sort((a, b) => RANK[a.confidence] - RANK[b.confidence]);
  const everywhere = HELPLINES.entries.filter((e) => e.country === 'EU').sort((a, b) => (a.tel === '112' ? -1 : b.tel === '112' ? 1 : 0));
  return { country: code, national, links: HELPLINES.links.filter((l) => l.country === code), everywhere };
}

/** The href of a helpline's number. */
export const telHref = (h: Helpline) => `tel:${h.tel}`;
