/**
 * In-page markers: a small risk badge on each card of a listing, and highlights of the matched
 * words on a detail page, each with a tooltip naming the sign and what to check. Everything Telltale
 * adds lives in shadow roots (the page's styles cannot reach it, ours cannot reach the page); text
 * is set with textContent, never innerHTML; badges are inline and small, so that a card's layout,
 * its link and the page's scrolling are not disturbed.
 */
import type { Assessment, Level } from '../engine/types.js';
import type { RuleNote } from '../messages/handle.js';

export const HOST_TAG = 'telltale-marker';
const HIGHLIGHT_PREFIX = 'telltale-';

/**
 * The words markers use, in the user's language: the background sends them with each answer (the
 * content scripts carry no locale files: their budget is 40 KB).
 */
export interface MarkerLabels {
  levels: Record<Level, string>;
  signsFound: string;
  noSign: string;
  /** The line under a badge's list; in discreet mode without the word "helplines". */
  footer: string;
  flag: string;
  mitigation: string;
  score: string;
  /** After a cross-ad sign: how many other ads share it ("{count}"). */
  related: string;
}


const fill = (s: string, k: string, v: string | number) => s.replace(`{${k}}`, String(v));
const LEVEL_COLOUR: Record<Level, { bg: string; fg: string }> = {
  none: { bg: '#e7f4ea', fg: '#1e5b2f' },
  low: { bg: '#fff6d6', fg: '#6b5200' },
  elevated: { bg: '#ffe3cc', fg: '#8a3b00' },
  high: { bg: '#ffd6d6', fg: '#8f1010' },
};

const BADGE_CSS = `
:host { all: initial; display: inline-block; vertical-align: middle; margin: 0 4px; position: relative; font: 12px/1.3 system-ui, sans-serif; }
button { all: unset; cursor: help; padding: 1px 6px; border-radius: 9px; border: 1px solid currentColor; font-weight: 600; white-space: nowrap; }
button:focus-visible { outline: 2px solid #1a4fd6; outline-offset: 2px; }
[role="tooltip"] { display: none; position: absolute; z-index: 2147483647; top: 100%; left: 0; margin-top: 4px; width: 280px; padding: 8px 10px;
  background: #fff; color: #111; border: 1px solid #888; border-radius: 6px; box-shadow: 0 2px 8px rgba(0,0,0,.25); white-space: normal; }
:host(:hover) [role="tooltip"], :host(:focus-within) [role="tooltip"] { display: block; }
ul { margin: 4px 0 0; padding-left: 16px; } li { margin: 2px 0; } .why { color: #444; } .sig { font-size: 11px; color: #555; margin-top: 6px; }
`;

/** One parsed stylesheet per document and CSS text, shared by every shadow root that uses it. */
const sheets = new WeakMap<Document, Map<string, CSSStyleSheet>>();

/**
 * Styles a shadow root: with one constructed stylesheet shared by all the page's markers where the
 * browser has them (52 badges then cost one parse and one set of rules, not 52), else a <style>.
 */
export function styleShadow(root: ShadowRoot, css: string): void {
  const doc = root.ownerDocument;
  const Sheet = (doc.defaultView as (Window & { CSSStyleSheet?: typeof CSSStyleSheet }) | null)?.CSSStyleSheet;
  if (Sheet && 'adoptedStyleSheets' in root && typeof Sheet.prototype.replaceSync === 'function') {
    let byCss = sheets.get(doc);
    if (!byCss) sheets.set(doc, (byCss = new Map()));
    let sheet = byCss.get(css);
    if (!sheet) {
      sheet = new Sheet();
      sheet.replaceSync(css);
      byCss.set(css, sheet);
    }
    root.adoptedStyleSheets = [sheet];
    return;
  }
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
}

/** The signs to list in a tooltip: strongest first, at most `n`. */
function topFlags(a: Assessment, n = 3) {
  return a.flags.filter((f) => f.contribution > 0).slice(0, n);
}

