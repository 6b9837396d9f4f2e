/**
 * The options page: language and helpline country; markers, the toolbar badge and discreet mode;
 * kinds of signs and job boards on and off, an allowlist; how long results are kept and "delete
 * everything"; a custom rule pack (JSON or YAML: a file with problems is refused with the list of
 * problems, and the rules in use stay); export, import and reset of the settings. Every control is
 * a labelled form control, reachable with the keyboard; changes are saved at once.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { LANGS } from '../../engine/types';
import { HELPLINE_COUNTRIES } from '../../helplines/index';
import { LANGUAGE_NAMES, regionNamer, translator, uiLanguage } from '../../i18n/index';
import { DEFAULT_SETTINGS, parseHosts, readSettings, type BadgeFrom, type Settings } from '../../storage/settings';

export interface OptionsApi {
  settings(): Promise<Settings>;
  save(patch: Partial<Settings>): Promise<Settings>;
  /** Replaces all settings (import, reset). */
  replace(settings: Settings): Promise<Settings>;
  packInfo(): Promise<{ custom: boolean; version: string }>;
  /** Sends a parsed rule pack (or null for the built-in rules); an error lists the problems. */
  setPack(pack: unknown): Promise<{ ok: true; version: string } | { ok: false; error: string }>;
  deleteAll(): Promise<void>;
  /** Offers a file to download (settings export). */
  download(name: string, text: string): void;
  /** Parses a rule pack file's text (JSON, or YAML). */
  parsePackText(text: string, fileName: string): unknown;
  browserLanguages: readonly string[];
  /** Board regions: their name and the boards they cover. */
  regions: readonly { name: string; boards: string }[];
}

export const CATEGORIES = ['labour_recruitment', 'labour_conditions', 'sexual_exploitation_recruitment', 'escort_ads', 'network'] as const;
const RETENTION = [0, 1, 7, 30] as const;

/** A file's text (File.text() where there is one). */
const readText = (file: File) => (typeof file.text === 'function' ? file.text() : new Response(file).text());

