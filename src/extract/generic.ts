/**
 * Step 4 of the pipeline, for boards without an adapter (or whose layout changed): OpenGraph and
 * meta description (readability.ts reads the main content of a detail page), and a listing detector that finds repeated sibling cards holding a link and some text, so that an unknown board
 * still gets a marker on every card.
 */
import { absolute, htmlToText, oneLine, textOf } from './text.js';
import type { ExtractedAd, FoundAd } from './types.js';

const meta = (doc: Document, names: string[]) => {
  for (const n of names) {
    const v = doc.querySelector(`meta[property="${n}"], meta[name="${n}"]`)?.getAttribute('content');
    if (v && v.trim()) return v.trim();
  }
  return undefined;
};

/** The page's own summary: og:title / og:description or the meta description. */
export function fromMeta(doc: Document, pageUrl: string): ExtractedAd | undefined {
  const title = oneLine(meta(doc, ['og:title', 'twitter:title'])) || pageTitle(doc);
  const text = meta(doc, ['og:description', 'description', 'twitter:description']);
  if (!text || text.length < 40) return undefined;
  return { title, text: htmlToText(text, doc), url: pageUrl, kind: 'detail', category: 'unknown', extractor: 'meta' };
}

/** The main block of a page, for highlighting when only the text is known (readability, meta). */
export function mainElement(doc: Document): Element | undefined {
  return doc.querySelector('main, [role="main"], article') ?? doc.body ?? undefined;
}

const GENERIC_SEGMENT = /^(?:find jobs?|job search|jobs?|home|search results?|careers?)$/i;
const wordsOf = (s: string) => s.split(' ').filter(Boolean);

/**
 * The ad's title on a page of unknown layout. Pages put it in a heading and in <title> together with
 * the board's name ("Find Jobs - Mainframe Developer Jobs in Kansas City - Acme"), while their first
 * heading is often the board's logo text: the heading that <title> repeats wins, then the words a
 * heading and <title> begin with alike, then <title>'s first segment that is not the board's.
 */
export function pageTitle(doc: Document): string {
  // linkedom leaves document.title empty on some old pages: read the element.
  const title = oneLine(doc.title || doc.querySelector('title')?.textContent);
  const lower = title.toLowerCase();
  const site = (meta(doc, ['og:site_name', 'application-name']) ?? '').toLowerCase();
  const headings = [...doc.querySelectorAll('h1, h2, h3')].map((h) => oneLine(textOf(h))).filter((h) => h.length >= 4 && h.length <= 150 && h.toLowerCase() !== site);
  const repeated = headings.filter((h) => lower.includes(h.toLowerCase())).sort((a, b) => b.length - a.length)[0];
  if (repeated) return repeated;
  const titleWords = wordsOf(title);
  for (const h of headings) {
    const hw = wordsOf(h);
    let n = 0;
    while (n < hw.length && n < titleWords.length && hw[n]!.replace(/[:,.]$/, '').toLowerCase() === titleWords[n]!.replace(/[:,.]$/, '').toLowerCase()) n++;
    if (n >= 2) return hw.slice(0, n).join(' ').replace(/[:,.\-–]+$/, '');
  }
  const segments = title.split(/\s+[|–—-]\s+|:\s+/).map((x) => x.replace(/^['"“]|['"”]$/g, '').trim());
  const segment = segments.find((x) => x && !GENERIC_SEGMENT.test(x) && (!site || !x.toLowerCase().includes(site)));
  return (segment ?? headings[0] ?? '').replace(/['"”]?\s+(?:[Jj]obs?\b|job posted by\b|in\s+[A-Z]).*$/, '').replace(/^['"“]/, '').trim();
}

const CHROME = 'nav, header, footer, aside, [role="navigation"], [role="banner"], [role="contentinfo"], form, select';
/** Class names that frameworks generate (css-1abc2de, sc-xyz, _3fGh) say nothing about a layout. */
const stableClass = (el: Element) => (el.getAttribute('class') ?? '').split(/\s+/).filter((c) => c && !/^(?:css|sc|jsx|emotion)-|^_?[a-zA-Z0-9]{5,8}$|\d{3,}/.test(c)).sort()[0] ?? '';
const signature = (el: Element) => `${el.tagName}.${stableClass(el)}${el.hasAttribute('data-cy') ? `[${el.getAttribute('data-cy')}]` : ''}${el.hasAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''}`;

/**
 * Result-page cards on an unknown layout: the largest group of sibling elements of the same shape
 * (tag and stable class) that each hold a link and 30 to 3,000 characters of text, outside the
 * page's navigation and footer.
 */
export function detectCards(doc: Document): Element[] {
  let best: { cards: Element[]; score: number } = { cards: [], score: 0 };
  const parents = doc.body ? [doc.body, ...doc.body.querySelectorAll('*')] : [];
  for (const parent of parents) {
    if (parent.children.length < 3) continue;
    const groups = new Map<string, Element[]>();
    for (const child of parent.children) {
      if (child.tagName === 'SCRIPT' || child.tagName === 'STYLE') continue;
      const sig = signature(child);
      let g = groups.get(sig);
      if (!g) groups.set(sig, (g = []));
      g.push(child);
    }
    for (const group of groups.values()) {
      if (group.length < 3 || group.length * 50 < best.score / 400) continue;
      if (parent.closest(CHROME)) continue;
      const cards = group.filter((el) => {
        const len = (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;
        return len >= 30 && len <= 3000 && (el.matches('a[href]') || el.querySelector('a[href]'));
      });
      if (cards.length < 3 || cards.length < group.length * 0.6) continue;
      const avg = cards.reduce((s, el) => s + Math.min(400, (el.textContent ?? '').length), 0) / cards.length;
      // Link lists (menus, tag clouds) have short items: weigh by how much each card says.
      const score = cards.length * avg;
      if (score > best.score) best = { cards, score };
    }
  }
  return best.cards;
}

/** A card of an unknown layout as an ad: its heading (or longest link) is the title. */
export function cardAd(card: Element, pageUrl: string): ExtractedAd | undefined {
  const heading = card.querySelector('h1, h2, h3, h4, h5, h6, [class*="title" i]');
  const links = [...(card.matches('a[href]') ? [card] : []), ...card.querySelectorAll('a[href]')];
  const titled = links.map((a) => ({ a, t: oneLine(textOf(a)) })).sort((x, y) => y.t.length - x.t.length)[0];
  const title = oneLine(textOf(heading)) || titled?.t || '';
  const link = (heading && (heading.closest('a[href]') ?? heading.querySelector('a[href]'))) ?? titled?.a;
  let text = textOf(card);
  if (title && text.startsWith(title)) text = text.slice(title.length).trim();
  if (!title) return undefined;
  return { title, text, url: absolute(link?.getAttribute('href'), pageUrl) ?? pageUrl, kind: 'card', category: 'unknown', extractor: 'generic-listing' };
}
