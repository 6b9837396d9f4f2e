/** Entry of the bundled CLI (dist/telltale.mjs). */
import { run } from './main.js';

// A reader that stops early (`telltale score big.jsonl | head`) closes the pipe: that is the end of
// the run, not an error to print a stack for.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin }).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`telltale: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 2;
  },
);
