/**
 * One ad's assessment, for people in a hurry: the level in words (and colour, never colour alone),
 * then each sign with the words that raised it, why it matters and what to check, then the
 * reassuring details. Honest wording: warning signs, not an accusation.
 */
import type { Assessment, Level, RelatedAd } from '../../engine/types';
import { indicatorText, type Translate } from '../../i18n/index';

export const LEVEL_MARK: Record<Level, string> = { none: '○', low: '◔', elevated: '◑', high: '●' };

export function LevelLine({ assessment, t, id }: { assessment: Assessment; t: Translate; id?: string }) {
  return (
    <p class={`level level-${assessment.level}`} role="status" id={id}>
      <span aria-hidden="true">{LEVEL_MARK[assessment.level]} </span>
      {t(`level.${assessment.level}`)} <span class="score">({t('ui.score', { score: assessment.score })})</span>
    </p>
  );
}

/** What a related ad shares, in words: "same contact: +48600111222" and/or "text 92% the same". */
function sharedText(r: RelatedAd, t: Translate): string {
  const parts: string[] = [];
  if (r.contacts?.length) parts.push(t('ui.related.contact', { contact: r.contacts.map((k) => k.slice(k.indexOf(':') + 1)).join(', ') }));
  if (r.similarity !== undefined) parts.push(t('ui.related.text', { percent: Math.round(r.similarity * 100) }));
  return parts.join('; ');
}

/** The other ads of a cross-ad sign, each a link (in a new tab) with its poster, city and what it shares. */
function RelatedAds({ related, t }: { related: RelatedAd[]; t: Translate }) {
  return (
    <div class="related">
      <span class="label">{t('ui.related.heading')}:</span>
      <ul>
        {related.map((r, i) => {
          const name = r.title || t('ui.related.untitled');
          const who = [r.poster, r.city].filter(Boolean).join(', ');
          return (
            <li key={`${r.url ?? ''}-${i}`}>
              {r.url ? (
                <a href={r.url} target="_blank" rel="noopener noreferrer">
                  {name}
                </a>
              ) : (
                name
              )}
              {who && <> ({who})</>} — {sharedText(r, t)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function AdReport({ assessment, t, headingLevel = 3 }: { assessment: Assessment; t: Translate; headingLevel?: 3 | 4 }) {
  const H = headingLevel === 3 ? 'h3' : 'h4';
  const flags = assessment.flags;
  return (
    <div class="report">
      <LevelLine assessment={assessment} t={t} />
      <H class="sub">{t('ui.flags.heading')}</H>
      {flags.length === 0 ? (
        <p>{t('ui.flags.none')}</p>
      ) : (
        <ul class="flags">
          {flags.map((f) => {
            const text = indicatorText(t, f.rule);
            return (
              <li key={f.rule} class={`flag ${f.contribution > 0 ? 'counts' : 'context'}`}>
                <strong>{text.title}</strong>
                {f.match && <p class="words">{t('ui.flags.words', { words: f.match })}</p>}
                {f.related && f.related.length > 0 && <RelatedAds related={f.related} t={t} />}
                <p>
                  <span class="label">{t('ui.flags.why')}: </span>
                  {text.why}
                </p>
                <p>
                  <span class="label">{t('ui.flags.check')}: </span>
                  {text.advice}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {assessment.mitigations.length > 0 && (
        <>
          <H class="sub">{t('ui.mitigations.heading')}</H>
          <ul class="mitigations">
            {assessment.mitigations.map((m) => (
              <li key={`${m.rule}-${m.match}`}>
                {indicatorText(t, m.rule).title}
                {m.match && <> — <q>{m.match}</q></>}
              </li>
            ))}
          </ul>
        </>
      )}
      <p class="note">{t('ui.honest')}</p>
    </div>
  );
}
