#!/usr/bin/env node
// The CLI is bundled to dist/ by `npm run build:cli` (run by `npm ci` through the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/telltale.mjs', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write('telltale: the CLI is not built yet; run `npm run build:rules && npm run build:cli` in the repository\n');
  process.exit(2);
}
await import(bundle.href);
