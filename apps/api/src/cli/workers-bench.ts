/**
 * Bench (k), issue #15: the same command load (32 clients creating projects and asking questions,
 * as in (c)) against the server started as users start it — `node apps/api/dist/main.js` — with
 * WORKERS=1 and WORKERS=2, next to a bare node:http process answering the same requests with a
 * fixed body, all three measured in the same run, rounds alternating. With WORKERS=2, the
 * read-your-writes lag (age of the oldest event not yet visible to queries, as /api/health/ready
 * reports it on whichever process answers) is sampled during the load.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CommandLoad {
  requests: number;
  errors: number;
  seconds: number;
  latencies: number[];
}

export interface WorkersSide {
  rps: number;
  p99: number;
  errors: number;
}

export interface WorkersBenchResult {
  one: WorkersSide;
  two: WorkersSide;
  bare: WorkersSide;
  /** Read-your-writes lag sampled on WORKERS=2 during its load (ms). */
  lagP50: number;
  lagP99: number;
  lagSamples: number;
}

const mainJs = resolve(dirname(fileURLToPath(import.meta.url)), '../main.js');

/** A bare HTTP process: the login the load starts with, then 201 and a small JSON body for every command. */
const BARE = `
const http = require('node:http');
let n = 0;
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    if (req.url === '/api/auth/login') {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Set-Cookie': ['carnet_session=bare; Path=/', 'carnet_csrf=bare; Path=/'] });
      return res.end('{}');
    }
    n++;
    res.writeHead(201, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ id: '00000000-0000-4000-8000-' + String(n).padStart(12, '0'), version: 1, position: n }));
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('ready\\n'));
`;

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolvePort(port));
    });
  });
}

async function waitFor(url: string, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

export async function benchWorkers(options: { dir: string; rounds: number; load: (url: string) => Promise<CommandLoad> }): Promise<WorkersBenchResult> {
  const children: ChildProcess[] = [];
  const stop = async () => {
    for (const child of children) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  };
  try {
    const barePort = await freePort();
    const bare = spawn(process.execPath, ['-e', BARE], { env: { ...process.env, PORT: String(barePort) }, stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(bare);
    await new Promise<void>((r) => bare.stdout!.once('data', () => r()));

    const server = async (workers: number) => {
      const port = await freePort();
      const child = spawn(process.execPath, [mainJs], {
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          DATA_DIR: join(options.dir, `workers-${workers}`),
          WORKERS: String(workers),
          DEMO_DATA: 'true',
          NODE_ENV: 'test',
          LOG_LEVEL: 'error',
          PUBLIC_RATE_LIMIT_PER_MINUTE: '0',
          AUDIT_ANCHOR_EVERY_EVENTS: '0',
          AUDIT_ANCHOR_MINUTES: '0',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      children.push(child);
      const url = `http://127.0.0.1:${port}`;
      await waitFor(`${url}/api/health/ready`, 120);
      // Every process up: as many distinct instances answer readiness as there are workers.
      const seen = new Set<string>();
      const deadline = Date.now() + 120_000;
      while (seen.size < workers && Date.now() < deadline) {
        const state = (await (await fetch(`${url}/api/health/ready`)).json()) as { projections: { instance: string } };
        seen.add(state.projections.instance);
        if (seen.size < workers) await new Promise((r) => setTimeout(r, 100));
      }
      return url;
    };
    const oneUrl = await server(1);
    const twoUrl = await server(2);

    const runs = { one: [] as CommandLoad[], two: [] as CommandLoad[], bare: [] as CommandLoad[] };
    const lags: number[] = [];
    for (let round = 0; round < options.rounds; round++) {
      // Alternated order: a noisy moment of the machine hits every side.
      const order = (['bare', 'one', 'two'] as const).map((_, i, all) => all[(i + round) % all.length]);
      for (const side of order) {
        if (side === 'two') {
          let sampling = true;
          const sampler = (async () => {
            while (sampling) {
              try {
                const state = (await (await fetch(`${twoUrl}/api/health/ready`)).json()) as { lagMs: number };
                lags.push(state.lagMs);
              } catch {
                // a sample lost under load is not a lag
              }
              await new Promise((r) => setTimeout(r, 50));
            }
          })();
          runs.two.push(await options.load(twoUrl));
          sampling = false;
          await sampler;
        } else runs[side].push(await options.load(side === 'one' ? oneUrl : `http://127.0.0.1:${barePort}`));
      }
    }
    const summary = (list: CommandLoad[]): WorkersSide => {
      const rates = list.map((r) => r.requests / r.seconds).sort((a, b) => a - b);
      return { rps: rates[Math.floor(rates.length / 2)], p99: percentile(list.flatMap((r) => r.latencies), 99), errors: list.reduce((n, r) => n + r.errors, 0) };
    };
    return { one: summary(runs.one), two: summary(runs.two), bare: summary(runs.bare), lagP50: percentile(lags, 50), lagP99: percentile(lags, 99), lagSamples: lags.length };
  } finally {
    await stop();
  }
}
