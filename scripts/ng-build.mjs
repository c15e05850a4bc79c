// Runs `ng build` (the web app) and makes sure it ends. With Node 24 on Linux, the Angular CLI may keep running
// after it has written the bundle when libuv uses io_uring (its esbuild service child stays referenced), and
// `npm start`, `npm run build` and CI would wait for ever: io_uring is turned off for the CLI (UV_USE_IO_URING=0,
// as for `ng test`). In case it still lingers, once the build says it is complete and where the files are, the
// CLI is given a few seconds to exit by itself, then stopped; a failed build keeps its own exit code.
import { spawn } from 'node:child_process';

const child = spawn('ng', ['build', ...process.argv.slice(2)], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, UV_USE_IO_URING: '0' } });
let output = '';
let complete = false;
let timer;
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  output += chunk.toString();
  if (!complete && /Application bundle generation complete/.test(output) && /Output location:/.test(output)) {
    complete = true;
    timer = setTimeout(() => child.kill('SIGTERM'), 5000);
  }
});
child.on('exit', (code, signal) => {
  clearTimeout(timer);
  process.exit(complete ? 0 : (code ?? (signal ? 1 : 0)));
});
