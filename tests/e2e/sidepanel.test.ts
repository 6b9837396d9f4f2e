/**
 * End to end, the review queue (side panel) in Chromium with the built extension: two board listings
 * open in one window, the panel (opened as a page of the same window) lists their ads most warning
 * signs first, a level filter narrows the list, the keyboard moves and marks an ad whose state
 * survives a reload, Enter takes the user to the ad's tab, the CSV export downloads with the
 * documented header, "delete everything" removes the review states, axe-core finds no violation, and
 * no extension context makes a request.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/review/export.js';
import { axeViolations, canRun, fixture, launch, serve, until, type Served, type Session } from './support.js';

/** The extension API as the worker's and the panel's code sees it. */
declare const chrome: {
  storage: { local: { get(k: string): Promise<Record<string, unknown>> } };
  runtime: { sendMessage(m: unknown): Promise<unknown> };
};

const OLX = '/praca/';
const KLEINANZEIGEN = '/s-jobs/berlin/minijob/k0c102l3331';

interface Row {
  key: string;
  level: string;
  score: number;
  title: string;
  state: string;
  selected: boolean;
}

const rows = (panel: Page): Promise<Row[]> =>
  panel.$$eval('[role="option"]', (els) =>
    els.map((e) => ({
      key: e.getAttribute('data-key') ?? '',
      level: /level-(\w+)/.exec(e.querySelector('.level')?.className ?? '')?.[1] ?? '',
      score: Number(/\d+/.exec(e.querySelector('.score')?.textContent ?? '')?.[0]),
      title: e.querySelector('.ad-title')?.textContent ?? '',
      state: e.querySelector('.review')?.textContent ?? '',
      selected: e.getAttribute('aria-selected') === 'true',
    })),
  );

