/**
 * Get help: the national helplines of the ad's country (or the one the user chose), 112 always, each
 * number a tel: link with its hours and languages where known; entries the reference does not fully
 * confirm say so. Then how to report the ad.
 */
import { helpFor, HELPLINE_COUNTRIES, telHref, type Helpline } from '../../helplines/index';
import type { Translate } from '../../i18n/index';

function Line({ h, t }: { h: Helpline; t: Translate }) {
  return (
    <li class="helpline">
      <strong>{h.name}</strong>
      <div>
        <a href={telHref(h)} aria-label={`${t('ui.help.call', { number: h.phone })}: ${h.name}`}>
          {t('ui.help.call', { number: h.phone })}
        </a>
      </div>
      {h.hours && <div class="meta">{t('ui.help.hours', { hours: h.hours })}</div>}
      {h.languages && <div class="meta">{t('ui.help.languages', { languages: h.languages })}</div>}
      {h.cost && <div class="meta">{t('ui.help.free', { cost: h.cost })}</div>}
      {(h.web || h.email) && (
        <div class="meta">
          {h.web && (
            <a href={h.web} target="_blank" rel="noreferrer noopener">
              {t('ui.help.web')}
            </a>
          )}
          {h.web && h.email && ' · '}
          {h.email && <a href={`mailto:${h.email}`}>{t('ui.help.email')}</a>}
        </div>
      )}
      {h.confidence !== 'high' && <div class="meta caution">{t('ui.help.confidence', { confidence: h.confidenceNote ?? h.confidence })}</div>}
    </li>
  );
}

export function HelpSection({ country, onCountry, t, regionNames, showReport }: { country: string; onCountry(c: string): void; t: Translate; regionNames(code: string): string; showReport?: () => void }) {
  const help = helpFor(country);
  const report = help.national[0];
  return (
    <section aria-labelledby="help-h" class="help">
      <h2 id="help-h">{t('ui.help.heading')}</h2>
      <p class="emergency">{t('ui.help.emergency')}</p>
      <label for="help-country">{t('ui.help.country')} </label>
      <select id="help-country" value={country} onChange={(e) => onCountry((e.target as HTMLSelectElement).value)}>
        {HELPLINE_COUNTRIES.map((c) => (
          <option key={c} value={c}>
            {regionNames(c)}
          </option>
        ))}
      </select>
      {help.national.length === 0 && help.links.length === 0 && <p>{t('ui.help.none')}</p>}
      {help.national.length > 0 && (
        <ul class="helplines">
          {help.national.map((h) => (
            <Line key={`${h.tel}-${h.name}`} h={h} t={t} />
          ))}
        </ul>
      )}
      {help.links.length > 0 && (
        <>
          <h3 class="sub">{t('ui.help.links')}</h3>
          <ul class="helplines">
            {help.links.map((l) => (
              <li key={l.name}>
                {l.web ? (
                  <a href={l.web} target="_blank" rel="noreferrer noopener">
                    {l.name}
                  </a>
                ) : (
                  l.name
                )}
                {l.notes && <div class="meta">{l.notes}</div>}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3 class="sub">{t('ui.help.everywhere')}</h3>
      <ul class="helplines">
        {help.everywhere.map((h) => (
          <Line key={h.tel} h={h} t={t} />
        ))}
      </ul>
      <p class="note">{t('ui.help.anonymous')}</p>
      <h3 class="sub">{t('ui.report.heading')}</h3>
      <p>{t('ui.report.platform')}</p>
      {showReport && (
        <button type="button" onClick={showReport}>
          {t('ui.report.go')}
        </button>
      )}
      {report && <p>{t('ui.report.national', { name: report.name, number: report.phone })}</p>}
    </section>
  );
}
