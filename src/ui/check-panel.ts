/**
 * The answer to "Check selected text with Telltale" on any page: a small panel in a shadow root,
 * fixed in a corner, naming the level in words and each sign with the words that raised it and what
 * to check. Text is set with textContent only; the panel closes with its button or Escape.
 */
import type { Assessment } from '../engine/types.js';
import type { RuleNote } from '../messages/handle.js';
import { HOST_TAG, type MarkerLabels } from './markers.js';

const PANEL_CSS = `
:host { all: initial; position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; }
section { font: 13px/1.4 system-ui, sans-serif; width: 340px; max-height: 70vh; overflow: auto; background: #fff; color: #111;
  border: 1px solid #777; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.3); padding: 12px 14px; }
h2 { font-size: 14px; margin: 0 0 6px; } ul { margin: 6px 0; padding-left: 18px; } li { margin: 4px 0; }
.level { font-weight: 700; } .advice { color: #333; } .note { color: #444; font-size: 12px; margin-top: 8px; }
button { font: inherit; float: right; border: 1px solid #777; background: #f4f4f4; border-radius: 4px; cursor: pointer; }
button:focus-visible { outline: 2px solid #1a4fd6; outline-offset: 2px; }
`;

export function showCheckPanel(doc: Document, assessment: Assessment, notes: Record<string, RuleNote>, labels: MarkerLabels): HTMLElement {
  doc.querySelector(`${HOST_TAG}[data-telltale-panel]`)?.remove();
  const host = doc.createElement(HOST_TAG);
  host.setAttribute('data-telltale-panel', '');
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = PANEL_CSS;
  const section = doc.createElement('section');
  section.setAttribute('role', 'dialog');
  section.setAttribute('aria-label', 'Telltale: the selected text');
  const close = doc.createElement('button');
  close.type = 'button';
  close.textContent = 'Close';
  close.addEventListener('click', () => host.remove());
  const h = doc.createElement('h2');
  h.textContent = 'Telltale: the selected text';
  const level = doc.createElement('p');
  level.className = 'level';
  level.setAttribute('role', 'status');
  level.textContent = `${labels.levels[assessment.level]} (${labels.score.replace('{score}', String(assessment.score))})`;
  section.append(close, h, level);
  const item = (title: string, match: string, advice: string) => {
    const li = doc.createElement('li');
    const name = doc.createElement('strong');
    name.textContent = title;
    li.append(name);
    if (match) li.append(doc.createTextNode(` — “${match}”`));
    if (advice) {
      const a = doc.createElement('div');
      a.className = 'advice';
      a.textContent = advice;
      li.append(a);
    }
    return li;
  };
  if (assessment.flags.length) {
    const ul = doc.createElement('ul');
    for (const f of assessment.flags) ul.append(item(notes[f.rule]?.title ?? f.rule, f.match, notes[f.rule]?.advice ?? ''));
    section.append(ul);
  }
  if (assessment.mitigations.length) {
    const p = doc.createElement('p');
    p.textContent = 'Reassuring details:';
    const ul = doc.createElement('ul');
    for (const m of assessment.mitigations) ul.append(item(notes[m.rule]?.title ?? m.rule, m.match, ''));
    section.append(p, ul);
  }
  const note = doc.createElement('p');
  note.className = 'note';
  note.textContent = labels.footer;
  section.append(note);
  root.append(style, section);
  host.addEventListener('keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Escape') host.remove();
  });
  doc.documentElement.append(host);
  close.focus();
  return host;
}
