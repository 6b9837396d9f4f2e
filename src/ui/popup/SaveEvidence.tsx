/**
 * "Save evidence": one .zip of what the tab shows (src/evidence/), for outreach workers, moderators
 * and anyone who may need to show the police later what they saw. A real button that keeps the focus
 * while it works (aria-busy rather than disabled, which would drop the focus), and a polite status
 * that names the file, the start of the record's fingerprint to note down apart from the file, and
 * any part the browser refused.
 */
import { useState } from 'preact/hooks';
import type { Translate } from '../../i18n/index';
import type { Part } from '../../evidence/format';

export interface EvidenceSaved {
  fileName: string;
  /** SHA-256 of the record (hex). */
  fingerprint: string;
  missing: Part[];
}

/** The first 16 hex digits in groups of four: short enough to copy by hand, long enough to check. */
const shortPrint = (hex: string) => hex.slice(0, 16).replace(/(.{4})(?!$)/g, '$1 ');

export function SaveEvidence({ save, t }: { save: () => Promise<EvidenceSaved>; t: Translate }) {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const onClick = async () => {
    if (busy) return;
    setBusy(true);
    setStatus(t('ui.evidence.saving'));
    try {
      const r = await save();
      const saved = t('ui.evidence.saved', { file: r.fileName, fingerprint: shortPrint(r.fingerprint) });
      const missing = r.missing.length ? ` ${t('ui.evidence.missing', { parts: r.missing.map((p) => t(`ui.evidence.part.${p}`)).join(', ') })}` : '';
      setStatus(saved + missing);
    } catch (e) {
      setStatus(t('ui.evidence.failed', { error: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="evidence">
      <button type="button" id="save-evidence" aria-busy={busy} aria-describedby="evidence-help" onClick={() => void onClick()}>
        {t('ui.evidence.save')}
      </button>
      <p id="evidence-help" class="note">
        {t('ui.evidence.help')}
      </p>
      <p role="status" aria-live="polite" class="note evidence-status">
        {status}
      </p>
    </div>
  );
}
