/**
 * The paste box: check any text (a message, a post) and see each sign found, with the words that
 * triggered it. Warning signs, not an accusation.
 */
import { useState } from 'preact/hooks';
import type { Assessment } from '../engine/types';
import type { Response } from '../messages/handle';
import { LEVEL_WORDS } from './labels';

export function PasteCheck({ assess }: { assess: (text: string) => Promise<Response> }) {
  const [text, setText] = useState('');
  const [result, setResult] = useState<Assessment | undefined>();
  const [titles, setTitles] = useState<Record<string, string>>({});
  const ruleTitle = (id: string) => titles[id] ?? id;
  const [error, setError] = useState<string | undefined>();
  const check = async () => {
    setError(undefined);
    const r = await assess(text);
    if (!r.ok) setError(r.error);
    else if ('assessment' in r) {
      setTitles(r.titles);
      setResult(r.assessment);
    } else setError('unexpected answer from the background');
  };
  return (
    <main>
      <h1 style={{ fontSize: '16px', margin: '0 0 8px' }}>Telltale</h1>
      <label for="paste">Paste a job ad or a message to check it</label>
      <textarea id="paste" value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
      <button type="button" onClick={check} disabled={!text.trim()}>
        Check
      </button>
      {error && <p role="alert">{error}</p>}
      {result && (
        <section aria-live="polite">
          <p class={`level level-${result.level}`}>
            {LEVEL_WORDS[result.level]} (score {result.score} of 100)
          </p>
          {result.flags.length > 0 && (
            <ul>
              {result.flags.map((f) => (
                <li key={f.rule}>
                  {ruleTitle(f.rule)}
                  {f.match && (
                    <>
                      : <q>{f.match}</q>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
          {result.mitigations.length > 0 && (
            <p class="note">
              Reassuring details: {result.mitigations.map((m) => (m.match ? `"${m.match}"` : ruleTitle(m.rule))).join(', ')}
            </p>
          )}
          <p class="note">These are warning signs, not a verdict. Nothing you paste leaves your browser.</p>
        </section>
      )}
    </main>
  );
}