export function Options({ api }: { api: OptionsApi }) {
  const [settings, setSettings] = useState<Settings | undefined>();
  const [pack, setPack] = useState<{ custom: boolean; version: string } | undefined>();
  const [packProblems, setPackProblems] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [allowText, setAllowText] = useState('');
  useEffect(() => {
    void api.settings().then((s) => {
      setSettings(s);
      setAllowText(s.allowlist.join('\n'));
    });
    void api.packInfo().then(setPack);
  }, []);
  const lang = uiLanguage(settings?.language, api.browserLanguages);
  const t = useMemo(() => translator(lang), [lang]);
  const regionNames = useMemo(() => regionNamer(lang), [lang]);
  if (!settings) return <main aria-busy="true" />;

  const save = async (patch: Partial<Settings>) => {
    setSettings(await api.save(patch));
    setStatus(t('ui.options.saved'));
  };
  const toggle = (list: string[], item: string, on: boolean) => (on ? list.filter((x) => x !== item) : [...new Set([...list, item])]);

  const importPack = async (file: File | undefined) => {
    if (!file) return;
    setPackProblems([]);
    let parsed: unknown;
    try {
      parsed = api.parsePackText(await readText(file), file.name);
    } catch (e) {
      setPackProblems([`${file.name}: ${(e as Error).message}`]);
      return;
    }
    const r = await api.setPack(parsed);
    if (r.ok) {
      setPack({ custom: true, version: r.version });
      setStatus(t('ui.options.saved'));
    } else setPackProblems(r.error.split('\n').filter((l) => l.trim() && !/^invalid rule pack:?$/.test(l.trim())));
  };

  const importSettings = async (file: File | undefined) => {
    if (!file) return;
    try {
      const value = JSON.parse(await readText(file)) as unknown;
      if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('not a settings object');
      const next = await api.replace(readSettings(value));
      setSettings(next);
      setAllowText(next.allowlist.join('\n'));
      setStatus(t('ui.options.saved'));
    } catch (e) {
      setStatus(t('ui.options.importProblems', { error: (e as Error).message }));
    }
  };

  return (
    <main lang={lang}>
      <h1>{t('ui.options.title')}</h1>
      <p role="status" aria-live="polite" class="status">
        {status}
      </p>

      <fieldset>
        <legend>{t('ui.options.language')}</legend>
        <label for="opt-language">{t('ui.options.language')}</label>
        <select id="opt-language" value={settings.language} onChange={(e) => void save({ language: (e.target as HTMLSelectElement).value })}>
          <option value="auto">{t('ui.options.languageAuto')}</option>
          {LANGS.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
        <label for="opt-country">{t('ui.options.country')}</label>
        <select id="opt-country" value={settings.country} onChange={(e) => void save({ country: (e.target as HTMLSelectElement).value })}>
          <option value="auto">{t('ui.options.countryAuto')}</option>
          {HELPLINE_COUNTRIES.map((c) => (
            <option key={c} value={c}>
              {regionNames(c)}
            </option>
          ))}
        </select>
      </fieldset>

      <fieldset>
        <legend>{t('ui.options.display')}</legend>
        <label class="check">
          <input type="checkbox" checked={settings.markers} onChange={(e) => void save({ markers: (e.target as HTMLInputElement).checked })} /> {t('ui.options.markers')}
        </label>
        <label for="opt-marker-levels">{t('ui.options.markerLevels')}</label>
        <select id="opt-marker-levels" value={settings.markersFrom} onChange={(e) => void save({ markersFrom: (e.target as HTMLSelectElement).value as Settings['markersFrom'] })}>
          <option value="none">{t('ui.options.markerAll')}</option>
          {(['low', 'elevated', 'high'] as const).map((l) => (
            <option key={l} value={l}>
              {t(`level.${l}`)}
            </option>
          ))}
        </select>
        <label for="opt-badge">{t('ui.options.badgeLevels')}</label>
        <select id="opt-badge" value={settings.badgeFrom} onChange={(e) => void save({ badgeFrom: (e.target as HTMLSelectElement).value as BadgeFrom })}>
          {(['low', 'elevated', 'high'] as const).map((l) => (
            <option key={l} value={l}>
              {t(`level.${l}`)}
            </option>
          ))}
          <option value="never">{t('ui.options.badgeNever')}</option>
        </select>
        <label class="check">
          <input type="checkbox" checked={settings.discreet} aria-describedby="discreet-help" onChange={(e) => void save({ discreet: (e.target as HTMLInputElement).checked })} /> {t('ui.options.discreet')}
        </label>
        <p id="discreet-help" class="help">
          {t('ui.options.discreetHelp')}
        </p>
      </fieldset>

      <fieldset aria-describedby="categories-help">
        <legend>{t('ui.options.categories')}</legend>
        <p id="categories-help" class="help">
          {t('ui.options.categoriesHelp')}
        </p>
        {CATEGORIES.map((c) => (
          <label class="check" key={c}>
            <input
              type="checkbox"
              checked={!settings.categoriesOff.includes(c)}
              onChange={(e) => void save({ categoriesOff: toggle(settings.categoriesOff, c, (e.target as HTMLInputElement).checked) })}
            />{' '}
            {t(`ui.options.category.${c}`)}
          </label>
        ))}
      </fieldset>

      <fieldset aria-describedby="sites-help">
        <legend>{t('ui.options.sites')}</legend>
        <p id="sites-help" class="help">
          {t('ui.options.sitesHelp')}
        </p>
        {api.regions.map((r) => (
          <label class="check" key={r.name}>
            <input
              type="checkbox"
              checked={!settings.regionsOff.includes(r.name)}
              onChange={(e) => void save({ regionsOff: toggle(settings.regionsOff, r.name, (e.target as HTMLInputElement).checked) })}
            />{' '}
            {r.boards}
          </label>
        ))}
        <label for="opt-allowlist">{t('ui.options.allowlist')}</label>
        <textarea id="opt-allowlist" value={allowText} onInput={(e) => setAllowText((e.target as HTMLTextAreaElement).value)} onBlur={() => void save({ allowlist: parseHosts(allowText) })} />
      </fieldset>

      <fieldset>
        <legend>{t('ui.options.data')}</legend>
        <label for="opt-retention">{t('ui.options.retention')}</label>
        <select id="opt-retention" aria-describedby="opt-data-kept" value={String(settings.retentionDays)} onChange={(e) => void save({ retentionDays: Number((e.target as HTMLSelectElement).value) })}>
          {RETENTION.map((d) => (
            <option key={d} value={String(d)}>
              {d === 0 ? t('ui.options.retentionSession') : t('ui.options.retentionDays', { days: d })}
            </option>
          ))}
        </select>
        <p class="help" id="opt-data-kept">{t('ui.options.dataKept')}</p>
        <div>
          <button
            type="button"
            onClick={async () => {
              await api.deleteAll();
              setStatus(t('ui.options.deleted'));
            }}
          >
            {t('ui.options.deleteAll')}
          </button>
        </div>
      </fieldset>

      <fieldset aria-describedby="rules-help">
        <legend>{t('ui.options.rules')}</legend>
        <p id="rules-help" class="help">
          {t('ui.options.rulesHelp')}
        </p>
        {pack && <p>{pack.custom ? t('ui.options.rulesActive', { version: pack.version }) : t('ui.options.rulesBuiltin', { version: pack.version })}</p>}
        <label for="opt-pack">{t('ui.options.rulesImport')}</label>
        <input id="opt-pack" type="file" accept=".json,.yaml,.yml,application/json" onChange={(e) => void importPack((e.target as HTMLInputElement).files?.[0])} />
        {packProblems.length > 0 && (
          <div role="alert" class="problems">
            <p>{t('ui.options.rulesProblems')}</p>
            <ul>
              {packProblems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        {pack?.custom && (
          <button
            type="button"
            onClick={async () => {
              const r = await api.setPack(null);
              if (r.ok) setPack(await api.packInfo());
              setPackProblems([]);
            }}
          >
            {t('ui.options.rulesReset')}
          </button>
        )}
      </fieldset>

      <fieldset>
        <legend>{t('ui.options.settingsFile')}</legend>
        <button type="button" onClick={() => api.download('telltale-settings.json', JSON.stringify(settings, null, 2))}>
          {t('ui.options.export')}
        </button>{' '}
        <label for="opt-import">{t('ui.options.import')}</label>
        <input id="opt-import" type="file" accept=".json,application/json" onChange={(e) => void importSettings((e.target as HTMLInputElement).files?.[0])} />{' '}
        <button
          type="button"
          onClick={async () => {
            const next = await api.replace({ ...DEFAULT_SETTINGS, categoriesOff: [], regionsOff: [], allowlist: [] });
            setSettings(next);
            setAllowText('');
            setStatus(t('ui.options.saved'));
          }}
        >
          {t('ui.options.reset')}
        </button>
      </fieldset>
    </main>
  );
}
