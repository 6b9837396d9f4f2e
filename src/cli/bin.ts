/** Entry of the bundled CLI (dist/telltale.mjs). */
import { run } from './main.js';

run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin }).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`telltale: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 2;
  },
);
