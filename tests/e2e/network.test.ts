/**
 * End to end, the cross-ad sign in Chromium with the built extension: two OLX ads on different pages
 * with the same phone number under different names. The second one read shows "same contact under
 * different names" with a link to the first (the popup and the review queue) and a tooltip on the
 * number; the first, read again, links to the second. "Delete
 * everything" empties the index. The pages are invented (the OLX detail fixture, and a second ad
 * made from it with another seller, text and city).
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canRun, fixture, launch, serve, tooltipAt, until, type Served, type Session } from './support.js';

const A = '/d/oferta/praca-w-niemczech-montaz-paneli-CID4-IDtest04.html';
const B = '/d/oferta/hostessa-do-klubu-w-wiedniu-CID4-IDtest77.html';

/** The second ad: another title, text, seller and city; the same number, written differently. */
function secondAd(): string {
  return fixture('pages/olx/detail-job.html')
    .replaceAll('Praca w Niemczech – montaż paneli', 'Hostessa do klubu w Wiedniu')
    .replace(/<div class="css-1t507yq">.*?<\/div>/s, '<div class="css-1t507yq">Szukamy miłych pań do pracy w klubie w Wiedniu. Wysokie zarobki, mieszkanie na miejscu.<br>Pisz na WhatsApp: 600-100-200</div>')
    .replace('<h4 data-testid="company-name">MONTEX Sp. z o.o.</h4>', '<h4 data-testid="user-profile-user-name">Kasia</h4>')
    .replace('<p class="css-1cju8pu">Wrocław</p><p>Dolnośląskie</p>', '<p class="css-1cju8pu">Kraków</p><p>Małopolskie</p>')
    .replace('18 - 22 € / godz. brutto', '3000 € / mies.');
}

describe.skipIf(!canRun())('cross-ad signs in Chromium', () => {
  let served: Served;
  let session: Session;

  beforeAll(async () => {
    served = await serve(new Map([
      ['www.olx.pl' + A, fixture('pages/olx/detail-job.html')],
      ['www.olx.pl' + B, secondAd()],
    ]));
    session = await launch();
  });

  afterAll(async () => {
    await session?.close();
    served?.server.close();
  });

  /** Opens an ad and waits until it was scored (its marker stands on the page). */
  async function open(path: string): Promise<Page> {
    const page = await session.browser.newPage();
    await page.goto(served.url('www.olx.pl', path), { waitUntil: 'domcontentloaded' });
    await until(page, () => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('telltale-flag'));
    await page.bringToFront();
    return page;
  }

  /** The links to other ads that the popup shows under the cross-ad sign. */
  async function relatedLinks(page: Page): Promise<{ sign: string; links: string[]; text: string }> {
    const extension = (await session.browser.extensions()).get(session.extensionId)!;
    await page.triggerExtensionAction(extension);
    const target = await session.browser.waitForTarget((t) => t.url().endsWith('/popup.html'), { timeout: 15_000 });
    const popup = (await target.asPage())!;
    await popup.waitForSelector('.report', { timeout: 15_000 });
    const out = await popup.evaluate(() => {
      const item = [...document.querySelectorAll('.flags > li')].find((li) => li.querySelector('.related'));
      return {
        sign: item?.querySelector('strong')?.textContent ?? '',
        links: [...(item?.querySelectorAll<HTMLAnchorElement>('.related a') ?? [])].map((a) => a.href),
        text: item?.querySelector('.related')?.textContent ?? '',
      };
    });
    await popup.close();
    return out;
  }

  it('links two ads with the same number under different names, each to the other', async () => {
    const first = await open(A);
    expect((await relatedLinks(first)).links).toEqual([]);
    const second = await open(B);
    // On the page: the tooltip of the highlighted number says that other ads have it too.
    const at = await second.evaluate(() => {
      for (const r of (CSS as unknown as { highlights: Map<string, Iterable<Range>> }).highlights.get('telltale-flag') ?? []) {
        if (!r.toString().includes('600-100-200')) continue;
        const b = r.getBoundingClientRect();
        return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      }
      return null;
    });
    expect(at).not.toBeNull();
    const tip = await tooltipAt(second, at!);
    expect(tip).toContain('Same contact under different names');
    expect(tip).toContain('also in other ads (1)');
    const seen = await relatedLinks(second);
    expect(seen.sign).toBe('Same contact under different names');
    expect(seen.links).toEqual([served.url('www.olx.pl', A)]);
    expect(seen.text).toContain('MONTEX Sp. z o.o.');
    expect(seen.text).toContain('same contact: +48600100200');
    await first.close();
    const again = await open(A);
    const back = await relatedLinks(again);
    expect(back.links).toEqual([served.url('www.olx.pl', B)]);
    expect(back.text).toContain('Kasia');
    // The review queue (side panel) links the selected ad to the other one too.
    const panel = await session.browser.newPage();
    await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
    await panel.waitForSelector(`li[data-key="${served.url('www.olx.pl', B)}"]`, { timeout: 15_000 });
    await panel.click(`li[data-key="${served.url('www.olx.pl', B)}"]`);
    const panelLinks = await until(panel, () => [...document.querySelectorAll<HTMLAnchorElement>('.related a')].map((a) => a.href).join(' '));
    expect(panelLinks).toBe(served.url('www.olx.pl', A));
    await panel.close();
    await again.close();
    await second.close();
  });

  it('"delete everything" empties the index', async () => {
    const options = await session.browser.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.waitForSelector('#opt-language');
    const answer = await options.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } } }).chrome.runtime.sendMessage({ type: 'delete-all' }));
    expect(answer.ok).toBe(true);
    await options.close();
    // The index is empty: the second ad, read again, finds nothing (and is indexed afresh).
    const second = await open(B);
    expect((await relatedLinks(second)).links).toEqual([]);
    await second.close();
  });
});
