/**
 * End-to-end support: Debian's Chromium driven by puppeteer-core with the built extension loaded,
 * and a server on 127.0.0.1 that serves fixture pages under the boards' real host names (Chromium's
 * --host-resolver-rules sends every name to the loopback server, so nothing can leave the machine).
 * Every request of the suite is recorded, per context, so that a test can check that no extension
 * context asked for anything.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page, type Target } from 'puppeteer-core';

export const ROOT = join(import.meta.dirname, '..', '..');
export const EXTENSION = join(ROOT, '.output', 'chrome-mv3');
export const FIXTURES = join(ROOT, 'tests', 'fixtures');

/** Chromium to drive, or undefined (then the end-to-end suite is skipped). */
export function chromiumPath(): string | undefined {
  for (const p of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) if (p && existsSync(p)) return p;
  return undefined;
}

export const canRun = () => chromiumPath() !== undefined && existsSync(join(EXTENSION, 'manifest.json'));

/** Pages by host and path ("www.olx.pl/praca/"); a function route gets the request's URL. */
export type Routes = Map<string, string | ((url: URL) => string)>;

export interface Served {
  server: Server;
  port: number;
  /** Every request the server answered, as host + path. */
  log: string[];
  url(host: string, path: string): string;
}

/**
 * HTTPS, with a self-signed certificate made for these tests (test-server.crt / .key, no secret):
 * Chromium upgrades HSTS-preloaded boards (bazos.sk...) to HTTPS whatever the URL says, and the
 * browser is told to accept the certificate.
 */
export async function serve(routes: Routes): Promise<Served> {
  const log: string[] = [];
  const tls = { key: readFileSync(join(import.meta.dirname, 'test-server.key')), cert: readFileSync(join(import.meta.dirname, 'test-server.crt')) };
  const server = createServer(tls, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(req.url ?? '/', `http://${host}`);
    log.push(`${host}${url.pathname}${url.search}`);
    const route = routes.get(`${host}${url.pathname}`);
    if (route === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(typeof route === 'function' ? route(url) : route);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { server, port, log, url: (host, path) => `https://${host}:${port}${path}` };
}

export const fixture = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');

export interface Session {
  browser: Browser;
  extensionId: string;
  /** Requests made by extension contexts (service worker, extension pages), as URLs. */
  extensionRequests: string[];
  /** Requests made by web pages (the tests check they all went to the loopback server). */
  pageRequests: string[];
  profile: string;
  close(): Promise<void>;
}

/**
 * Chromium with the built extension, every host name resolved to the loopback server, which it
 * trusts (its certificate is the tests' own).
 */
export async function launch(options: { profile?: string } = {}): Promise<Session> {
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'telltale-e2e-'));
  const browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    pipe: true,
    acceptInsecureCerts: true,
    enableExtensions: [EXTENSION],
    userDataDir: profile,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-quic', '--no-first-run', '--no-default-browser-check', '--disable-features=Translate,OptimizationHints,MediaRouter',
      '--host-resolver-rules=MAP * 127.0.0.1', '--ignore-certificate-errors',
    ],
  });
  const extensionRequests: string[] = [];
  const pageRequests: string[] = [];
  const watch = async (target: Target) => {
    if (!['page', 'service_worker', 'background_page', 'other'].includes(target.type())) return;
    try {
      const cdp = await target.createCDPSession();
      await cdp.send('Network.enable');
      cdp.on('Network.requestWillBeSent', (e: { request: { url: string } }) => {
        const u = e.request.url;
        // Only what could go over a network: the browser's own chrome:// and extension files cannot.
        if (!/^(?:https?|wss?|ftp):/i.test(u)) return;
        if (target.url().startsWith('chrome-extension://')) extensionRequests.push(u);
        else pageRequests.push(u);
      });
    } catch {
      // a target that went away before it could be watched
    }
  };
  browser.on('targetcreated', (t: Target) => void watch(t));
  for (const t of browser.targets()) await watch(t);
  const worker = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().endsWith('/background.js'), { timeout: 20_000 });
  const extensionId = new URL(worker.url()).host;
  return {
    browser, extensionId, extensionRequests, pageRequests, profile,
    close: async () => {
      await browser.close();
      if (!options.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Moves the pointer to `at` and returns the text of the highlight tooltip once it shows. */
export async function tooltipAt(page: Page, at: { x: number; y: number }): Promise<string> {
  await page.mouse.move(at.x, at.y);
  return until(page, () => {
    const host = document.querySelector<HTMLElement>('telltale-marker[data-telltale-tooltip]');
    return host?.style.display === 'block' ? (host.shadowRoot?.textContent ?? '') : '';
  });
}

/** Waits until `fn` (run in the page, with `args`) returns a truthy value, and returns it. */
export async function until<T, A extends unknown[]>(page: Page, fn: (...args: A) => T, timeout = 20_000, ...args: A): Promise<T> {
  const handle = await page.waitForFunction(fn as (...a: unknown[]) => T, { timeout, polling: 100 }, ...args);
  return (await handle.jsonValue()) as T;
}

/** The worker of the extension, to evaluate extension calls in (context menus, tabs). */
export async function serviceWorker(session: Session) {
  const target = await session.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${session.extensionId}/`));
  return (await target.worker())!;
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on a page (WCAG 2.x A and AA rules), as "rule: target" lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(o: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  return result;
}
