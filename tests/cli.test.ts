/**
 * The telltale CLI: formats, errors that name the line and go on, exit codes, the readable report,
 * and the built command as a user runs it (node bin/telltale.mjs, which `npx telltale` starts).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './cli-run.js';

const dir = mkdtempSync(join(tmpdir(), 'telltale-cli-'));
const file = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const lines = (s: string) => s.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));

describe('telltale score', () => {
  it('reads JSONL and writes one assessment per ad with its id', async () => {
    const p = file('ads.jsonl', [
      JSON.stringify({ id: 'a1', title: 'Praca w Niemczech', text: 'Bez doświadczenia. Opłata rejestracyjna 300 zł przed wyjazdem.', lang: 'pl' }),
      JSON.stringify({ id: 2, text: 'Software engineer, full time, Example Ltd, London.' }),
    ].join('\n'));
    const r = await cli(['score', p]);
    expect(r.code).toBe(0);
    const out = lines(r.out);
    expect(out.map((a) => a.id)).toEqual(['a1', '2']);
    expect(out[0].flags.map((f: { rule: string }) => f.rule)).toContain('fees_upfront');
    expect(out[0].rulesVersion).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{8}$/);
  });

  it('reports a malformed line with its number, goes on, and exits 1', async () => {
    const p = file('bad.jsonl', ['{"id":"ok","text":"Hello"}', '{not json', '{"id":"x","title":"no text"}', '[1,2]', '{"id":"ok2","text":"World"}'].join('\n'));
    const r = await cli(['score', p]);
    expect(r.code).toBe(1);
    const out = lines(r.out);
    expect(out.map((o) => o.id)).toEqual(['ok', null, 'x', null, 'ok2']);
    expect(out[1]).toMatchObject({ line: 2, error: expect.stringContaining('not valid JSON') });
    expect(out[2]).toMatchObject({ line: 3, error: expect.stringContaining('missing "text"') });
    expect(out[3]).toMatchObject({ line: 4, error: expect.stringContaining('one JSON object') });
    expect(r.err).toContain('2 ad(s) scored, 3 record(s) failed');
  });

  it('reads CSV with a header row, quoted fields and newlines inside them', async () => {
    const p = file('ads.csv', 'id,title,text,lang\nc1,"Kelnerka, Grecja","Praca w Grecji.\nZakwaterowanie zapewnione, wyjazd od zaraz",pl\nc2,,Plain ad,en\n');
    const r = await cli(['score', p]);
    expect(r.code).toBe(0);
    expect(lines(r.out).map((a) => a.id)).toEqual(['c1', 'c2']);
  });

  it('reads a plain text file as one ad named after the file', async () => {
    const p = file('message.txt', 'Hi! Send me your passport scan and bank card details on Telegram before the interview.');
    const r = await cli(['score', p]);
    const [a] = lines(r.out);
    expect(a.id).toBe('message.txt');
    expect(a.flags.map((f: { rule: string }) => f.rule)).toContain('request_personal_financial_data');
  });

  it('reads standard input and guesses its format', async () => {
    const jsonl = await cli(['score'], '{"id":"s","text":"Hello"}\n');
    expect(lines(jsonl.out)[0].id).toBe('s');
    const text = await cli(['score', '-'], 'Just a message');
    expect(lines(text.out)[0].id).toBe('stdin');
  });

  it('prints a readable table with the matched words marked, and explains on request', async () => {
    const p = file('t.jsonl', JSON.stringify({ id: 't1', text: 'Candidates pay a registration fee of 50 EUR before departure.', lang: 'en' }));
    const table = await cli(['score', p, '--format', 'table']);
    expect(table.out).toMatch(/t1 {2}(LOW|ELEVATED|HIGH)/);
    expect(table.out).toMatch(/«[^»]*registration fee[^»]*»/);
    expect(table.out).not.toContain('why:');
    const explained = await cli(['score', p, '--format', 'table', '--explain']);
    expect(explained.out).toContain('why:');
    expect(explained.out).toContain('check:');
  });

  it('survives empty text, binary junk and lone surrogates', async () => {
    const p = file('junk.jsonl', [JSON.stringify({ text: '' }), JSON.stringify({ text: '\ud800\udfff\ud800 \u0000' })].join('\n'));
    const r = await cli(['score', p]);
    expect(r.code).toBe(0);
    expect(lines(r.out)).toHaveLength(2);
    const bin = file('junk.bin', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)));
    expect((await cli(['score', bin])).code).toBe(0);
  });

  it('exits 2 for unusable arguments', async () => {
    expect((await cli([])).code).toBe(2);
    expect((await cli(['frobnicate'])).code).toBe(2);
    expect((await cli(['score', '--format', 'xml'])).code).toBe(2);
    expect((await cli(['score', '--bogus'])).code).toBe(2);
    const missing = await cli(['score', join(dir, 'nope.jsonl')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no such file');
  });
});

describe('the built command', () => {
  it('runs as `node bin/telltale.mjs` (what npx telltale starts)', () => {
    const p = file('one.jsonl', JSON.stringify({ id: 'b1', text: 'Registration fee 100 EUR.', lang: 'en' }));
    const out = execFileSync(process.execPath, ['bin/telltale.mjs', 'score', p], { encoding: 'utf8' });
    expect(JSON.parse(out.trim()).id).toBe('b1');
    const bad = spawnSync(process.execPath, ['bin/telltale.mjs', 'nonsense'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
  });

  it('stops quietly when its reader closes the pipe early (| head)', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ id: `p${i}`, text: 'Registration fee 100 EUR, passport kept by the agency.', lang: 'en' }));
    const p = file('many.jsonl', lines.join('\n'));
    const r = spawnSync('sh', ['-c', `"${process.execPath}" bin/telltale.mjs score "${p}" | head -n 1`], { encoding: 'utf8' });
    expect(JSON.parse(r.stdout.trim()).id).toBe('p0');
    expect(r.stderr).not.toContain('EPIPE');
  });
});

describe('telltale extract and scan (saved pages)', () => {
  const fixtures = join(import.meta.dirname, 'fixtures');
  it('extract prints one JSON line per ad with where it came from', async () => {
    const r = await cli(['extract', join(fixtures, 'pages', 'olx', 'listing-praca.html'), '--url', 'https://www.olx.pl/praca/']);
    expect(r.code).toBe(0);
    const out = lines(r.out);
    expect(out).toHaveLength(3);
    expect(out[0]).toMatchObject({ kind: 'card', pageKind: 'listing', extractor: 'adapter:olx', category: 'job', country: 'PL', url: 'https://www.olx.pl/oferta/praca/pakowanie-kosmetykow-holandia-CID4-IDtest01.html' });
    expect(out[0].assessment).toBeUndefined();
  });
  it('scan adds each ad\'s assessment and does not score non-job classifieds', async () => {
    const r = await cli(['scan', join(fixtures, 'generic', 'cards.html'), '--url', 'https://bacheca.example.it/lavoro']);
    const out = lines(r.out);
    expect(out).toHaveLength(4);
    const lure = out.find((o) => o.title.startsWith('Ragazze immagine'));
    expect(lure.assessment.flags.map((f: { rule: string }) => f.rule)).toContain('young_women_hospitality_model_abroad');
    const cars = lines((await cli(['scan', join(fixtures, 'generic', 'cars.html'), '--url', 'https://autos.example.de/'])).out);
    expect(cars.every((c) => c.assessment === null && c.skipped === 'non-job classified')).toBe(true);
  });
  it('reports a page without ads, a missing file and a bad URL', async () => {
    const blocked = await cli(['scan', join(fixtures, 'generic', 'captcha.html'), '--url', 'https://www.example.de/']);
    expect(blocked.code).toBe(0);
    expect(blocked.out).toBe('');
    expect(blocked.err).toMatch(/no ads \(bot check/);
    const missing = await cli(['extract', join(dir, 'nope.html')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/nope\.html: no such file/);
    expect((await cli(['extract', join(fixtures, 'generic', 'cards.html'), '--url', 'olx.pl'])).code).toBe(2);
  });
});
