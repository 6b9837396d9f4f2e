/** Runs the telltale CLI in-process, as the shell would, and collects its output and exit status. */
import { PassThrough, Readable } from 'node:stream';
import { run } from '../src/cli/main.js';

export async function cli(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const code = await run(args, { stdout, stderr, stdin: Readable.from([stdin]) });
  return { code, out, err };
}
