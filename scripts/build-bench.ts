/**
 * Bundles the benchmark with esbuild into dist/bench.mjs, so that `npm run bench` measures the
 * engine as it ships (bundled, as in the extension and the CLI) and not through tsx's loader.
 */
import { build } from 'esbuild';

await build({
  entryPoints: ['scripts/bench.ts'],
  outfile: 'dist/bench.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
});
