/**
 * The user's settings, kept in the extension's local storage (never synced, never sent anywhere).
 * A stored value is read field by field: what is of the right type is kept, anything else (a broken
 * value, a field of an unknown version) falls back to its default, so that a bad value never stops
 * the extension. Plain checks rather than zod: the content scripts read settings, and their budget
 * is 40 KB. Versions and their migrations are in settings-item.ts (WXT storage).
 */

export type BadgeFrom = 'low' | 'elevated' | 'high' | 'never';

export interface Settings {
  /** Markers on listing cards and highlights on ad pages. */
  markers: boolean;
  /** The lowest level whose cards get a marker ("none": every scored card). */
  markersFrom: 'none' | 'low' | 'elevated' | 'high';
  /** The interface language: one of the eight, or "auto" (the browser's). */
  language: string;
  /** The country whose helplines are shown: an ISO code, or "auto" (the ad's, the site's, the browser's). */
  country: string;
  /** The lowest level shown on the toolbar icon, or never. */
  badgeFrom: BadgeFrom;
  /** Discreet mode: a neutral icon title, no badge text, no helpline wording on pages. */
  discreet: boolean;
  /** Rule categories switched off: their signs are neither shown nor scored. */
  categoriesOff: string[];
  /** Board regions (src/extract/boards/) whose content script stays idle. */
  regionsOff: string[];
  /** Host names where nothing is marked. */
  allowlist: string[];
  /** How long checked pages' results are kept: 0 for this browser session only, else days. */
  retentionDays: number;
}

export const SETTINGS_VERSION = 2;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  markers: true, markersFrom: 'none', language: 'auto', country: 'auto', badgeFrom: 'low', discreet: false,
  categoriesOff: [], regionsOff: [], allowlist: [], retentionDays: 0,
});

const strings = (v: unknown, item: RegExp): v is string[] => Array.isArray(v) && v.length <= 500 && v.every((x) => typeof x === 'string' && item.test(x));

const CHECKS: { [K in keyof Settings]: (v: unknown) => v is Settings[K] } = {
  markers: (v): v is boolean => typeof v === 'boolean',
  markersFrom: (v): v is Settings['markersFrom'] => v === 'none' || v === 'low' || v === 'elevated' || v === 'high',
  language: (v): v is string => typeof v === 'string' && /^(?:auto|en|es|it|pl|sk|bg|el|de)$/.test(v),
  country: (v): v is string => typeof v === 'string' && /^(?:auto|[A-Z]{2})$/.test(v),
  badgeFrom: (v): v is BadgeFrom => v === 'low' || v === 'elevated' || v === 'high' || v === 'never',
  discreet: (v): v is boolean => typeof v === 'boolean',
  categoriesOff: (v): v is string[] => strings(v, /^[a-z_]{1,60}$/),
  regionsOff: (v): v is string[] => strings(v, /^[a-z-]{1,40}$/),
  allowlist: (v): v is string[] => strings(v, /^[a-z0-9.-]{1,253}$/),
  retentionDays: (v): v is number => v === 0 || v === 1 || v === 7 || v === 30,
};

/** Reads a stored value into valid settings: each field that checks out is kept, others default. */
export function readSettings(stored: unknown): Settings {
  const out: Settings = { ...DEFAULT_SETTINGS, categoriesOff: [], regionsOff: [], allowlist: [] };
  if (!stored || typeof stored !== 'object') return out;
  for (const key of Object.keys(CHECKS) as (keyof Settings)[]) {
    const value = (stored as Record<string, unknown>)[key];
    if (CHECKS[key](value)) (out as Record<keyof Settings, unknown>)[key] = value;
  }
  return out;
}

/** A host name list as a user types it ("https://www.x.com/a, y.org"): lower-case host names. */
export function parseHosts(text: string): string[] {
  const out = new Set<string>();
  for (const part of text.split(/[\s,;]+/)) {
    const host = part.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').split(/[/?#:]/)[0] ?? '';
    if (/^[a-z0-9.-]{1,253}$/.test(host) && host.includes('.')) out.add(host);
  }
  return [...out];
}

/** Whether the settings let a board region's content script work on a host. */
export function boardActive(settings: Settings, region: string, host: string): boolean {
  if (settings.regionsOff.includes(region)) return false;
  const h = host.toLowerCase();
  return !settings.allowlist.some((a) => h === a || h.endsWith(`.${a}`));
}

/** The storage key (WXT storage area prefix included). */
export const SETTINGS_KEY = 'local:settings' as const;
