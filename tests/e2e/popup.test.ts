/**
 * End to end, the popup and the options page in Chromium with the built extension: on an OLX ad the
 * popup lists the signs with their words and the helplines of Poland, and switches language; the
 * toolbar badge shows the level; settings survive a browser restart with the same profile; a broken
 * custom rule pack shows its problems and scoring goes on; discreet mode hides the badge text;
 * axe-core finds no violation in light and dark mode; no extension context makes a request.
 * The popup's screenshot (README) is written to .output/screenshots/.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, canRun, fixture, launch, ROOT, serve, serviceWorker, until, type Served, type Session } from './support.js';

/** The extension API as the worker's code sees it (these callbacks run inside the service worker). */
declare const chrome: {
  action: { getBadgeText(d: { tabId: number }): Promise<string>; getTitle(d: { tabId: number }): Promise<string> };
  tabs: { query(q: { active?: boolean; lastFocusedWindow?: boolean; url?: string }): Promise<{ id?: number; url?: string }[]> };
  storage: { local: { get(k: string): Promise<Record<string, unknown>> } };
};

const DETAIL = '/d/oferta/praca-w-niemczech-montaz-paneli-CID4-IDtest04.html';
const SHOTS = join(ROOT, '.output', 'screenshots');

describe.skipIf(!canRun())('the popup and the options page in Chromium', () => {
  let served: Served;
  let session: Session;
  const profile = mkdtempSync(join(tmpdir(), 'telltale-e2e-profile-'));
  const extensionRequests: string[] = [];

  beforeAll(async () => {
    served = await serve(new Map([
      ['www.olx.pl' + DETAIL, fixture('pages/olx/detail-job.html')],
      ['www.olx.pl/praca/', fixture('pages/olx/listing-praca.html')],
    ]));
    session = await launch({ profile });
  });

  afterAll(async () => {
    await session?.close();
    served?.server.close();
    rmSync(profile, { recursive: true, force: true });
  });

  /** Opens a board page and waits until the content script had it scored. */
  async function board(path: string, ready: () => boolean): Promise<Page> {
    const page = await session.browser.newPage();
    await page.goto(served.url('www.olx.pl', path), { waitUntil: 'domcontentloaded' });
    await until(page, ready);
    await page.bringToFront();
    return page;
  }

  /** The real popup of the extension's action, opened on `page`'s tab. */
  async function popupOn(page: Page): Promise<Page> {
    const extension = (await session.browser.extensions()).get(session.extensionId)!;
    await page.triggerExtensionAction(extension);
    const target = await session.browser.waitForTarget((t) => t.url().endsWith('/popup.html'), { timeout: 15_000 });
    const popup = (await target.asPage())!;
    await popup.waitForSelector('#page-h', { timeout: 15_000 });
    await popup.waitForFunction(() => document.querySelector('.report, .ads, #page-h + p') !== null, { timeout: 15_000 });
    return popup;
  }

  async function activeTabId(): Promise<number> {
    const worker = await serviceWorker(session);
    return worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
  }

  async function options(): Promise<Page> {
    const page = await session.browser.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/options.html`);
    await page.waitForSelector('#opt-language');
    return page;
  }

  it('lists the signs of the ad with their words and what to check, and the helplines of Poland', async () => {
    const page = await board(DETAIL, () => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('telltale-flag'));
    const popup = await popupOn(page);
    const text = await popup.evaluate(() => document.body.innerText);
    expect(text).toContain('Praca w Niemczech – montaż paneli');
    expect(text).toContain('Few warning signs');
    expect(text).toContain('Travel and housing arranged');
    expect(text).toContain('Oferujemy umowę o pracę, zakwaterowanie');
    expect(text).toContain('What you can check');
    expect(text).toContain('Reassuring details');
    // Helplines of the board's country, as tel: links, and 112.
    const links = await popup.$$eval('a[href^="tel:"]', (as) => as.map((a) => a.getAttribute('href')));
    expect(links).toContain('tel:+48226280120');
    expect(links).toContain('tel:112');
    expect(await popup.$eval('#help-country', (s) => (s as HTMLSelectElement).value)).toBe('PL');
    mkdirSync(SHOTS, { recursive: true });
    await popup.setViewport({ width: 400, height: 600 });
    await popup.screenshot({ path: join(SHOTS, 'popup.png') });
    // The toolbar badge shows the level of the tab's ad.
    const tabId = await activeTabId();
    const worker = await serviceWorker(session);
    expect(await worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('!');
    expect(await worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId)).toBe('Telltale: Few warning signs');
    await popup.close();
    await page.close();
  });

  it("takes the user to the board's own report button", async () => {
    const page = await board(DETAIL, () => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('telltale-flag'));
    const popup = await popupOn(page);
    const [button] = await popup.$$("xpath/.//button[contains(., \"report button\")]");
    expect(button).toBeDefined();
    await button!.click();
    expect(await until(page, () => document.activeElement?.textContent ?? '')).toBe('Zgłoś');
    await page.close();
  });

  it('switches the interface language', async () => {
    const page = await board(DETAIL, () => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('telltale-flag'));
    const popup = await popupOn(page);
    await popup.select('#ui-language', 'de');
    await popup.waitForFunction(() => document.querySelector('main')?.getAttribute('lang') === 'de');
    const text = await popup.evaluate(() => document.body.innerText);
    expect(text).toContain('Diese Seite');
    expect(text).toContain('Hilfe');
    await popup.select('#ui-language', 'en');
    await popup.close();
    await page.close();
  });

  it('lists a listing page\'s ads most warning signs first', async () => {
    const page = await board('/praca/', () => document.querySelectorAll('telltale-marker[data-telltale-card]').length === 3);
    const popup = await popupOn(page);
    const scores = await popup.$$eval('.ads .score', (els) => els.map((e) => Number(/\d+/.exec(e.textContent ?? '')?.[0])));
    expect(scores).toHaveLength(3);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // "Show on the page": the popup closes and the card's marker has the focus.
    const title = await popup.$eval('.ads .ad-title', (e) => e.textContent);
    await popup.click('.ads button');
    const focused = await until(page, () => {
      const host = document.activeElement;
      return host?.tagName.toLowerCase() === 'telltale-marker' ? host.closest('[data-cy="l-card"]')?.querySelector('h6')?.textContent ?? '' : '';
    });
    expect(focused).toBe(title);
    await page.close();
  });

  it('has no accessibility violation (axe-core) in the popup and the options page, light and dark', async () => {
    const page = await board(DETAIL, () => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('telltale-flag'));
    // The popup closes when another page takes the focus: it is checked first, then the options.
    const popup = await popupOn(page);
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      expect(await axeViolations(popup), `popup, ${scheme}`).toEqual([]);
    }
    await popup.close();
    const opts = await options();
    for (const scheme of ['light', 'dark'] as const) {
      await opts.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      expect(await axeViolations(opts), `options, ${scheme}`).toEqual([]);
    }
    await opts.close();
    await page.close();
  });

  it('refuses a broken custom rule pack with its problems, and scoring goes on with the rules in use', async () => {
    const opts = await options();
    const dir = mkdtempSync(join(tmpdir(), 'telltale-pack-'));
    const file = join(dir, 'broken-pack.yaml');
    writeFileSync(file, 'version: "1"\nrules:\n  - id: Not An Id\n    weight: enormous\nnegation: {}\n');
    const input = await opts.$('#opt-pack');
    await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(file);
    const problems = await until(opts, () => document.querySelector('[role="alert"]')?.textContent ?? '');
    expect(problems).toMatch(/rules\.0\.id/);
    expect(problems).toMatch(/weight/);
    expect(await opts.evaluate(() => document.body.innerText)).toMatch(/built-in rules/);
    rmSync(dir, { recursive: true, force: true });
    await opts.close();
    const page = await board('/praca/', () => document.querySelectorAll('telltale-marker[data-telltale-card]').length === 3);
    await page.close();
  });

  it('hides the badge text in discreet mode', async () => {
    const opts = await options();
    await opts.click('input[aria-describedby="discreet-help"]');
    await opts.waitForFunction(() => document.querySelector('.status')?.textContent !== '');
    await opts.close();
    const page = await board(DETAIL, () => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('telltale-flag'));
    const tabId = await activeTabId();
    const worker = await serviceWorker(session);
    expect(await worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('');
    expect(await worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId)).toBe('Page tools');
    await page.close();
  });

  it('keeps the settings across a browser restart with the same profile', async () => {
    const opts = await options();
    await opts.select('#opt-language', 'pl');
    await opts.waitForFunction(() => document.querySelector('main')?.getAttribute('lang') === 'pl');
    await opts.close();
    extensionRequests.push(...session.extensionRequests);
    await session.close();
    session = await launch({ profile });
    const again = await options();
    expect(await again.$eval('#opt-language', (s) => (s as HTMLSelectElement).value)).toBe('pl');
    expect(await again.$eval('input[aria-describedby="discreet-help"]', (i) => (i as HTMLInputElement).checked)).toBe(true);
    expect(await again.evaluate(() => document.querySelector('h1')?.textContent)).not.toBe('Telltale settings');
    await again.close();
  });

  it('made no network request from any extension context', () => {
    expect([...extensionRequests, ...session.extensionRequests]).toEqual([]);
  });
});
