/**
 * Site adapters against fixture pages that reproduce each board's markup (tests/fixtures/pages/<id>/,
 * written for the project; never the real saved pages). Each NAME.html has a NAME.json:
 *   { "url", "pageKind", "category"?, "ads": [{ "title", "url"?, "textIncludes"?: [], "textExcludes"?: [],
 *     "employer"?, "location"?, "pay"?, "contacts"? }] }
 * and the URL matchers are tested against each adapter's own example URLs and every other adapter's.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { runAdapter } from '../../src/extract/adapter.js';
import { ADAPTERS, adapterFor, EXAMPLES } from '../../src/extract/adapters/index.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'pages');

interface Expected {
  url: string;
  pageKind: 'detail' | 'listing' | 'other';
  category?: string;
  ads: { title: string; url?: string; textIncludes?: string[]; textExcludes?: string[]; employer?: string; location?: string; pay?: string; contacts?: string[] }[];
}

describe('adapter URL matchers', () => {
  it('ids are unique and name their files', () => {
    const ids = ADAPTERS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(existsSync(join(import.meta.dirname, '..', '..', 'src', 'extract', 'adapters', `${id}.ts`)), id).toBe(true);
  });
  for (const a of ADAPTERS) {
    it(`${a.id}: its example URLs are its own and no other adapter's`, () => {
      const examples = [...EXAMPLES[a.id]!.detail, ...EXAMPLES[a.id]!.listing];
      expect(examples.length).toBeGreaterThan(0);
      for (const url of examples) {
        expect(adapterFor(url)?.id, url).toBe(a.id);
        for (const other of ADAPTERS) if (other !== a) expect(other.urls.some((re) => re.test(url)), `${other.id} also matches ${url}`).toBe(false);
      }
    });
  }
});

describe('adapters on their fixture pages', () => {
  for (const a of ADAPTERS) {
    const dir = join(FIXTURES, a.id);
    const pages = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.html')) : [];
    it(`${a.id} has at least one fixture page`, () => expect(pages.length).toBeGreaterThan(0));
    for (const page of pages) {
      it(`${a.id}/${page}`, () => {
        const expected = JSON.parse(readFileSync(join(dir, page.replace(/\.html$/, '.json')), 'utf8')) as Expected;
        const { document } = parseHTML(readFileSync(join(dir, page), 'utf8'));
        expect(adapterFor(expected.url)?.id).toBe(a.id);
        const kind = a.pageKind(new URL(expected.url), document);
        expect(kind).toBe(expected.pageKind);
        const found = runAdapter(a, document, expected.url, kind);
        expect(found.map((f) => f.ad.title)).toEqual(expected.ads.map((e) => e.title));
        found.forEach(({ ad, element }, i) => {
          const e = expected.ads[i]!;
          expect(element, 'the element the ad came from').toBeDefined();
          if (expected.category) expect(ad.category).toBe(expected.category);
          if (e.url) expect(ad.url).toBe(e.url);
          for (const s of e.textIncludes ?? []) expect(ad.text).toContain(s);
          for (const s of e.textExcludes ?? []) expect(ad.text).not.toContain(s);
          if (e.employer) expect(ad.employer).toBe(e.employer);
          if (e.location) expect(ad.location).toBe(e.location);
          if (e.pay) expect(ad.pay).toBe(e.pay);
          if (e.contacts) expect(ad.contacts).toEqual(e.contacts);
          expect(ad.extractor).toBe(`adapter:${a.id}`);
        });
      });
    }
  }
});
