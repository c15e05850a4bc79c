/**
 * Bench (k), issue #15: the same command load (32 clients creating projects and asking questions,
 * as in (c)) against the server started as users start it — `node apps/api/dist/main.js` — with
 * WORKERS=1 and WORKERS=2, next to a bare node:http process answering the same requests with a
 * fixed body, all three measured in the same run, rounds alternating. With WORKERS=2, the
 * read-your-writes lag (age of the oldest event not yet visible to queries, as /api/health/ready
 * reports it on whichever process answers) is sampled during the load.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
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
  /** CPU the side's processes used during its loads, in % of one core (Linux /proc; NaN elsewhere). */
  serverCpu: number;
  /** CPU the load generator (this process) used meanwhile, in % of one core. */
  loaderCpu: number;
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

/** A port nobody listens on now (loopback). */
export async function freePort(): Promise<number> {
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

/** CPU time (ms) of a process and its descendants, from /proc; NaN where there is none. */
function treeCpuMs(pid: number): number {
  const ticksPerMs = 100 / 1000; // USER_HZ is 100 on Linux
  const children = new Map<number, number[]>();
  let total = 0;
  const stats = new Map<number, number>();
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ');
        const parent = Number(fields[1]);
        children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
        stats.set(Number(entry), Number(fields[11]) + Number(fields[12]));
      } catch {
        // a process that ended meanwhile
      }
    }
  } catch {
    return NaN;
  }
  const visit = (p: number) => {
    total += stats.get(p) ?? 0;
    for (const child of children.get(p) ?? []) visit(child);
  };
  visit(pid);
  return total / ticksPerMs;
}

const ownCpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

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
      return { url, pid: child.pid! };
    };
    const one = await server(1);
    const two = await server(2);
    const [oneUrl, twoUrl] = [one.url, two.url];
    const pids = { bare: bare.pid!, one: one.pid, two: two.pid };

    const runs = { one: [] as CommandLoad[], two: [] as CommandLoad[], bare: [] as CommandLoad[] };
    // CPU of each side's processes and of the load generator during its loads: the generator shares
    // the machine's cores, so together they say how close to saturation each side ran.
    const cpu = { one: { server: 0, loader: 0, ms: 0 }, two: { server: 0, loader: 0, ms: 0 }, bare: { server: 0, loader: 0, ms: 0 } };
    const measured = async (side: 'one' | 'two' | 'bare', url: string) => {
      const [server0, loader0, t0] = [treeCpuMs(pids[side]), ownCpuMs(), performance.now()];
      const result = await options.load(url);
      cpu[side].server += treeCpuMs(pids[side]) - server0;
      cpu[side].loader += ownCpuMs() - loader0;
      cpu[side].ms += performance.now() - t0;
      return result;
    };
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
          runs.two.push(await measured('two', twoUrl));
          sampling = false;
          await sampler;
        } else runs[side].push(await measured(side, side === 'one' ? oneUrl : `http://127.0.0.1:${barePort}`));
      }
    }
    const summary = (side: 'one' | 'two' | 'bare'): WorkersSide => {
      const list = runs[side];
      const rates = list.map((r) => r.requests / r.seconds).sort((a, b) => a - b);
      return {
        rps: rates[Math.floor(rates.length / 2)],
        p99: percentile(list.flatMap((r) => r.latencies), 99),
        errors: list.reduce((n, r) => n + r.errors, 0),
        serverCpu: (100 * cpu[side].server) / cpu[side].ms,
        loaderCpu: (100 * cpu[side].loader) / cpu[side].ms,
      };
    };
    return { one: summary('one'), two: summary('two'), bare: summary('bare'), lagP50: percentile(lags, 50), lagP99: percentile(lags, 99), lagSamples: lags.length };
  } finally {
    await stop();
  }
}
