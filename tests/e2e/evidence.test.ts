/**
 * End to end, "Save evidence" in Chromium with the built extension and the built CLI: the real popup
 * of the toolbar button (its click grants activeTab, as a user's would) on an invented OLX listing
 * saves one .zip through the browser's own download; `node bin/telltale.mjs verify` passes it (exit
 * 0, every part OK), and fails it (exit 1, naming html) after one byte of its HTML is changed. In
 * discreet mode the file name is neutral; on a browser page that no extension may script, the HTML
 * is named as not captured, with the reason, and the bundle still verifies. No extension context
 * makes a request.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import type { CDPSession, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canRun, fixture, launch, ROOT, serve, until, type Served, type Session } from './support.js';

const CLI = join(ROOT, 'bin', 'telltale.mjs');
const BUILT = existsSync(join(ROOT, 'dist', 'telltale.mjs'));

/** `telltale verify` as a user runs it. */
function verify(file: string): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, 'verify', file], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const lineOf = (out: string, part: string) => out.split('\n').find((l) => l.startsWith(`${part} `)) ?? '';

describe.skipIf(!canRun() || !BUILT)('Save evidence in Chromium, checked with telltale verify', () => {
  let served: Served;
  let session: Session;
  let cdp: CDPSession;
  const downloads = mkdtempSync(join(tmpdir(), 'telltale-downloads-'));
  /** Finished downloads by their browser guid: the file name the browser gave them. */
  const started = new Map<string, string>();
  const finished = new Set<string>();

  beforeAll(async () => {
    served = await serve(new Map([['www.olx.pl/praca/', fixture('pages/olx/listing-praca.html')]]));
    session = await launch();
    // The browser's downloads go to a temporary folder, each under its own guid, and are reported.
    cdp = await session.browser.target().createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allowAndName', downloadPath: downloads, eventsEnabled: true });
    cdp.on('Browser.downloadWillBegin', (e: { guid: string; suggestedFilename: string }) => started.set(e.guid, e.suggestedFilename));
    cdp.on('Browser.downloadProgress', (e: { guid: string; state: string }) => {
      if (e.state === 'completed') finished.add(e.guid);
    });
  });

  afterAll(async () => {
    await session?.close();
    served?.server.close();
    rmSync(downloads, { recursive: true, force: true });
  });

  /** The real popup of the toolbar button on `page`'s tab (the click grants activeTab). */
  async function popupOn(page: Page): Promise<Page> {
    const extension = (await session.browser.extensions()).get(session.extensionId)!;
    await page.bringToFront();
    await page.triggerExtensionAction(extension);
    const target = await session.browser.waitForTarget((t) => t.url().endsWith('/popup.html'), { timeout: 15_000 });
    const popup = (await target.asPage())!;
    await popup.waitForSelector('#save-evidence', { timeout: 15_000 });
    return popup;
  }

  /** Clicks "Save evidence" and waits for the status and the finished download; returns its path, name and the status. */
  async function saveEvidence(popup: Page): Promise<{ file: string; name: string; status: string }> {
    const before = new Set(started.keys());
    await popup.click('#save-evidence');
    const status = await until(popup, () => {
      const s = document.querySelector('.evidence-status')?.textContent ?? '';
      return s && !s.endsWith('…') ? s : '';
    });
    const guid = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no download finished; status: ${status}`)), 20_000);
      const poll = setInterval(() => {
        const g = [...started.keys()].find((k) => !before.has(k) && finished.has(k));
        if (g) {
          clearTimeout(timer);
          clearInterval(poll);
          resolve(g);
        }
      }, 100);
    });
    return { file: join(downloads, guid), name: started.get(guid)!, status };
  }

  it('saves a bundle that telltale verify passes, and fails after one byte of the HTML changed', async () => {
    const page = await session.browser.newPage();
    await page.goto(served.url('www.olx.pl', '/praca/'), { waitUntil: 'domcontentloaded' });
    await until(page, () => document.querySelectorAll('telltale-marker[data-telltale-card]').length === 3);
    const popup = await popupOn(page);
    // A real, focusable button with its name, and a polite status.
    expect(await popup.$eval('#save-evidence', (b) => [b.tagName, b.textContent, (b as HTMLButtonElement).tabIndex])).toEqual(['BUTTON', 'Save evidence', 0]);
    expect(await popup.$eval('.evidence-status', (s) => [s.getAttribute('role'), s.getAttribute('aria-live')])).toEqual(['status', 'polite']);
    const saved = await saveEvidence(popup);
    expect(saved.name).toMatch(/^telltale-evidence-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.zip$/);
    expect(saved.status).toContain(`Saved as ${saved.name}`);
    expect(saved.status).not.toContain('Not captured');

    const zip = new Uint8Array(readFileSync(saved.file));
    const files = unzipSync(zip);
    const record = JSON.parse(strFromU8(files['record.json']!));
    // The status shows the start of the record's fingerprint, to note down.
    expect(saved.status.replace(/\s/g, '')).toContain(strFromU8(files['record.sha256']!).slice(0, 16));
    expect(record).toMatchObject({ format: 'telltale-evidence/1', url: served.url('www.olx.pl', '/praca/'), pageKind: 'listing', extension: { name: 'Telltale', version: '0.1.0' } });
    expect(record.capturedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(record.title).toBe(await page.title());
    expect(record.rules.custom).toBe(false);
    expect(record.ads).toHaveLength(3);
    for (const ad of record.ads) expect(ad.assessment.rulesVersion).toBe(record.rules.version);
    expect([...files['screenshot.png']!.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(strFromU8(files['page.html']!)).toContain('data-cy="l-card"');

    const ok = verify(saved.file);
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
    for (const part of ['text', 'screenshot', 'html', 'record']) expect(lineOf(ok.out, part), part).toMatch(/^\w+ +OK +sha256 [0-9a-f]{64} /);

    // One byte of the HTML changed, re-zipped with the same record: html fails, the rest still match.
    const html = files['page.html']!.slice();
    const at = strFromU8(html).indexOf('<body');
    html[at + 1] = html[at + 1]! ^ 0x20; // "<body" becomes "<Body"
    const changed = join(downloads, 'changed.zip');
    writeFileSync(changed, zipSync({ ...files, 'page.html': html }));
    const bad = verify(changed);
    expect(bad.code).toBe(1);
    expect(lineOf(bad.out, 'html')).toMatch(new RegExp(`MISMATCH +page.html: expected sha256 ${record.files.html.sha256}, actual [0-9a-f]{64}`));
    for (const part of ['text', 'screenshot', 'record']) expect(lineOf(bad.out, part), part).toMatch(/ OK /);
    await page.close();
  });

  it('names a part it could not capture on a browser page, and the bundle still verifies', async () => {
    const page = await session.browser.newPage();
    await page.goto('chrome://version');
    const popup = await popupOn(page);
    const saved = await saveEvidence(popup);
    expect(saved.status).toMatch(/Not captured \(the record says why\): .*the page's HTML/);
    const record = JSON.parse(strFromU8(unzipSync(new Uint8Array(readFileSync(saved.file)))['record.json']!));
    expect(record.files.html.missing).toMatch(/chrome:\/\//);
    expect(record.files.text.missing).toBe('no ad was read on this page');
    const r = verify(saved.file);
    expect(r.code).toBe(0);
    expect(lineOf(r.out, 'html')).toMatch(/NOT CAPTURED +page.html was not captured when saving: .*chrome:\/\//);
    await page.close();
  });

  it('gives the file a neutral name in discreet mode', async () => {
    const opts = await session.browser.newPage();
    await opts.goto(`chrome-extension://${session.extensionId}/options.html`);
    await opts.waitForSelector('input[aria-describedby="discreet-help"]');
    await opts.click('input[aria-describedby="discreet-help"]');
    await opts.waitForFunction(() => document.querySelector('.status')?.textContent !== '');
    await opts.close();
    const page = await session.browser.newPage();
    await page.goto(served.url('www.olx.pl', '/praca/'), { waitUntil: 'domcontentloaded' });
    await until(page, () => document.querySelectorAll('telltale-marker[data-telltale-card]').length === 3);
    const saved = await saveEvidence(await popupOn(page));
    expect(saved.name).toMatch(/^capture-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.zip$/);
    expect(verify(saved.file).code).toBe(0);
    await page.close();
  });

  it('made no network request from any extension context', () => {
    expect(session.extensionRequests).toEqual([]);
  });
});
