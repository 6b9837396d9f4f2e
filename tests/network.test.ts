/**
 * Cross-ad signals (src/network/): contact keys in the focus countries' formats, the text
 * fingerprint and its threshold, the two signals, their scoring, and the IndexedDB index (in Node
 * through fake-indexeddb). Every ad, name and number here is invented.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../src/engine/document.js';
import { defaultEngine } from '../src/engine/index.js';
import { AssessmentSchema } from '../src/engine/assessment-schema.js';
import { assessWithIndex } from '../src/network/ad-index.js';
import { contactPoints } from '../src/network/contacts.js';
import { fingerprint, NEAR_DUPLICATE, similarity } from '../src/network/fingerprint.js';
import { IdbAdIndex } from '../src/network/idb-index.js';
import { differentCities, differentNames, entryOf } from '../src/network/record.js';
import { crossAdFindings } from '../src/network/signals.js';
import type { Ad } from '../src/engine/types.js';

const keys = (text: string, country?: string) => contactPoints({ text, ...(country ? { country } : {}) }).map((p) => p.key);

describe('contact keys', () => {
  it.each([
    ['PL', 'Dzwoń: 600-111-222', '+48600111222'],
    ['PL', 'kontakt +48 600 111 222', '+48600111222'],
    ['PL', 'tel. sześć zero zero jeden jeden jeden dwa dwa dwa', '+48600111222'],
    ['PL', 'tel 600.111.222', '+48600111222'],
    ['PL', 'tel 6 0 0 1 1 1 2 2 2', '+48600111222'],
    ['PL', 'tel 600🔥111🔥222', '+48600111222'],
    ['PL', '6️⃣0️⃣0️⃣ 1️⃣1️⃣1️⃣ 2️⃣2️⃣2️⃣', '+48600111222'],
    ['BG', 'Обадете се на 0888 123 456', '+359888123456'],
    ['BG', 'тел. +359 888 123 456', '+359888123456'],
    ['GR', 'Τηλ. 694 123 4567', '+306941234567'],
    ['GR', 'τηλ έξι εννιά τέσσερα ένα δύο τρία τέσσερα πέντε έξι επτά', '+306941234567'],
    ['IT', 'Chiamare il 333 123 4567', '+393331234567'],
    ['ES', 'Llama al 612 34 56 78', '+34612345678'],
    ['SK', 'Volajte 0905 123 456', '+421905123456'],
    ['AT', 'Anrufen unter 0664 1234567', '+436641234567'],
    ['DE', 'Tel. 0151 23456789', '+4915123456789'],
    ['GB', 'Call 07700 900123', '+447700900123'],
  ])('%s: %s', (country, text, e164) => {
    expect(keys(text, country)).toContain(`tel:${e164}`);
  });

  it('the same number written in four ways is one key', () => {
    const forms = ['+48 600 111 222', '0048 600 111 222', 'wa.me/48600111222', 'viber://chat?number=%2B48600111222'];
    for (const f of forms) expect(keys(`kontakt ${f}`, 'PL'), f).toEqual(['tel:+48600111222']);
  });

  it('messenger handles and e-mail addresses, folded', () => {
    const ks = keys('Telegram: @Anna_Jobs2024 or t.me/AnnaJobs, mail Anna.K@Gmail.com', 'GB');
    expect(ks).toEqual(expect.arrayContaining(['tg:anna_jobs2024', 'tg:annajobs', 'mail:anna.k@gmail.com']));
  });

  it('a board\'s contact button counts like a number in the text', () => {
    const points = contactPoints({ text: 'Praca w magazynie.', country: 'PL', contacts: ['+48 600 111 222', 'biuro@przyklad-firma.pl'] });
    expect(points.map((p) => p.key)).toEqual(['tel:+48600111222', 'mail:biuro@przyklad-firma.pl']);
    expect(points.every((p) => p.span === undefined)).toBe(true);
  });

  it('spans point at the original words', () => {
    const text = 'Zadzwoń: 6️⃣0️⃣0️⃣ 1️⃣1️⃣1️⃣ 2️⃣2️⃣2️⃣ teraz';
    const [p] = contactPoints({ text, country: 'PL' });
    expect(p?.span?.field).toBe('text');
    expect(text.slice(p!.span!.start, p!.span!.end)).toBe(p!.shown);
    expect(p!.shown.startsWith('6')).toBe(true);
  });

  it('amounts and short digit runs are not contacts', () => {
    expect(keys('Wynagrodzenie 4 500 000 zł, kod 12-345', 'PL')).toEqual([]);
  });
});

const BASE =
  'Company in Bavaria is hiring warehouse workers for the night shift. Tasks: picking and packing orders, ' +
  'loading trucks, keeping the hall tidy. We offer a full time contract, training on the first day, ' +
  'overalls and safety shoes, a canteen with warm meals and a bonus for punctuality. Start next Monday. ' +
  'Send your CV with a photo and tell us when you can start.';

const docOf = (text: string) => buildDocument({ text });
const sim = (a: string, b: string) => similarity(fingerprint(docOf(a))!.sig, fingerprint(docOf(b))!.sig);

describe('text fingerprint', () => {
  it('the same text, and the same text with another phone number, price or case, is a duplicate', () => {
    expect(sim(BASE, BASE)).toBe(1);
    expect(sim(`${BASE} Tel. 600 111 222, 2500 EUR.`, `${BASE.toUpperCase()} Tel. 700 999 888, 2900 EUR.`)).toBe(1);
  });

  it('another city or start date, or one sentence added, stays above the threshold', () => {
    expect(sim(BASE, BASE.replace('Bavaria', 'Saxony'))).toBeGreaterThanOrEqual(NEAR_DUPLICATE);
    expect(sim(BASE, BASE.replace('next Monday', 'on Monday'))).toBeGreaterThanOrEqual(NEAR_DUPLICATE);
    expect(sim(BASE, `${BASE} Accommodation can be arranged near the warehouse.`)).toBeGreaterThanOrEqual(NEAR_DUPLICATE);
  });

  it('another ad written with the same headings is below the threshold', () => {
    const other =
      'Company in Bavaria is hiring drivers for regional deliveries. Tasks: driving a van on fixed routes, ' +
      'helping customers unload, checking the vehicle every morning. We offer a contract for one year, ' +
      'a company phone, paid overtime and a new van. Start in March. Send your CV and your driving licence category.';
    expect(sim(BASE, other)).toBeLessThan(NEAR_DUPLICATE);
  });

  it('a short ad has no fingerprint (the same few words stand in countless unrelated ads)', () => {
    expect(fingerprint(docOf('Praca w Niemczech, tel. 600 111 222'))).toBeUndefined();
  });

  it('fingerprints are deterministic and have one key per band', () => {
    const a = fingerprint(docOf(BASE))!;
    const b = fingerprint(docOf(BASE))!;
    expect([...a.sig]).toEqual([...b.sig]);
    expect(a.bands).toHaveLength(8);
    expect(new Set(a.bands.map((k) => Math.floor(k / 2 ** 32)))).toEqual(new Set(Array.from({ length: 8 }, (_, i) => i)));
  });
});

describe('names and cities', () => {
  it.each([
    ['Anna', 'Kasia', true],
    ['Anna K.', 'ANNA', false],
    ['Jobs4U', 'Jobs4U Agency', false],
    ['Agencja Praca-Pol', 'Praca Pol sp. z o.o.', false],
    [undefined, 'Kasia', false],
  ])('%s / %s: different %s', (a, b, different) => {
    expect(differentNames(a, b)).toBe(different);
  });

  it.each([
    ['Warszawa, Mokotów', 'Warszawa', false],
    ['Wien', 'Wien 10', false],
    ['Wien', 'Wiener Neustadt', true],
    ['Kraków', 'Krakow', false],
    ['Sofia', 'Varna', true],
    ['Sofia', undefined, false],
  ])('%s / %s: different %s', (a, b, different) => {
    expect(differentCities(a, b)).toBe(different);
  });
});

const ad = (over: Partial<Ad>): Ad => ({ text: 'Praca od zaraz, dzwoń 600 111 222.', country: 'PL', ...over });

describe('cross-ad signals', () => {
  it('the same number under another name: shared_contact_different_names with the other ad', () => {
    const earlier = entryOf(ad({ url: 'https://example.test/a', poster: 'Anna', title: 'Hostessa' }), 1).record;
    const entry = entryOf(ad({ url: 'https://example.test/b', poster: 'Kasia' }), 2);
    const [f] = crossAdFindings(entry, [earlier]);
    expect(f?.rule).toBe('shared_contact_different_names');
    expect(f?.related).toEqual([{ url: 'https://example.test/a', title: 'Hostessa', poster: 'Anna', contacts: ['tel:+48600111222'] }]);
    expect(f?.match).toBe('600 111 222');
  });

  it('the same number, name and city in another ad is no sign (one agency, several ads)', () => {
    const earlier = entryOf(ad({ url: 'https://example.test/a', poster: 'Anna', location: 'Łódź' }), 1).record;
    const entry = entryOf(ad({ url: 'https://example.test/b', poster: 'Anna', location: 'Lodz' }), 2);
    expect(crossAdFindings(entry, [earlier])).toEqual([]);
  });

  it('the same number in another city is a sign, even under one name, in its weaker (common) form', () => {
    const earlier = entryOf(ad({ url: 'https://example.test/a', poster: 'Anna', location: 'Gdańsk' }), 1).record;
    const entry = entryOf(ad({ url: 'https://example.test/b', poster: 'Anna', location: 'Poznań' }), 2);
    const [f] = crossAdFindings(entry, [earlier]);
    expect(f?.rule).toBe('shared_contact_different_names');
    expect(f?.common).toBe(true);
    const named = crossAdFindings(entryOf(ad({ url: 'https://example.test/c', poster: 'Kasia', location: 'Poznań' }), 3), [earlier]);
    expect(named[0]?.common).toBeUndefined();
  });

  it('an ad is never compared with itself', () => {
    const e = entryOf(ad({ url: 'https://example.test/a', poster: 'Anna' }), 1);
    expect(crossAdFindings(e, [{ ...e.record, poster: 'Kasia' }])).toEqual([]);
  });

  it('near-duplicate text at another URL', () => {
    const earlier = entryOf({ text: BASE, url: 'https://example.test/a' }, 1).record;
    const entry = entryOf({ text: `${BASE} Apply today.`, url: 'https://example.test/b' }, 2);
    const [f] = crossAdFindings(entry, [earlier]);
    expect(f?.rule).toBe('near_duplicate_text');
    expect(f?.related[0]?.url).toBe('https://example.test/a');
    expect(Number(f?.detail?.similarity)).toBeGreaterThanOrEqual(NEAR_DUPLICATE);
  });
});

describe('scoring of cross-ad flags', () => {
  const engine = defaultEngine();
  const finding = {
    rule: 'shared_contact_different_names',
    spans: [{ field: 'text' as const, start: 22, end: 33 }],
    match: '600 111 222',
    related: [{ url: 'https://example.test/a', poster: 'Anna', contacts: ['tel:+48600111222'] }],
  };

  it('becomes a flag with its related ads, and a valid Assessment', () => {
    const a = engine.assess(ad({}), { network: [finding] });
    const f = a.flags.find((x) => x.rule === 'shared_contact_different_names');
    expect(f?.related?.[0]?.url).toBe('https://example.test/a');
    expect(f?.contribution).toBeGreaterThan(0);
    expect(AssessmentSchema.safeParse(a).success).toBe(true);
  });

  it('alone it stays below "elevated"; with a strong sign it raises the score', () => {
    const complete = ad({
      text: 'Magazynier w Poznaniu, umowa o pracę na pełny etat, 5200 zł brutto miesięcznie. Zakres obowiązków: przyjęcie towaru, kompletacja zamówień. Tel. 600 111 222.',
      employer: 'Przykład Logistyka sp. z o.o.',
      location: 'Poznań',
    });
    expect(engine.assess(complete).flags).toEqual([]);
    const alone = engine.assess(complete, { network: [finding] });
    expect(alone.flags.map((f) => f.rule)).toEqual(['shared_contact_different_names']);
    expect(alone.level).toBe('low');
    const fee = ad({ text: 'Praca od zaraz, dzwoń 600 111 222. Opłata rekrutacyjna 300 zł płatna z góry.' });
    expect(engine.assess(fee, { network: [finding] }).score).toBeGreaterThan(engine.assess(fee).score);
  });

  it('an agency\'s ads (one number, other cities only, the same template) stay "low" together', () => {
    const cities = { ...finding, common: true };
    const template = { rule: 'near_duplicate_text', spans: [], match: '', related: [{ url: 'https://example.test/x', similarity: 0.97 }] };
    const named = engine.assess({ text: BASE }, { network: [finding, template] });
    const citiesOnly = engine.assess({ text: BASE }, { network: [cities, template] });
    expect(citiesOnly.level).toBe('low');
    expect(citiesOnly.score).toBeLessThan(named.score);
  });

  it('near-duplicate text is a common sign: alone never past "low"', () => {
    const a = engine.assess({ text: BASE }, { network: [{ rule: 'near_duplicate_text', spans: [], match: '', related: [{ url: 'https://example.test/x', similarity: 0.95 }] }] });
    expect(a.flags.map((f) => f.rule)).toContain('near_duplicate_text');
    expect(['low', 'none']).toContain(a.level);
  });

  it('a finding for a text rule, or without related ads, is ignored; a switched-off category too', () => {
    expect(engine.assess(ad({}), { network: [{ ...finding, rule: 'fees_upfront' }] }).flags.map((f) => f.rule)).not.toContain('fees_upfront');
    expect(engine.assess(ad({}), { network: [{ ...finding, related: [] }] }).flags.map((f) => f.rule)).not.toContain('shared_contact_different_names');
    const off = engine.assess(ad({}), { network: [finding], disabledCategories: new Set(['network']) });
    expect(off.flags.map((f) => f.rule)).not.toContain('shared_contact_different_names');
  });
});

describe('IndexedDB index', () => {
  let n = 0;
  const fresh = (cap?: number) => new IdbAdIndex(cap, `test-index-${++n}`);

  it('the second ad with the number under another name is flagged, and the first when seen again', async () => {
    const index = fresh();
    const engine = defaultEngine();
    const a = ad({ url: 'https://example.test/a', poster: 'Anna' });
    const b = ad({ url: 'https://example.test/b', poster: 'Kasia' });
    expect((await assessWithIndex(engine, index, a, {}, 1)).flags.map((f) => f.rule)).not.toContain('shared_contact_different_names');
    const second = await assessWithIndex(engine, index, b, {}, 2);
    expect(second.flags.find((f) => f.rule === 'shared_contact_different_names')?.related?.[0]?.url).toBe('https://example.test/a');
    const again = await assessWithIndex(engine, index, a, {}, 3);
    expect(again.flags.find((f) => f.rule === 'shared_contact_different_names')?.related?.[0]?.url).toBe('https://example.test/b');
    expect(await index.count()).toBe(2);
  });

  it('the document built for the index is the engine\'s: with nothing shared, the same assessment as without an index', async () => {
    const index = fresh();
    const ads: Ad[] = [
      ad({ url: 'https://example.test/p1', title: 'Hostessy do klubu', text: 'Wysokie zarobki 5000 € tygodniowo, mieszkanie zapewnione. Tel. 6️⃣0️⃣0️⃣ 9️⃣9️⃣9️⃣ 1️⃣2️⃣3️⃣' }),
      { text: `${BASE} Opłata rekrutacyjna 300 zł z góry.`, url: 'https://example.test/p2', country: 'PL', employer: 'Przykład sp. z o.o.' },
      { text: 'x'.repeat(1_000_001), url: 'https://example.test/p3' }, // cut down by the engine: its own document
    ];
    for (const a of ads) expect(await assessWithIndex(defaultEngine(), index, a, {}, 1)).toEqual(defaultEngine().assess(a));
  });

  it('pasted text (no URL, no id) is compared but not kept', async () => {
    const index = fresh();
    await assessWithIndex(defaultEngine(), index, ad({ url: 'https://example.test/a', poster: 'Anna' }), {}, 1);
    const pasted = await assessWithIndex(defaultEngine(), index, ad({ poster: 'Kasia' }), {}, 2);
    expect(pasted.flags.map((f) => f.rule)).toContain('shared_contact_different_names');
    expect(await index.count()).toBe(1);
  });

  it('keeps at most its cap, dropping the oldest; retention and clear', async () => {
    const index = fresh(100);
    for (let i = 0; i < 150; i++) await index.add(entryOf(ad({ url: `https://example.test/${i}` }), i).record);
    await index.enforceCap();
    expect(await index.count()).toBe(100);
    const left = await index.candidates(['tel:+48600111222'], []);
    expect(left.every((r) => r.seen >= 50)).toBe(true);
    expect(await index.pruneBefore(120)).toBe(70);
    expect(await index.count()).toBe(30);
    await index.clear();
    expect(await index.count()).toBe(0);
  });

  it('finds candidates by contact and by band, each ad once, at most 50 per contact and 10 per band', async () => {
    const index = fresh();
    for (let i = 0; i < 80; i++) await index.add(entryOf(ad({ url: `https://example.test/${i}`, text: `${BASE} tel 600 111 222` }), i).record);
    const e = entryOf({ text: BASE, url: 'https://example.test/new' }, 100).record;
    const byBand = await index.candidates([], e.bands);
    expect(byBand.length).toBeGreaterThan(0);
    expect(byBand.length).toBeLessThanOrEqual(8 * 10);
    expect(new Set(byBand.map((r) => r.key)).size).toBe(byBand.length);
    expect((await index.candidates(['tel:+48600111222'], [])).length).toBe(50);
    expect(await index.candidates(['tel:+48999999999'], [])).toEqual([]);
  });
});
