/** The options page's wiring: storage, the background and file handling for the Options component. */
import { render } from 'preact';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { BOARDS } from '../../src/extract/boards/index';
import { loadSettings, saveSettings, settingsItem } from '../../src/storage/settings-item';
import { readSettings } from '../../src/storage/settings';
import { offerDownload } from '../../src/ui/download';
import { Options, type OptionsApi } from '../../src/ui/options/Options';

z.config({ jitless: true });

type Answer = { ok: boolean; error?: string; version?: string; custom?: boolean };
const send = (message: unknown) => browser.runtime.sendMessage(message) as Promise<Answer>;

const api: OptionsApi = {
  settings: loadSettings,
  save: saveSettings,
  replace: async (s) => {
    const next = readSettings(s);
    await settingsItem.setValue(next);
    return next;
  },
  packInfo: async () => {
    const r = await send({ type: 'pack-info' });
    return { custom: r.custom === true, version: r.version ?? '' };
  },
  setPack: async (pack) => {
    const r = await send({ type: 'set-pack', pack });
    return r.ok ? { ok: true, version: r.version ?? '' } : { ok: false, error: r.error ?? 'refused' };
  },
  deleteAll: async () => {
    await send({ type: 'delete-all' });
  },
  download: (name, text) => offerDownload(name, new Blob([text], { type: 'application/json' })),
  // YAML is a superset of JSON: one parser reads both; errors name the line.
  parsePackText: (text) => parseYaml(text) as unknown,
  browserLanguages: navigator.languages?.length ? navigator.languages : [navigator.language],
  regions: BOARDS.map((b) => ({ name: b.name, boards: [...new Set(b.adapters.map((a) => a.name))].join(', ') })),
};

render(<Options api={api} />, document.getElementById('app')!);
