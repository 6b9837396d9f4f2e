import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The manifest is a function of the target browser so that Chrome does not warn about Firefox keys.
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'assets/public',
  vite: () => ({ plugins: [preact()] }),
  // The sources zip (for Mozilla's review) holds what the repository holds, not local build output.
  zip: { excludeSources: ['dist/**', 'scratch/**', 'src/rules/*.generated.json'] },
  manifest: ({ browser }) => ({
    name: 'Telltale',
    description: 'Shows the warning signs of deceptive recruitment in job ads, with the words that triggered them. Nothing leaves your browser.',
    // storage: settings and per-tab results; contextMenus, activeTab and scripting: the two
    // "check with Telltale" commands on any page (activeTab: only the page clicked, only then).
    // "Save evidence" needs nothing more: the toolbar click that opens the popup grants activeTab,
    // which allows tabs.captureVisibleTab (Chrome; Firefox from 126) and, with scripting, reading the
    // page's HTML; the .zip is offered by an <a download> from the popup, so no `downloads`.
    permissions: ['storage', 'contextMenus', 'activeTab', 'scripting'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'telltale@telltale.invalid',
              // 140: the first version (an ESR) that knows data_collection_permissions.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
