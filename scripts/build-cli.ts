/** Bundles the CLI with esbuild into dist/telltale.mjs (one file, fast to start). */
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/bin.ts'],
  outfile: 'dist/telltale.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: false,
  legalComments: 'linked',
  // Some dependencies are CommonJS: give the ESM bundle a require() for them.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
});
console.log('cli: dist/telltale.mjs');
