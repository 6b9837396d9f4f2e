/**
 * The popup: what Telltale found on the current tab (the ad, or a listing's ads most warning signs
 * first, each one click away from its card), a box to check any text, and whom to call. All text in
 * the user's language; the browser APIs come in through `api`, so that the tests can render it.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { LEVEL_RANK as RANK, type Assessment } from '../../engine/types';
import { LANGUAGE_NAMES, regionNamer, translator, uiLanguage } from '../../i18n/index';
import { LANGS, type Lang } from '../../engine/types';
import type { PageResults, Response, ScoredAd } from '../../messages/handle';
import type { Settings } from '../../storage/settings';
import { AdReport, LevelLine } from './AdReport';
import { HelpSection } from './HelpSection';
import { SaveEvidence, type EvidenceSaved } from './SaveEvidence';
import { PasteCheck } from '../PasteCheck';

export interface PopupApi {
  tabResults(): Promise<PageResults | null>;
  assess(text: string): Promise<Response>;
  /** Scrolls the tab to an ad's card and focuses its marker. */
  showCard(url: string): Promise<void>;
  /** Scrolls the tab to the board's own report control and focuses it. */
  showReport(): Promise<void>;
  settings(): Promise<Settings>;
  saveSettings(patch: Partial<Settings>): Promise<void>;
  browserLanguages: readonly string[];
  /** The country the current tab's site belongs to, if known. */
  siteCountry?: string;
  openOptions?(): void;
  /** Opens the review queue of the window (side panel or sidebar), where the browser has one. */
  openQueue?(): void;
  /** Saves the tab as an evidence bundle (absent where the browser APIs are not available). */
  saveEvidence?(): Promise<EvidenceSaved>;
}

const byRisk = (a: ScoredAd, b: ScoredAd) =>
  RANK[b.assessment?.level ?? 'none'] - RANK[a.assessment?.level ?? 'none'] || (b.assessment?.score ?? -1) - (a.assessment?.score ?? -1);

/** The country for helplines: the user's choice, the ad's, the site's, the browser's region. */
export function helpCountry(settings: Settings, results: PageResults | null, siteCountry: string | undefined, browserLanguages: readonly string[]): string {
  if (settings.country !== 'auto') return settings.country;
  const fromAd = results?.ads.find((a) => a.country)?.country;
  if (fromAd) return fromAd;
  if (siteCountry) return siteCountry;
  for (const l of browserLanguages) {
    const region = /^[a-z]{2}-([A-Z]{2})$/i.exec(l)?.[1];
    if (region) return region.toUpperCase();
  }
  const byLang: Partial<Record<string, string>> = { pl: 'PL', sk: 'SK', bg: 'BG', el: 'GR', es: 'ES', it: 'IT', de: 'DE', en: 'GB' };
  return byLang[browserLanguages[0]?.slice(0, 2) ?? ''] ?? 'GB';
}

export function Popup({ api }: { api: PopupApi }) {
  const [settings, setSettings] = useState<Settings | undefined>();
  const [results, setResults] = useState<PageResults | null | undefined>();
  const [open, setOpen] = useState<string | undefined>();
  useEffect(() => {
    void api.settings().then(setSettings);
    void api.tabResults().then(setResults, () => setResults(null));
  }, []);
  const lang: Lang = uiLanguage(settings?.language, api.browserLanguages);
  const t = useMemo(() => translator(lang), [lang]);
  const regionNames = useMemo(() => regionNamer(lang), [lang]);
  if (!settings) return <main aria-busy="true" />;
  const save = (patch: Partial<Settings>) => {
    const next = { ...settings, ...patch };
    setSettings(next);
    void api.saveSettings(patch);
  };
  const country = helpCountry(settings, results ?? null, api.siteCountry, api.browserLanguages);
  const ads = (results?.ads ?? []).slice().sort(byRisk);
  const detail = results?.kind === 'detail' ? results.ads.find((a) => a.assessment) : undefined;

  return (
    <main lang={lang}>
      <header class="top">
        <h1>{t('ui.app.name')}</h1>
        <label class="visually-hidden" for="ui-language">
          Language
        </label>
        <select id="ui-language" value={settings.language === 'auto' ? lang : settings.language} onChange={(e) => save({ language: (e.target as HTMLSelectElement).value })}>
          {LANGS.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
      </header>
      <p class="tagline">{t('ui.app.tagline')}</p>

      <section aria-labelledby="page-h">
        <h2 id="page-h">{t('ui.page.heading')}</h2>
        {results === undefined ? null : !results || results.ads.length === 0 ? (
          <p>{t('ui.page.none')}</p>
        ) : detail?.assessment ? (
          <>
            <p class="ad-title">{detail.title}</p>
            <AdReport assessment={detail.assessment} t={t} />
          </>
        ) : (
          <>
            <p>{t('ui.page.listing', { count: ads.length })}</p>
            <ol class="ads">
              {ads.map((ad, i) => {
                const key = `${ad.url ?? ''}#${i}`;
                return (
                  <li key={key} class="ad">
                    {ad.assessment ? <LevelLine assessment={ad.assessment} t={t} /> : <p class="level level-none">{t('ui.page.nonJob')}</p>}
                    <p class="ad-title">{ad.title}</p>
                    <div class="row">
                      {ad.url && (
                        <button type="button" onClick={() => void api.showCard(ad.url!)}>
                          {t('ui.page.show')}
                        </button>
                      )}
                      {ad.assessment && (ad.assessment.flags.length > 0 || ad.assessment.mitigations.length > 0) && (
                        <button type="button" aria-expanded={open === key} onClick={() => setOpen(open === key ? undefined : key)}>
                          {t('ui.flags.heading')} ({ad.assessment.flags.length})
                        </button>
                      )}
                    </div>
                    {open === key && ad.assessment && <AdReport assessment={ad.assessment as Assessment} t={t} headingLevel={4} />}
                  </li>
                );
              })}
            </ol>
          </>
        )}
        {api.saveEvidence && <SaveEvidence save={api.saveEvidence} t={t} />}
      </section>

      <PasteCheck assess={api.assess} t={t} />

      <HelpSection country={country} onCountry={(c) => save({ country: c })} t={t} regionNames={regionNames} {...(results?.report ? { showReport: () => void api.showReport() } : {})} />

      <footer class="bottom">
        <label>
          <input type="checkbox" checked={settings.markers} onChange={(e) => save({ markers: (e.target as HTMLInputElement).checked })} /> {t('ui.markers.toggle')}
        </label>
        {api.openQueue && (
          <button type="button" class="link" onClick={() => api.openQueue!()}>
            {t('ui.queue.openPanel')}
          </button>
        )}
        {api.openOptions && (
          <button type="button" class="link" onClick={() => api.openOptions!()}>
            {t('ui.options.open')}
          </button>
        )}
      </footer>
    </main>
  );
}
