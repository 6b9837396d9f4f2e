/** The helpline directory's shape (helplines.json, built by scripts/build-helplines.ts). */

export interface Helpline {
  /** ISO country code, or "EU" for the numbers that work in every EU country (112, 116 000...). */
  country: string;
  name: string;
  operator?: string;
  /** The number as people write it. */
  phone: string;
  /** For a tel: link: E.164 ("+359800...") or, for a short code, its digits ("112"). */
  tel: string;
  /** A short code (112, 116 111, 1109): dialled as is, inside its country only. */
  short: boolean;
  hours?: string;
  languages?: string;
  cost?: string;
  anonymous?: boolean;
  email?: string;
  web?: string;
  notes?: string;
  /** Where the facts come from (the reference's source list). */
  sources: string[];
  /** When the entry was taken from the reference (its sources' own dates are older). */
  checked: string;
  /** high, medium or low; anything but high is shown to the user. */
  confidence: 'high' | 'medium' | 'low';
  /** The reference's own words on confidence ("high for number; hours medium"). */
  confidenceNote?: string;
}

/** An organisation without a number of its own (a network of counselling centres, a web form). */
export interface HelplineLink {
  country: string;
  name: string;
  web?: string;
  notes?: string;
  sources: string[];
  checked: string;
  confidence: 'high' | 'medium' | 'low';
}

export interface HelplineDirectory {
  source: string;
  built: string;
  entries: Helpline[];
  links: HelplineLink[];
}
