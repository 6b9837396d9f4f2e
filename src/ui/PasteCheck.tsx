/**
 * The paste box: check any text (a message, a post) and see each sign found, with the words that
 * triggered it, why it matters and what to check. Warning signs, not an accusation.
 */
import { useState } from 'preact/hooks';
import type { Assessment } from '../engine/types';
import type { Translate } from '../i18n/index';
import type { Response } from '../messages/handle';
import { AdReport } from './popup/AdReport';

export function PasteCheck({ assess, t }: { assess: (text: string) => Promise<Response>; t: Translate }) {
  const [text, setText] = useState('');
  const [result, setResult] = useState<Assessment | undefined>();
  const [error, setError] = useState<string | undefined>();
  const check = async () => {
    setError(undefined);
    const r = await assess(text);
    if (!r.ok) setError(r.error);
    else if ('assessment' in r) setResult(r.assessment);
    else setError('unexpected answer from the background');
  };
  return (
    <section aria-labelledby="paste-h">
      <h2 id="paste-h">{t('ui.paste.heading')}</h2>
      <label for="paste">{t('ui.paste.label')}</label>
      <textarea id="paste" value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
      <button type="button" onClick={check} disabled={!text.trim()}>
        {t('ui.paste.button')}
      </button>
      <p class="note">{t('ui.paste.private')}</p>
      {error && <p role="alert">{t('ui.error', { error })}</p>}
      <div aria-live="polite">{result && <AdReport assessment={result} t={t} />}</div>
    </section>
  );
}
