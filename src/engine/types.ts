/** The languages Telltale has rule packs for (ISO 639-1). */
export const LANGS = ['en', 'es', 'it', 'pl', 'sk', 'bg', 'el', 'de'] as const;
export type Lang = (typeof LANGS)[number];

/** Fields of an ad that the engine reads and that spans can point into. */
export const AD_FIELDS = ['title', 'text', 'employer', 'location', 'pay'] as const;
export type AdField = (typeof AD_FIELDS)[number];

/** Pay as a board structures it (OLX, Sprzedajemy, InfoJobs...). Any part may be missing. */
export interface StructuredPay {
  min?: number;
  max?: number;
  currency?: string;
  period?: string;
  basis?: string;
}

/** One advertisement or message, as extracted from a page, a file or a paste box. */
export interface Ad {
  id?: string;
  title?: string;
  text: string;
  url?: string;
  lang?: string;
  country?: string;
  employer?: string;
  location?: string;
  pay?: string | StructuredPay;
  contacts?: string[];
  /** When the ad was posted (ISO 8601); pay is compared with the minimum wage in force then. */
  date?: string;
  /** The name the ad is posted under (a person or an account); the cross-ad index compares it. */
  poster?: string;
}

/** Where a flag's words are: offsets into the ORIGINAL string of one field, end exclusive. */
export interface Span {
  field: AdField;
  start: number;
  end: number;
}

export type Level = 'none' | 'low' | 'elevated' | 'high';
/** Levels in order, for comparing them (badge, markers, sorting). */
export const LEVEL_RANK: Readonly<Record<Level, number>> = { none: 0, low: 1, elevated: 2, high: 3 };

/** One indicator found in an ad, with everything needed to explain it. */
export interface Flag {
  rule: string;
  category: string;
  /** Base weight in score points before combination. */
  weight: number;
  /** Points this flag adds to (or, for mitigations, removes from) the score. */
  contribution: number;
  spans: Span[];
  /** The original words of the first span. */
  match: string;
  /** Set on mitigations that come from a negated indicator ("we never charge fees"). */
  negated?: boolean;
  /** Extra facts a detector computed (pay in EUR/month, the reference wage...). */
  detail?: Record<string, string | number | boolean>;
  /** Cross-ad signs: the other ads this one shares a contact or its text with (src/network/). */
  related?: RelatedAd[];
}

/** Another ad of the local index, as a cross-ad flag shows it: where it is and what it shares. */
export interface RelatedAd {
  url?: string;
  title?: string;
  poster?: string;
  city?: string;
  /** The contact keys both ads have ("tel:+48600111222", "mail:...", "tg:..."). */
  contacts?: string[];
  /** The two texts' estimated similarity, 0-1 (src/network/fingerprint.ts). */
  similarity?: number;
}

export interface Assessment {
  id?: string;
  score: number;
  level: Level;
  lang: Lang | 'und';
  langConfidence: number;
  flags: Flag[];
  mitigations: Flag[];
  /** Context rules that matched (e.g. adult_service_context), shaped like flags; they never add points. */
  contexts: Flag[];
  rulesVersion: string;
}
