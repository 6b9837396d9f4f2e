/**
 * Settings: read field by field (a broken value never stops the extension), host lists as users
 * type them, board switches, and the versioned storage item's migration from version 1, on WXT's
 * fake browser.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { boardActive, DEFAULT_SETTINGS, parseHosts, readSettings } from '../src/storage/settings.js';

describe('readSettings', () => {
  it('keeps what is valid and defaults the rest', () => {
    expect(readSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(readSettings('junk')).toEqual(DEFAULT_SETTINGS);
    const s = readSettings({ markers: false, language: 'pl', country: 'de', badgeFrom: 'sometimes', retentionDays: 7, allowlist: ['ok.example.com', 'NOT OK'], extra: 1 });
    expect(s).toEqual({ ...DEFAULT_SETTINGS, markers: false, language: 'pl', retentionDays: 7 });
  });
});

describe('hosts and boards', () => {
  it('reads host names from what people paste', () => {
    expect(parseHosts('https://www.olx.pl/praca/, Jobs.BG\nnot-a-host  forum.example.org/t/1')).toEqual(['www.olx.pl', 'jobs.bg', 'forum.example.org']);
  });
  it('leaves a switched-off region and an allowlisted site (and its subdomains) alone', () => {
    const s = { ...DEFAULT_SETTINGS, regionsOff: ['de'], allowlist: ['olx.pl'] };
    expect(boardActive(s, 'de', 'www.stepstone.de')).toBe(false);
    expect(boardActive(s, 'pl', 'www.olx.pl')).toBe(false);
    expect(boardActive(s, 'pl', 'www.pracuj.pl')).toBe(true);
    expect(boardActive(s, 'pl', 'notolx.pl')).toBe(true);
  });
});

describe('the settings storage item', () => {
  beforeEach(() => {
    (globalThis as { chrome?: unknown }).chrome = fakeBrowser;
    (globalThis as { browser?: unknown }).browser = fakeBrowser;
    fakeBrowser.reset();
  });
  it('migrates version 1 (markers only) to version 2, keeping what the user set', async () => {
    await fakeBrowser.storage.local.set({ settings: { markers: false }, settings$: { v: 1 } });
    const { settingsItem, loadSettings } = await import('../src/storage/settings-item.js');
    await settingsItem.migrate();
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, markers: false });
    expect((await fakeBrowser.storage.local.get('settings$'))['settings$']).toEqual({ v: 2 });
  });
  it('saves a change without losing the other settings, and survives a broken stored value', async () => {
    const { saveSettings, loadSettings } = await import('../src/storage/settings-item.js');
    await saveSettings({ language: 'bg' });
    await saveSettings({ discreet: true });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, language: 'bg', discreet: true });
    await fakeBrowser.storage.local.set({ settings: { language: 42, discreet: 'yes' } });
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });
});
