/**
 * Store-ready builds (npm test builds both): the manifests ask only for the permissions the README
 * explains, Firefox's has its gecko settings, and `web-ext lint` finds no error in the Firefox build
 * (its warnings come from third-party code, listed in the README).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';


const OUT = join(import.meta.dirname, '..', '.output');
const manifest = (dir: string) => JSON.parse(readFileSync(join(OUT, dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
const PERMISSIONS = ['activeTab', 'contextMenus', 'scripting', 'storage'];

describe.skipIf(!existsSync(join(OUT, 'chrome-mv3', 'manifest.json')) || !existsSync(join(OUT, 'firefox-mv2', 'manifest.json')))('store builds', () => {
  it('ask only for the permissions the README explains, and no host permission beyond the boards', () => {
    const chrome = manifest('chrome-mv3');
    // sidePanel: Chrome's side panel (the review queue); Firefox's sidebar needs no permission.
    expect([...(chrome.permissions as string[])].sort()).toEqual([...PERMISSIONS, 'sidePanel'].sort());
    expect(chrome.side_panel).toEqual({ default_path: 'sidepanel.html' });
    expect(chrome.host_permissions ?? []).toEqual([]);
    const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
    for (const p of [...PERMISSIONS, 'sidePanel']) expect(readme, `README explains ${p}`).toContain(`\`${p}\``);
    const firefox = manifest('firefox-mv2');
    expect((firefox.permissions as string[]).filter((p) => !p.includes('://')).sort()).toEqual(PERMISSIONS);
    expect((firefox.sidebar_action as { default_panel: string }).default_panel).toBe('sidepanel.html');
    expect((firefox.browser_specific_settings as { gecko: { id: string } }).gecko.id).toBeTruthy();
  });

  it('pass web-ext lint without errors', () => {
    let out: string;
    try {
      out = execFileSync(process.execPath, [join(import.meta.dirname, '..', 'node_modules', 'web-ext', 'bin', 'web-ext.js'), 'lint', '--source-dir', join(OUT, 'firefox-mv2'), '--output', 'json', '--no-config-discovery'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      out = (e as { stdout?: string }).stdout ?? '';
    }
    const report = JSON.parse(out) as { summary: { errors: number }; errors: { code: string; message: string }[] };
    expect(report.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  }, 60_000);
});
