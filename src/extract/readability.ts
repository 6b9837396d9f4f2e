/**
 * The main content of a detail page of unknown layout, by @mozilla/readability. Kept apart from the
 * rest of the pipeline because it is large: the CLI and the "scan this page" command load it, the
 * content script of the supported boards (which have adapters) does not (its budget is 40 KB).
 */
import { Readability } from '@mozilla/readability';
import { mainElement, pageTitle } from './generic.js';
import { htmlToText, oneLine } from './text.js';
import type { FoundAd } from './types.js';

/**
 * Boards print safety notices next to every ad ("Never give your social security number to a
 * prospective employer..."). They are the board's words, not the ad's: left in, they would read as
 * the ad's own "we never ask for your bank details" and lower its score. Also dropped: the lists of
 * other jobs that follow an ad.
 */
const BOARD_NOTICE = /\b(?:never|do not|don't)\s+(?:give|provide|send|accept|pay|wire)\b[^.]{0,120}\b(?:prospective employer|any offers?|job seekers?|to an employer|cash checks|wire money)/i;
const BOARD_LINK = /^(?:view|see) (?:all |more )?.{0,60}\b(?:profile|jobs|job listings|openings)\b|^(?:save|email|print|share) (?:this )?job$|^apply (?:now|online)$/i;
const OTHER_JOBS = /^(?:similar|related|recommended|more|other) jobs\b|^jobs you may like|^people also viewed/i;

export function dropBoardNotices(doc: Document): void {
  // Cookie and consent banners.
  for (const el of [...doc.querySelectorAll('[id*="cookie" i], [class*="cookie" i], [id*="consent" i], [class*="consent" i], [id*="gdpr" i], [class*="gdpr" i]')]) {
    if (el !== doc.body && el !== doc.documentElement && oneLine(el.textContent).length < 2000) el.remove();
  }
  for (const el of [...doc.querySelectorAll('p, li, div, td, span, section')]) {
    const text = oneLine(el.textContent);
    // The smallest element holding the notice: one whose children do not hold it alone.
    if (text.length < 600 && BOARD_NOTICE.test(text) && ![...el.children].some((c) => BOARD_NOTICE.test(oneLine(c.textContent)))) el.remove();
  }
  // A login box (it holds a password field), up to the largest block that says little else.
  for (const pw of [...doc.querySelectorAll('input[type="password" i]')]) {
    let box: Element = pw;
    for (let el = pw.parentElement; el && el !== doc.body && oneLine(el.textContent).length < 800; el = el.parentElement) box = el;
    box.remove();
  }
  for (const a of [...doc.querySelectorAll('a')]) if (BOARD_LINK.test(oneLine(a.textContent))) a.remove();
  for (const h of [...doc.querySelectorAll('h2, h3, h4, h5, strong, b')]) {
    if (!OTHER_JOBS.test(oneLine(h.textContent))) continue;
    const list = h.nextElementSibling;
    if (list && /^(?:UL|OL|DIV|TABLE)$/.test(list.tagName)) list.remove();
    h.remove();
  }
}

/** The article of a detail page, by @mozilla/readability (on a copy: it rewrites the tree it reads). */
export function fromReadability(doc: Document, pageUrl: string): FoundAd | undefined {
  let article: ReturnType<Readability<string>['parse']>;
  try {
    const copy = doc.cloneNode(true) as Document;
    dropBoardNotices(copy);
    article = new Readability(copy, { charThreshold: 200 }).parse();
  } catch {
    return undefined;
  }
  if (!article?.content) return undefined;
  const title = pageTitle(doc) || oneLine(article.title);
  const text = htmlToText(article.content, doc);
  if (text.length < 200) return undefined;
  return { ad: { title, text, url: pageUrl, kind: 'detail', category: 'unknown', extractor: 'readability' }, element: mainElement(doc) };
}