/** A badge for one card; returns the host element (already in the card). */
export function addCardMarker(card: Element, assessment: Assessment, notes: Record<string, RuleNote>, labels: MarkerLabels): HTMLElement {
  const doc = card.ownerDocument;
  card.querySelector(`:scope > ${HOST_TAG}, ${HOST_TAG}[data-telltale-card]`)?.remove();
  const host = doc.createElement(HOST_TAG);
  host.setAttribute('data-telltale-card', '');
  host.setAttribute('data-level', assessment.level);
  const root = host.attachShadow({ mode: 'open' });
  styleShadow(root, BADGE_CSS);
  const colour = LEVEL_COLOUR[assessment.level];
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = `Telltale: ${labels.levels[assessment.level]}`;
  button.style.background = colour.bg;
  button.style.color = colour.fg;
  const tipId = `telltale-tip-${Math.random().toString(36).slice(2)}`;
  button.setAttribute('aria-describedby', tipId);
  const tip = doc.createElement('div');
  tip.id = tipId;
  tip.setAttribute('role', 'tooltip');
  const flags = topFlags(assessment);
  const head = doc.createElement('div');
  head.textContent = flags.length ? labels.signsFound : labels.noSign;
  tip.append(head);
  if (flags.length) {
    const ul = doc.createElement('ul');
    for (const f of flags) {
      const li = doc.createElement('li');
      const name = doc.createElement('strong');
      name.textContent = notes[f.rule]?.title ?? f.rule;
      const words = doc.createElement('span');
      words.textContent = (f.match ? ` — “${f.match}”` : '') + (f.related?.length ? ` (${fill(labels.related, 'count', f.related.length)})` : '');
      li.append(name, words);
      ul.append(li);
    }
    tip.append(ul);
  }
  const sig = doc.createElement('div');
  sig.className = 'sig';
  sig.textContent = labels.footer;
  tip.append(sig);
  // The card is often a link: a click on the badge must not follow it.
  for (const type of ['click', 'mousedown', 'pointerdown', 'auxclick']) {
    host.addEventListener(type, (e) => {
      e.preventDefault();
      e.stopPropagation();
    });
  }
  root.append(button, tip);
  // Next to the card's title when it has one (visible without scrolling), else at the card's start.
  const title = card.querySelector('h1, h2, h3, h4, h5, h6');
  (title ?? card).append(host);
  return host;
}

/** Removes every badge and highlight Telltale added to a page. */
export function clearMarkers(doc: Document): void {
  for (const el of doc.querySelectorAll(HOST_TAG)) el.remove();
  for (const el of doc.querySelectorAll('mark[data-telltale]')) el.replaceWith(...el.childNodes);
  const highlights = (doc.defaultView as (Window & { CSS?: { highlights?: Map<string, unknown> } }) | null)?.CSS?.highlights;
  if (highlights) for (const key of [...highlights.keys()]) if (key.startsWith(HIGHLIGHT_PREFIX)) highlights.delete(key);
  doc.getElementById('telltale-highlight-style')?.remove();
}

/** Text nodes under an element, with their start offsets in the joined, space-collapsed text. */
function textIndex(root: Element): { text: string; nodes: { node: Text; from: number; map: number[] }[] } {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
  const nodes: { node: Text; from: number; map: number[] }[] = [];
  let text = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    if (t.parentElement?.closest(`script, style, noscript, ${HOST_TAG}`)) continue;
    const value = t.data;
    const map: number[] = [];
    const from = text.length;
    for (let i = 0; i < value.length; i++) {
      const space = /\s/.test(value[i]!);
      if (space && (text.endsWith(' ') || text.length === 0)) continue;
      map.push(i);
      text += space ? ' ' : value[i]!.toLowerCase();
    }
    nodes.push({ node: t, from, map });
  }
  return { text, nodes };
}

/** DOM ranges of each occurrence of `phrase` (white space and case loose) inside `root`. */
export function findRanges(root: Element, phrase: string, index = textIndex(root)): Range[] {
  const needle = phrase.replace(/\s+/g, ' ').trim().toLowerCase();
  if (needle.length < 2) return [];
  const ranges: Range[] = [];
  const locate = (pos: number, end: boolean) => {
    for (const n of index.nodes) {
      const local = pos - n.from;
      if (local >= 0 && (end ? local <= n.map.length : local < n.map.length)) {
        if (end) return { node: n.node, offset: local === 0 ? n.map[0]! : n.map[local - 1]! + 1 };
        return { node: n.node, offset: n.map[local]! };
      }
    }
    return undefined;
  };
  for (let at = index.text.indexOf(needle); at >= 0 && ranges.length < 20; at = index.text.indexOf(needle, at + needle.length)) {
    const start = locate(at, false);
    const end = locate(at + needle.length, true);
    if (!start || !end) continue;
    const range = root.ownerDocument.createRange();
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
    ranges.push(range);
  }
  return ranges;
}

const HIGHLIGHT_CSS = `
::highlight(telltale-flag) { background-color: rgba(255, 170, 0, .35); text-decoration: underline wavy #b35900; }
::highlight(telltale-mitigation) { background-color: rgba(40, 170, 80, .22); }
mark[data-telltale] { background: rgba(255, 170, 0, .35); color: inherit; text-decoration: underline wavy #b35900; }
mark[data-telltale="mitigation"] { background: rgba(40, 170, 80, .22); text-decoration: none; }
`;

export interface HighlightResult {
  /** `related`: how many other ads a cross-ad sign names. */
  ranges: { range: Range; rule: string; kind: 'flag' | 'mitigation'; related?: number }[];
  method: 'highlight-api' | 'wrap' | 'none';
}

