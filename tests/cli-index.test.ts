/**
 * `telltale score --index DIR`: the cross-ad signs over batches, with the index on disk
 * (src/cli/disk-index.ts). Invented ads and numbers.
 */
import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiskAdIndex } from '../src/cli/disk-index.js';
import { entryOf } from '../src/network/record.js';
import { cli } from './cli-run.js';

const dir = () => mkdtempSync(join(tmpdir(), 'telltale-index-'));
const jsonl = (...records: object[]) => records.map((r) => JSON.stringify(r)).join('\n');
const rules = (out: string) =>
  out.trim().split('\n').map((l) => JSON.parse(l) as { id: string; flags: { rule: string; related?: { url?: string; poster?: string }[] }[] });

const TEMPLATE =
  'Firma szuka pracowników do zbioru truskawek w Holandii. Oferujemy zakwaterowanie w domkach, ' +
  'transport z Polski, pracę od poniedziałku do soboty po dziesięć godzin dziennie i wypłatę co tydzień. ' +
  'Nie wymagamy znajomości języka ani doświadczenia, wystarczą chęci do pracy i dobry humor.';

describe('telltale score --index', () => {
  it('a second batch is checked against the first; the index persists between runs', async () => {
    const index = join(dir(), 'idx');
    const first = await cli(['score', '--index', index, '-'], jsonl(
      { id: 'a', url: 'https://example.test/a', poster: 'Anna', country: 'PL', text: 'Praca w klubie, dzwoń 600 111 222.' },
    ));
    expect(first.code).toBe(0);
    expect(rules(first.out)[0]!.flags.map((f) => f.rule)).not.toContain('shared_contact_different_names');
    const second = await cli(['score', '--index', index, '-'], jsonl(
      { id: 'b', url: 'https://example.test/b', poster: 'Kasia', country: 'PL', text: 'Hostessy, tel. 600-111-222.' },
    ));
    const flag = rules(second.out)[0]!.flags.find((f) => f.rule === 'shared_contact_different_names');
    expect(flag?.related).toEqual([expect.objectContaining({ url: 'https://example.test/a', poster: 'Anna' })]);
    expect(readFileSync(join(index, 'ads.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('near-duplicate text from different posters, within one batch', async () => {
    const out = await cli(['score', '--index', join(dir(), 'idx'), '-'], jsonl(
      { id: '1', url: 'https://example.test/1', poster: 'Agro Praca', text: TEMPLATE },
      { id: '2', url: 'https://example.test/2', poster: 'Holland Jobs', text: TEMPLATE.replace('soboty', 'piątku') },
    ));
    const [one, two] = rules(out.out);
    expect(one!.flags.map((f) => f.rule)).not.toContain('near_duplicate_text');
    expect(two!.flags.find((f) => f.rule === 'near_duplicate_text')?.related?.[0]?.url).toBe('https://example.test/1');
  });

  it('reads poster and contacts from CSV (a number without +: the region of the ad\'s country)', async () => {
    const file = join(dir(), 'ads.csv');
    writeFileSync(file, 'id,url,country,poster,contacts,text\n1,https://example.test/1,PL,Anna,+48 600 111 222,Praca od zaraz\n2,https://example.test/2,PL,Kasia,600111222;x@example.test,Praca od jutra\n');
    const out = await cli(['score', '--index', join(dir(), 'idx'), file]);
    expect(rules(out.out)[1]!.flags.map((f) => f.rule)).toContain('shared_contact_different_names');
  });

  it('a damaged line of the index is reported and skipped; the others still count', async () => {
    const index = join(dir(), 'idx');
    await cli(['score', '--index', index, '-'], jsonl({ id: 'a', url: 'https://example.test/a', poster: 'Anna', country: 'PL', text: 'Dzwoń 600 111 222.' }));
    appendFileSync(join(index, 'ads.jsonl'), '{"k": broken\n');
    const out = await cli(['score', '--index', index, '-'], jsonl({ id: 'b', url: 'https://example.test/b', poster: 'Ola', country: 'PL', text: 'Tel 600 111 222' }));
    expect(out.err).toMatch(/index line skipped: .*ads\.jsonl:2: /);
    expect(rules(out.out)[0]!.flags.map((f) => f.rule)).toContain('shared_contact_different_names');
    expect(readFileSync(join(index, 'ads.jsonl'), 'utf8')).toContain('{"k": broken');
  });

  it('refuses a directory of another format, and unusable options, with exit 2', async () => {
    const index = dir();
    writeFileSync(join(index, 'meta.json'), '{"format":"something-else/9"}');
    const bad = await cli(['score', '--index', index, '-'], '{"text":"x"}');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('meta.json: format "something-else/9", expected "telltale-index/1"');
    const cap = await cli(['score', '--index', join(dir(), 'i'), '--index-cap', 'many', '-'], '{"text":"x"}');
    expect(cap.code).toBe(2);
    expect(cap.err).toContain('--index-cap must be a whole number');
  });

  it('--stats reports the ads, the index and the peak memory', async () => {
    const out = await cli(['score', '--index', join(dir(), 'idx'), '--stats', '-'], jsonl({ id: 'a', url: 'https://example.test/a', text: 'Praca' }));
    expect(out.err).toMatch(/stats: 1 ads in [\d.]+ s, index 1 ads \(1 added\), peak memory \d+ MB/);
  });
});

describe('telltale keys', () => {
  it('writes each ad\'s contact keys, band keys and signature, and reports bad lines', async () => {
    const out = await cli(['keys', '-'], `${jsonl(
      { id: 'a', url: 'https://example.test/a', poster: 'Anna', location: 'Łódź', country: 'PL', text: `${TEMPLATE} Tel. 600 111 222` },
    )}\n{"id":"b"}`);
    expect(out.code).toBe(1);
    const [line, bad] = out.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(line).toMatchObject({ id: 'a', key: 'https://example.test/a', poster: 'Anna', city: 'Łódź', contacts: ['tel:+48600111222'] });
    expect(line.bands).toHaveLength(8);
    expect(Buffer.from(line.sig, 'base64')).toHaveLength(256);
    expect(bad).toMatchObject({ id: 'b', error: expect.stringContaining('text') });
  });
});

describe('the disk index', () => {
  const ad = (i: number, poster = `P${i}`) => entryOf({ text: `Praca ${i}, tel. 600 111 222`, country: 'PL', url: `https://example.test/${i}`, poster }, i).record;

  it('keeps at most its cap, the oldest dropped first, also after reopening', async () => {
    const d = join(dir(), 'idx');
    const index = await DiskAdIndex.open(d, 10);
    for (let i = 0; i < 25; i++) await index.add(ad(i));
    expect(index.size).toBe(10);
    const left = await index.candidates(['tel:+48600111222'], []);
    expect(left.map((r) => r.seen).sort((a, b) => a - b)).toEqual([15, 16, 17, 18, 19, 20, 21, 22, 23, 24]);
    await index.close();
    // Mostly dropped ads: the file was rewritten with the live ones.
    expect(readFileSync(join(d, 'ads.jsonl'), 'utf8').trim().split('\n')).toHaveLength(10);
    const again = await DiskAdIndex.open(d, 10);
    expect(again.size).toBe(10);
    await again.close();
  });

  it('an ad indexed again replaces itself; signatures survive the file', async () => {
    const d = join(dir(), 'idx');
    const index = await DiskAdIndex.open(d);
    const e = entryOf({ text: `${TEMPLATE} ${TEMPLATE}`, url: 'https://example.test/t' }, 1).record;
    await index.add(e);
    await index.add({ ...e, seen: 2 });
    expect(index.size).toBe(1);
    await index.close();
    const again = await DiskAdIndex.open(d);
    const [back] = await again.candidates([], e.bands);
    expect([...back!.sig!]).toEqual([...e.sig!]);
    expect(back!.seen).toBe(2);
    await again.close();
    expect(existsSync(join(d, 'meta.json'))).toBe(true);
  });

  it('one run at a time: a second open is refused while the first runs; a lock left by a dead process is taken over', async () => {
    const d = join(dir(), 'idx');
    const first = await DiskAdIndex.open(d);
    await expect(DiskAdIndex.open(d)).rejects.toThrow(/in use by another telltale run \(process \d+\)/);
    const busy = await cli(['score', '--index', d, '-'], '{"text":"x"}');
    expect(busy.code).toBe(2);
    expect(busy.err).toContain('in use by another telltale run');
    await first.close();
    expect(existsSync(join(d, 'lock'))).toBe(false);
    // A process id that cannot be running (above the kernel's limit): a crashed run's lock.
    writeFileSync(join(d, 'lock'), '4194305\n');
    const again = await DiskAdIndex.open(d);
    expect(readFileSync(join(d, 'lock'), 'utf8').trim()).toBe(String(process.pid));
    await again.close();
  });

  it('at most 50 ads per key come back, newest first', async () => {
    const index = await DiskAdIndex.open(join(dir(), 'idx'));
    for (let i = 0; i < 120; i++) await index.add(ad(i));
    const got = await index.candidates(['tel:+48600111222'], []);
    expect(got).toHaveLength(50);
    expect(Math.min(...got.map((r) => r.seen))).toBe(70);
    await index.close();
  });
});
