/**
 * The settings as a WXT storage item, versioned. Version 1 (Telltale 0.1 in development) held only
 * `markers`; version 2 adds language, country, badge, discreet mode, categories, regions, allowlist
 * and retention. A migration keeps what the user set and fills the rest with defaults
 * (tests/settings.test.ts runs it on WXT's fake browser). Extension pages and the background use it;
 * content scripts read the same key raw (readSettings), which every version satisfies.
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, readSettings, SETTINGS_KEY, SETTINGS_VERSION, type Settings } from './settings.js';

export const settingsItem = storage.defineItem<Settings>(SETTINGS_KEY, {
  fallback: { ...DEFAULT_SETTINGS },
  version: SETTINGS_VERSION,
  migrations: {
    2: (v1: unknown) => readSettings(v1),
  },
});

/** The current settings, always valid. */
export async function loadSettings(): Promise<Settings> {
  return readSettings(await settingsItem.getValue());
}

/** Changes some settings, keeping the others. */
export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = readSettings({ ...(await loadSettings()), ...patch });
  await settingsItem.setValue(next);
  return next;
}
