/**
 * The user's settings, kept in the extension's local storage (never synced, never sent anywhere).
 * A stored value is read field by field: what is of the right type is kept, anything else (an older
 * version's field, a broken value) falls back to its default, so that a bad value never stops the
 * extension. Plain checks rather than zod: the content scripts read settings, and their budget is
 * 40 KB.
 */

export interface Settings {
  /** Markers on listing cards and highlights on ad pages. */
  markers: boolean;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({ markers: true });

const CHECKS: { [K in keyof Settings]: (v: unknown) => v is Settings[K] } = {
  markers: (v): v is boolean => typeof v === 'boolean',
};

/** Reads a stored value into valid settings: each field that checks out is kept, others default. */
export function readSettings(stored: unknown): Settings {
  const out: Settings = { ...DEFAULT_SETTINGS };
  if (!stored || typeof stored !== 'object') return out;
  for (const key of Object.keys(CHECKS) as (keyof Settings)[]) {
    const value = (stored as Record<string, unknown>)[key];
    if (CHECKS[key](value)) out[key] = value;
  }
  return out;
}

/** The storage key (WXT storage area prefix included). */
export const SETTINGS_KEY = 'local:settings' as const;