describe.skipIf(!canRun())('the review queue (side panel) in Chromium', () => {
  let served: Served;
  let session: Session;
  let panel: Page;
  const boards = new Map<string, Page>();
  const downloads = mkdtempSync(join(tmpdir(), 'telltale-downloads-'));

  beforeAll(async () => {
    served = await serve(new Map([
      ['www.olx.pl' + OLX, fixture('pages/olx/listing-praca.html')],
      ['www.kleinanzeigen.de' + KLEINANZEIGEN, fixture('pages/kleinanzeigen/listing-jobs.html')],
    ]));
    session = await launch();
    for (const [host, path] of [['www.olx.pl', OLX], ['www.kleinanzeigen.de', KLEINANZEIGEN]] as const) {
      const page = await session.browser.newPage();
      await page.goto(served.url(host, path), { waitUntil: 'domcontentloaded' });
      await until(page, () => document.querySelectorAll('telltale-marker[data-telltale-card]').length === 3);
      boards.set(host, page);
    }
    panel = await session.browser.newPage();
    await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
    await until(panel, () => document.querySelectorAll('[role="option"]').length === 6);
  });

  afterAll(async () => {
    await session?.close();
    served?.server.close();
    rmSync(downloads, { recursive: true, force: true });
  });

  it("lists the window's ads, highest level and score first", async () => {
    const list = await rows(panel);
    expect(list.map((r) => r.title)).toContain('Kierowca C+E – trasy krajowe');
    expect(list[0]).toMatchObject({ level: 'high', title: 'Job in den Niederlanden – sofort Start, Unterkunft + Transport inklusive' });
    const rank = { none: 0, low: 1, elevated: 2, high: 3 } as Record<string, number>;
    const order = list.map((r) => rank[r.level]! * 1000 + r.score);
    expect(order).toEqual([...order].sort((a, b) => b - a));
    expect(list.every((r) => r.state === 'New')).toBe(true);
    expect(await panel.$eval('#queue-count', (e) => e.textContent)).toBe('6 of 6 ads shown');
  });

  it('narrows the list with a level filter', async () => {
    await panel.click('input[name="level"][value="low"]');
    await until(panel, () => document.querySelectorAll('[role="option"]').length === 1);
    expect((await rows(panel)).map((r) => r.level)).toEqual(['high']);
    await panel.click('input[name="level"][value="low"]');
    await until(panel, () => document.querySelectorAll('[role="option"]').length === 6);
  });

  it('moves with the keyboard and marks an ad, whose state survives a reload', async () => {
    await panel.focus('[role="listbox"]');
    await panel.keyboard.press('j');
    await panel.keyboard.press('j');
    await panel.keyboard.press('k');
    const before = await rows(panel);
    expect(before.findIndex((r) => r.selected)).toBe(1);
    expect(await panel.$eval('[role="listbox"]', (e) => e.getAttribute('aria-activedescendant'))).toBe('queue-ad-1');
    await panel.keyboard.press('e');
    const marked = before[1]!;
    await until(panel, (key) => document.querySelector(`[data-key="${CSS.escape(key)}"] .review`)?.textContent === 'Escalated', 20_000, marked.key);
    expect(await panel.$eval('[role="status"]', (e) => e.textContent)).toBe(`${marked.title}: Escalated`);
    // Marking moves on to the next ad.
    expect((await rows(panel)).findIndex((r) => r.selected)).toBe(2);
    await panel.reload();
    await until(panel, () => document.querySelectorAll('[role="option"]').length === 6);
    const after = await rows(panel);
    expect(after.find((r) => r.key === marked.key)?.state).toBe('Escalated');
    expect(after.filter((r) => r.state === 'Escalated')).toHaveLength(1);
    await panel.select('#queue-state', 'escalated');
    expect((await rows(panel)).map((r) => r.key)).toEqual([marked.key]);
    await panel.select('#queue-state', 'all');
  });

  it("takes the user to the ad's tab with Enter", async () => {
    await panel.focus('[role="listbox"]');
    await panel.keyboard.press('Home');
    const title = (await rows(panel))[0]!.title;
    await panel.keyboard.press('Enter');
    // The ad's tab is the active one, and its card's marker has the focus.
    const board = boards.get('www.kleinanzeigen.de')!;
    expect(await until(board, () => document.visibilityState === 'visible')).toBe(true);
    const focused = await until(board, () => {
      const host = document.activeElement;
      return host?.tagName.toLowerCase() === 'telltale-marker' ? (host.closest('article, li')?.textContent ?? '') : '';
    });
    expect(focused).toContain(title);
    await panel.bringToFront();
  });

  it('exports the list as CSV with the documented header', async () => {
    const cdp = await session.browser.target().createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads, eventsEnabled: true });
    const done = new Promise<void>((resolve) => cdp.on('Browser.downloadProgress', (e: { state: string }) => e.state === 'completed' && resolve()));
    await panel.click('#export-csv');
    await done;
    const [file] = readdirSync(downloads);
    expect(file).toMatch(/^telltale-queue-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(join(downloads, file!), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('level,score,review_state,title,ad_url,page_url,indicators,matched_words,related_ads,rules_version,scored_at');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines.filter(Boolean)).toHaveLength(7);
    expect(lines[1]).toMatch(/^high,\d+,new,/);
    expect(csv).toContain(',escalated,');
  });

  it('has no accessibility violation (axe-core), light and dark', async () => {
    await panel.focus('[role="listbox"]');
    for (const scheme of ['light', 'dark'] as const) {
      await panel.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      expect(await axeViolations(panel), scheme).toEqual([]);
    }
  });

  it('loses the review states with "delete everything"', async () => {
    expect(Object.keys(await panel.evaluate(() => chrome.storage.local.get('reviewStates')))).toEqual(['reviewStates']);
    await panel.evaluate(() => chrome.runtime.sendMessage({ type: 'delete-all' }));
    expect(await panel.evaluate(() => chrome.storage.local.get('reviewStates'))).toEqual({});
    await until(panel, () => document.querySelector('.empty') !== null);
  });

  it('made no network request from any extension context', () => {
    expect(session.extensionRequests).toEqual([]);
  });
});
