/*
 * (l) issue #17: what serving all of France on one instance costs when nobody uses it yet. The
 * server is started as users start it (`node apps/api/dist/main.js`, one process, an empty log,
 * no demo data) with DEPARTEMENTS=95 and DEPARTEMENTS=all, alternately: time until
 * /api/health/ready answers, resident memory at rest, then after the pages every Département's
 * people and visitors open first (its communes, its map outlines, the national portal), and the
 * answer times of those pages. The latencies of lists, search and dashboards on a national log
 * are measured by `npm run bench:national` (README, « National scale »).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './workers-bench.js';

export interface DepartementsBenchSide {
  /** Spawn → /api/health/ready 200, ms (median of the rounds). */
  startupMs: number;
  /** Resident memory 3 s after ready, MiB (median). */
  restMiB: number;
  /** Resident memory after the first pages, MiB (median). */
  afterPagesMiB: number;
  /** p99 of the first pages' answers, ms, over every round. */
  pagesP99Ms: number;
  pages: number;
}

export interface DepartementsBenchResult {
  one: DepartementsBenchSide;
  all: DepartementsBenchSide;
  departementsServed: number;
  communesServed: number;
}

/** Resident set of a process (Linux /proc), MiB; NaN elsewhere. */
function rssMiB(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return line ? Number(line.replace(/\D+/g, '')) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const p99 = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] ?? Number.NaN;
};

/** One start of the server: its start-up time, memory, and the first pages' answer times. */
async function startOnce(dataDir: string, departements: string, pages: string[]): Promise<{ startupMs: number; restMiB: number; afterPagesMiB: number; latencies: number[] }> {
  const mainJs = fileURLToPath(new URL('../main.js', import.meta.url));
  const port = await freePort();
  const t0 = performance.now();
  const child: ChildProcess = spawn(process.execPath, [mainJs], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      WORKERS: '1',
      DEPARTEMENTS: departements,
      DEPARTEMENT: '',
      DEMO_DATA: 'false',
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      PUBLIC_RATE_LIMIT_PER_MINUTE: '0',
      AUDIT_ANCHOR_AT_STARTUP: 'false',
      AUDIT_ANCHOR_EVERY_EVENTS: '0',
      AUDIT_ANCHOR_MINUTES: '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 120_000;
    for (;;) {
      try {
        if ((await fetch(`${url}/api/health/ready`)).ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`DEPARTEMENTS=${departements}: not ready within 120 s`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const startupMs = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 3000));
    const restMiB = rssMiB(child.pid!);
    const latencies: number[] = [];
    for (const page of pages) {
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        const res = await fetch(`${url}${page}`);
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`${page}: ${res.status}`);
        latencies.push(performance.now() - t);
      }
    }
    return { startupMs, restMiB, afterPagesMiB: rssMiB(child.pid!), latencies };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

export async function benchDepartements(options: { dir: string; rounds: number }): Promise<DepartementsBenchResult> {
  // What a Val-d'Oise person and a visitor open first; on the national instance, the same for the Yvelines and Corsica.
  const pagesOne = ['/api/map/communes.geojson?departement=95', '/projets-publics', '/projets-publics/carte', '/api/public/v1/projects?departement=95'];
  const pagesAll = [...pagesOne, '/api/map/communes.geojson?departement=78', '/api/map/communes.geojson?departement=2A', '/projets-publics/departements/78', '/projets-publics/carte?departement=2A'];
  const sides = { one: [] as Awaited<ReturnType<typeof startOnce>>[], all: [] as Awaited<ReturnType<typeof startOnce>>[] };
  // Alternated, each on a fresh data folder: the machine's moods fall on both sides.
  for (let round = 0; round < options.rounds; round++) {
    sides.one.push(await startOnce(join(options.dir, `departements-one-${round}`), '95', pagesOne));
    sides.all.push(await startOnce(join(options.dir, `departements-all-${round}`), 'all', pagesAll));
  }
  const summary = (runs: typeof sides.one, pages: number): DepartementsBenchSide => ({
    startupMs: median(runs.map((r) => r.startupMs)),
    restMiB: median(runs.map((r) => r.restMiB)),
    afterPagesMiB: median(runs.map((r) => r.afterPagesMiB)),
    pagesP99Ms: p99(runs.flatMap((r) => r.latencies)),
    pages,
  });
  const communes = (await import('node:module')).createRequire(import.meta.url)('@etalab/decoupage-administratif/data/communes.json') as Array<{ type: string }>;
  return {
    one: summary(sides.one, pagesOne.length),
    all: summary(sides.all, pagesAll.length),
    departementsServed: (await import('../config.js')).loadConfig({ DEPARTEMENTS: 'all' }).departements.length,
    communesServed: communes.filter((c) => c.type === 'commune-actuelle').length,
  };
}
