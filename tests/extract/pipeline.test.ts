/**
 * The extraction pipeline on pages of unknown layout (no adapter): JSON-LD only, microdata, app
 * state only, a plain article, repeated cards; and pages that are not job ads (a bot check, a car
 * listing). Fixtures in tests/fixtures/generic/, written for the project.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { parseLenient } from '../../src/extract/jsonld.js';
import { ADAPTERS } from '../../src/extract/adapters/index.js';
import { extractPage } from '../../src/extract/pipeline.js';
import { fromReadability } from '../../src/extract/readability.js';
import { categoryOf, categoryOfUrl } from '../../src/extract/not-ad.js';
import { textOf } from '../../src/extract/text.js';
import { decodePage, sniffCharset } from '../../src/cli/charset.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'generic');
const page = (name: string, url: string) => {
  const { document } = parseHTML(readFileSync(join(DIR, name), 'utf8'));
  return extractPage(document as unknown as Document, url, { adapters: ADAPTERS, readability: fromReadability, categoryOfUrl });
};

describe('structured data', () => {
  it('reads a JobPosting inside @graph, with an array @type, HTML in the description and broken JSON', () => {
    const ex = page('jsonld-graph.html', 'https://careers.acme-logistics.example/jobs/123');
    expect(ex.pageKind).toBe('detail');
    expect(ex.ads).toHaveLength(1);
    const ad = ex.ads[0]!.ad;
    expect(ad).toMatchObject({
      title: 'Warehouse Operative – Night Shift', extractor: 'jsonld', category: 'job', employer: 'Acme Logistics Ltd',
      location: 'Leeds, West Yorkshire', country: 'GB', date: '2026-03-02', pay: { min: 12.6, max: 13.1, currency: 'GBP', period: 'hour' },
    });
    expect(ad.text).toContain('We are hiring warehouse operatives for our Leeds site.');
    expect(ad.text).toContain('£12.60 per hour\nFree transport');
    expect(ad.text).not.toContain('<');
    expect(ex.notes.some((n) => n.includes('repaired'))).toBe(true);
    expect(ex.ads[0]!.element).toBeDefined();
  });

  it('repairs the usual faults of templated JSON-LD and gives up cleanly on garbage', () => {
    expect(parseLenient('{"a": "line one\nline two", "b": [1, 2,],}')?.value).toEqual({ a: 'line one\nline two', b: [1, 2] });
    expect(parseLenient('<![CDATA[{"a":1}]]>')?.value).toEqual({ a: 1 });
    expect(parseLenient('{"a":1}{"b":2}')?.value).toEqual([{ a: 1 }, { b: 2 }]);
    expect(parseLenient('not json at all')).toBeUndefined();
  });

  it('reads microdata', () => {
    const ex = page('microdata.html', 'https://www.gasthof-sonne.example/jobs/kuechenhilfe');
    expect(ex.ads[0]!.ad).toMatchObject({ title: 'Küchenhilfe (m/w/d) in Vollzeit', extractor: 'microdata', employer: 'Gasthof Sonne GmbH', location: 'Innsbruck', date: '2026-05-10' });
    expect(ex.ads[0]!.ad.text).toContain('Unterkunft kann gestellt werden.');
    expect(ex.ads[0]!.ad.text).not.toContain('Impressum');
  });
});

describe('application state', () => {
  it('finds a job-like record in __NEXT_DATA__ whatever its field names', () => {
    const ex = page('next-data.html', 'https://praca.example.pl/oferta/48213');
    expect(ex.ads).toHaveLength(1);
    expect(ex.ads[0]!.ad).toMatchObject({ title: 'Opiekunka osoby starszej – Niemcy', extractor: 'app-state', employer: 'Care Partner Sp. z o.o.', location: 'Monachium', url: 'https://praca.example.pl/oferta/48213', country: 'PL' });
    expect(ex.ads[0]!.ad.text).toContain('Wynagrodzenie 1800 € netto miesięcznie.');
  });
});

describe('generic fallbacks', () => {
  it('reads a plain article with readability and leaves the cookie banner, menu and sidebar out', () => {
    const ex = page('article.html', 'https://www.empleoscosta.example/oferta/camarera-marbella');
    expect(ex.pageKind).toBe('detail');
    const ad = ex.ads[0]!.ad;
    expect(ad.extractor).toBe('readability');
    expect(ad.title).toBe('Camarera para bar en Marbella');
    expect(ad.text).toContain('enviar fotos de cuerpo entero por WhatsApp');
    for (const chrome of ['Usamos cookies', 'Aviso legal', 'Inicio']) expect(ad.text).not.toContain(chrome);
    expect(ad.country).toBeUndefined(); // .example is no country
  });

  it('finds repeated cards on an unknown listing, one ad per card with its link', () => {
    const ex = page('cards.html', 'https://bacheca.example.it/lavoro');
    expect(ex.pageKind).toBe('listing');
    expect(ex.ads.map((f) => f.ad.title)).toEqual(['Cameriere stagionale a Rimini', 'Badante convivente Milano', "Ragazze immagine per locale all'estero", 'Magazziniere con patentino']);
    expect(ex.ads.map((f) => f.ad.url)).toEqual([101, 102, 103, 104].map((n) => `https://bacheca.example.it/annuncio/${n}`));
    expect(ex.ads.every((f) => f.ad.extractor === 'generic-listing' && f.ad.kind === 'card' && f.element)).toBe(true);
    expect(ex.ads[2]!.ad.text).toContain('viaggio pagato');
  });
});

describe('pages that are not job ads', () => {
  it('a bot check yields no ads and says why', () => {
    const ex = page('captcha.html', 'https://www.kleinanzeigen.example/s-jobs/');
    expect(ex.ads).toEqual([]);
    expect(ex.pageKind).toBe('other');
    expect(ex.blocked).toMatch(/bot check/);
  });
  it('a car listing yields ads marked non-job', () => {
    const ex = page('cars.html', 'https://autos.example.de/koeln');
    expect(ex.ads).toHaveLength(3);
    expect(ex.ads.map((f) => f.ad.category)).toEqual(['non-job', 'non-job', 'non-job']);
  });
  it('a page with nothing to read gives no ads and no error', () => {
    const { document } = parseHTML('<html><body><p>Hello</p></body></html>');
    const ex = extractPage(document as unknown as Document, 'https://example.org/', { adapters: ADAPTERS });
    expect(ex.ads).toEqual([]);
    expect(ex.notes).toContain('no ads found');
  });
  it('tells job ads from goods and flats by their words', () => {
    expect(categoryOf('Zatrudnię kierowcę, umowa o pracę, wynagrodzenie 6000 zł')).toBe('job');
    expect(categoryOf('WG-Zimmer in Berlin, 18 m², Warmmiete 520 €')).toBe('non-job');
    expect(categoryOf('Hello, new in town, call me')).toBe('unknown');
  });
});

describe('text and charsets', () => {
  it('reads text with a line break per block and without scripts', () => {
    const { document } = parseHTML('<div>One<p>Two <b>bold</b></p><script>x()</script><ul><li>a</li><li>b</li></ul>tail</div>');
    expect(textOf(document.querySelector('div'))).toBe('One\nTwo bold\na\nb\ntail');
  });
  it('decodes a page in its declared Latin-1 (as windows-1252, like browsers)', () => {
    const bytes = readFileSync(join(DIR, 'latin1.html'));
    expect(sniffCharset(bytes)).toEqual({ charset: 'windows-1252', source: 'meta' });
    expect(decodePage(bytes).html).toContain('expérimentée, salaire 1\u00a0800 € net, logée');
  });
  it('sniffs UTF-8 without a declaration and falls back to windows-1252 on invalid bytes', () => {
    expect(sniffCharset(new TextEncoder().encode('<p>zażółć</p>')).charset).toBe('utf-8');
    expect(sniffCharset(Uint8Array.from([0x3c, 0x70, 0x3e, 0xe9, 0x3c])).charset).toBe('windows-1252');
  });
});

describe('category from the page address', () => {
  it('reads goods, vehicles and property paths as non-job, job paths as jobs, the rest as unknown', async () => {
    const { categoryOfUrl } = await import('../../src/extract/not-ad.js');
    expect(categoryOfUrl('https://annonces.example.fr/voitures/offres/?q=berline')).toBe('non-job');
    expect(categoryOfUrl('https://rooms.example.de/wg-zimmer-in-leipzig.html')).toBe('non-job');
    expect(categoryOfUrl('https://www.example.fr/offres-d-emploi/toulouse')).toBe('job');
    expect(categoryOfUrl('https://forum.example.org/t/123')).toBe('unknown');
    expect(categoryOfUrl('https://www.example.com/jobs/cars/')).toBe('unknown'); // both: cannot tell
    expect(categoryOfUrl('not a url')).toBe('unknown');
  });
});
