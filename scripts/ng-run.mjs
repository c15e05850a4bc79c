// Runs the Angular CLI (`ng build …` or `ng test …`) and makes sure it ends. With Node 24 on Linux, the CLI may
// stay alive after it has written the bundle or run the tests: its esbuild service child stays referenced, and
// `npm start`, `npm test` and CI would wait for ever (io_uring off, UV_USE_IO_URING=0, makes it rarer, not gone).
// Once the CLI has printed its final summary — « Output location » after a complete bundle, or Vitest's
// « Duration » after its counts — it is given a few seconds to exit by itself, then stopped. The exit code is
// the CLI's own when it exits, else what its summary says (a failed test or build is never turned into 0).
import { spawn } from 'node:child_process';

const [command, ...args] = process.argv.slice(2);
const child = spawn('ng', [command, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, UV_USE_IO_URING: '0' } });
// Vitest colours its summary: compare without the escape codes.
const plain = (text) => text.replace(/\u001b\[[0-9;]*m/g, '');
let output = '';
let verdict = null; // null: not finished yet; 0 or 1: what the summary says
let timer;
const watch = (chunk, stream) => {
  stream.write(chunk);
  output += plain(chunk.toString());
  if (verdict !== null) return;
  if (command === 'build' && /Application bundle generation complete/.test(output) && /Output location:/.test(output)) verdict = 0;
  if (command === 'test' && /Test Files\s/.test(output) && /Duration\s/.test(output)) {
    verdict = /Test Files[^\n]*failed|Tests[^\n]*failed|Errors?\s/.test(output) || !/Test Files[^\n]*passed/.test(output) ? 1 : 0;
  }
  if (verdict !== null) timer = setTimeout(() => child.kill('SIGTERM'), 5000);
};
child.stdout.on('data', (chunk) => watch(chunk, process.stdout));
child.stderr.on('data', (chunk) => watch(chunk, process.stderr));
child.on('exit', (code, signal) => {
  clearTimeout(timer);
  if (code !== null && !signal) process.exit(code);
  process.exit(verdict ?? 1);
});
