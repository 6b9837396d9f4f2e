/**
 * Text out of the DOM the way a reader sees it: block elements and <br> become line breaks, scripts,
 * styles and hidden templates are skipped, white space is collapsed. Read from the tree rather than
 * with innerText, which forces a layout in the browser and does not exist in linkedom.
 */

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'CANVAS', 'HEAD', 'BUTTON', 'SELECT', 'INPUT', 'TEXTAREA']);
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TBODY', 'TD', 'TH',
  'THEAD', 'TR', 'UL',
]);

/** The readable text of an element, with a line break between blocks. */
export function textOf(el: Node | null | undefined): string {
  if (!el) return '';
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      parts.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = node.nodeType === 1 ? (node as Element).tagName.toUpperCase() : '';
    if (SKIP.has(tag)) return;
    if (node.nodeType === 1 && ((node as Element).hasAttribute('hidden') || (node as Element).getAttribute('aria-hidden') === 'true')) return;
    const block = BLOCK.has(tag);
    if (block) parts.push('\n');
    for (let c = node.firstChild; c; c = c.nextSibling) {
      // Two inline elements side by side with nothing between them are two things (tags, pills:
      // <span>Vollzeit</span><span>Minijob</span>), not one word: read them apart. A word split by
      // markup (<b>W</b>ork) has a text node on one side and stays whole.
      if (c.nodeType === 1 && c.previousSibling?.nodeType === 1) parts.push(' ');
      walk(c);
    }
    if (block) parts.push('\n');
  };
  walk(el);
  return tidy(parts.join(''));
}

/** Collapses runs of spaces inside lines and empty lines (a block is one line), and trims. */
export function tidy(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** One line of text (titles, names): every run of white space is one space. */
export function oneLine(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Text of an HTML fragment (a JSON-LD description, a field of app state), parsed with DOMParser:
 * an inert document that runs no script and loads no image, unlike innerHTML on a live page.
 */
export function htmlToText(html: string, doc: Document): string {
  if (!/[<&]/.test(html)) return tidy(html);
  const Parser = (doc.defaultView as (Window & typeof globalThis) | null)?.DOMParser ?? (globalThis as { DOMParser?: typeof DOMParser }).DOMParser;
  if (!Parser) return tidy(html.replace(/<[^>]*>/g, ' '));
  const parsed = new Parser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html');
  return textOf(parsed.body);
}

/** The first element that one of the selectors finds (an invalid selector is skipped, not thrown). */
export function pick(root: ParentNode, selectors: readonly string[]): Element | undefined {
  for (const s of selectors) {
    try {
      const el = root.querySelector(s);
      if (el) return el;
    } catch {
      // A selector this DOM cannot parse: try the next alternative.
    }
  }
  return undefined;
}

/** All elements found by the first selector that finds any. */
export function pickAll(root: ParentNode, selectors: readonly string[]): Element[] {
  for (const s of selectors) {
    try {
      const found = [...root.querySelectorAll(s)];
      if (found.length) return found;
    } catch {
      // as in pick
    }
  }
  return [];
}

/** An absolute URL for a link found on the page, or undefined. */
export function absolute(href: string | null | undefined, base: string): string | undefined {
  if (!href) return undefined;
  try {
    const u = new URL(href, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}