/**
 * Highlights the words of each flag (and mitigation) inside the ad's element: with the CSS Custom
 * Highlight API where the browser has it (no change to the page's DOM), by wrapping the words in
 * <mark> otherwise. A tooltip follows the pointer over highlighted words (see attachTooltip).
 */
export function highlightAd(root: Element, assessment: Assessment, options: { forceWrap?: boolean } = {}): HighlightResult {
  const doc = root.ownerDocument;
  const index = textIndex(root);
  const found: HighlightResult['ranges'] = [];
  for (const [list, kind] of [[assessment.flags, 'flag'], [assessment.mitigations, 'mitigation']] as const) {
    for (const f of list) {
      if (!f.match) continue;
      const related = f.related?.length ? { related: f.related.length } : {};
      for (const range of findRanges(root, f.match, index)) found.push({ range, rule: f.rule, kind, ...related });
    }
  }
  if (!found.length) return { ranges: [], method: 'none' };
  if (!doc.getElementById('telltale-highlight-style')) {
    const style = doc.createElement('style');
    style.id = 'telltale-highlight-style';
    style.textContent = HIGHLIGHT_CSS;
    (doc.head ?? doc.documentElement).append(style);
  }
  const win = doc.defaultView as (Window & { Highlight?: new (...r: Range[]) => unknown; CSS?: { highlights?: Map<string, unknown> } }) | null;
  if (!options.forceWrap && win?.Highlight && win.CSS?.highlights) {
    for (const kind of ['flag', 'mitigation'] as const) {
      const ranges = found.filter((f) => f.kind === kind).map((f) => f.range);
      if (ranges.length) win.CSS.highlights.set(`${HIGHLIGHT_PREFIX}${kind}`, new win.Highlight(...ranges));
    }
    return { ranges: found, method: 'highlight-api' };
  }
  // Wrapping: last range first, so that earlier ranges' offsets stay valid.
  const wrapped: HighlightResult['ranges'] = [];
  for (const f of [...found].reverse()) {
    if (f.range.startContainer !== f.range.endContainer) continue; // across elements: cannot wrap without moving the page's nodes
    const mark = doc.createElement('mark');
    mark.setAttribute('data-telltale', f.kind);
    mark.setAttribute('data-rule', f.rule);
    try {
      f.range.surroundContents(mark);
      const r = doc.createRange();
      r.selectNodeContents(mark);
      wrapped.push({ ...f, range: r });
    } catch {
      // a range the page changed meanwhile
    }
  }
  return { ranges: wrapped.reverse(), method: 'wrap' };
}

/** One floating tooltip (in a shadow root) that names the sign under the pointer or the focus. */
export function attachTooltip(doc: Document, result: HighlightResult, notes: Record<string, RuleNote>, signal: AbortSignal | undefined, labels: MarkerLabels): HTMLElement | undefined {
  if (!result.ranges.length) return undefined;
  doc.querySelector(`${HOST_TAG}[data-telltale-tooltip]`)?.remove();
  const host = doc.createElement(HOST_TAG);
  host.setAttribute('data-telltale-tooltip', '');
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = `:host { all: initial; position: fixed; z-index: 2147483647; pointer-events: none; display: none; }
    div { font: 13px/1.35 system-ui, sans-serif; max-width: 320px; padding: 8px 10px; background: #fff; color: #111; border: 1px solid #888; border-radius: 6px; box-shadow: 0 2px 8px rgba(0,0,0,.25); }
    .why { color: #444; margin-top: 4px; }`;
  const box = doc.createElement('div');
  box.setAttribute('role', 'tooltip');
  const name = doc.createElement('strong');
  const why = doc.createElement('div');
  why.className = 'why';
  box.append(name, why);
  root.append(style, box);
  doc.documentElement.append(host);
  const show = ({ rule, kind, related }: HighlightResult['ranges'][number], x: number, y: number) => {
    const note = notes[rule];
    name.textContent = fill(kind === 'mitigation' ? labels.mitigation : labels.flag, 'title', note?.title ?? rule);
    why.textContent = [note?.why, note?.advice, related ? fill(labels.related, 'count', related) : ''].filter(Boolean).join(' ');
    host.style.display = 'block';
    host.style.left = `${Math.min(x + 12, (doc.defaultView?.innerWidth ?? 800) - 340)}px`;
    host.style.top = `${y + 16}px`;
  };
  doc.addEventListener(
    'mousemove',
    (e) => {
      const hit = result.ranges.find(({ range }) => [...range.getClientRects()].some((r) => e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom));
      if (hit) show(hit, e.clientX, e.clientY);
      else host.style.display = 'none';
    },
    { passive: true, signal },
  );
  return host;
}
