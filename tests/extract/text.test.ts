/** Reading text out of the DOM as a reader sees it (src/extract/text.ts). */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { textOf } from '../../src/extract/text.js';

const body = (html: string) => parseHTML(`<html><body>${html}</body></html>`).document.body as unknown as Element;

describe('textOf', () => {
  it('reads tags and pills side by side as separate words', () => {
    expect(textOf(body('<div><span>Vollzeit</span><span>Minijob</span><span>Keine Berufserfahrung</span></div>'))).toBe('Vollzeit Minijob Keine Berufserfahrung');
  });
  it('keeps a word whole when markup splits it', () => {
    expect(textOf(body('<p><b>W</b>ork in <i>Ger</i>many</p>'))).toBe('Work in Germany');
  });
  it('puts blocks and line breaks on lines of their own, and skips scripts and hidden parts', () => {
    expect(textOf(body('<h2>Title</h2><p>One<br>Two</p><script>x()</script><div hidden>secret</div><p aria-hidden="true">icon</p>'))).toBe('Title\nOne\nTwo');
  });
});
