/**
 * `npm run bench`: the speed targets of the platform, measured in one run on this machine and
 * reported as ratios (machines here are noisy: absolute figures vary, ratios much less).
 *
 *  (a) raw SQLite: one durable commit per insert (WAL, synchronous=FULL)
 *  (b) our event store's durable append rate, 1 writer and 32 concurrent writers   target (b32) ≥ 3 × (a)
 *  (c) HTTP command throughput, 32 concurrent clients on loopback
 *  (d) projection lag p50 / p99 under that load                                    target p99 ≤ 50 ms
 *  (e) rebuild speed next to raw catch-up read speed of the same log               target ≥ 25 %
 *  (f) audit verification speed next to raw SHA-256 of the same canonical events    target ≥ 70 %
 *  (g) time travel on a project of 10,000 events, over HTTP as an auditor          target ≤ 100 ms
 *  (h) public list endpoint next to a bare HTTP endpoint sending the same bytes     target ≥ 50 %
 *  (i) a publication approved by the mayor, until the public API serves it          target max ≤ 1 s
 *  (j) the in-app map's data with 10,000 projects next to a bare endpoint, same bytes target ≥ 50 %
 *  (k) commands with WORKERS=1 and WORKERS=2 (the server as started by users), next to a bare process
 *      targets WORKERS=2 ≥ 1.6 × WORKERS=1 and ≥ 40 % of the bare process; lag p99 ≤ 50 ms
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, createServer, request as httpRequest } from 'node:http';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { hash as sha256 } from 'node:crypto';
import { canonicalEvent, SqliteEventStore, verifyLog, type CommitInfo, type EventStore, type NewEvent, type RecordedEvent } from '@carnet/event-store';
import { rebuildReadModels, type ProjectionRunner } from '@carnet/read-store';
import { createApp } from '../app.js';
import { loadConfig } from '../config.js';
import { demoEmail } from '../identity/demo-accounts.js';
import { openReadStore } from '../infrastructure/engines.js';
import { EVENT_STORE, PROJECTION_RUNNER } from '../infrastructure/tokens.js';
import { ALL_PROJECTIONS } from '../infrastructure/projections.js';
import { publicationFingerprint } from '../shared/fingerprint.js';
import { benchMap } from '../map/map-bench.js';
import { benchDepartements } from './departements-bench.js';
import { benchWorkers } from './workers-bench.js';

const HTTP_SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 6);
const CLIENTS = 32;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const median = (values: number[]) => percentile(values, 50);

interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  latencies: number[];
}

// ---------------------------------------------------------------- HTTP load, in a worker thread
/** One request on a keep-alive agent; the status and the body as text. */
function request(agent: Agent, url: URL, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; text: string; cookies: string[] }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? null : Buffer.from(JSON.stringify(body));
    const req = httpRequest(
      { host: url.hostname, port: url.port, path, method, agent, headers: payload ? { ...headers, 'Content-Type': 'application/json', 'Content-Length': String(payload.length) } : headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), cookies: res.headers['set-cookie'] ?? [] }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload ?? undefined);
  });
}

/**
 * The command load of (c) and (k). Written on node:http with a keep-alive agent rather than fetch:
 * the generator shares the machine's two cores with the server, and fetch took half a core at about
 * 1,100 commands/s against a sixth for node:http (measured), which starved a WORKERS=2 server.
 */
async function httpLoad(base: string, seconds: number, clients: number, login: { email: string; password: string }): Promise<LoadResult> {
  // Every client acts as the demo mayor of Ableiges, through a real session (cookie + CSRF token).
  const url = new URL(base);
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const session = await request(agent, url, 'POST', '/api/auth/login', login);
  if (session.status !== 200) throw new Error(`login failed: ${session.status}`);
  const cookies = session.cookies.map((c) => c.split(';')[0]).filter((c) => !c.endsWith('='));
  const csrf = cookies.find((c) => c.startsWith('carnet_csrf='))!.slice('carnet_csrf='.length);
  const headers = { Cookie: cookies.join('; '), 'X-CSRF-Token': csrf };
  const deadline = performance.now() + seconds * 1000;
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      let projectId: string | null = null;
      for (let i = 0; performance.now() < deadline; i++) {
        const t0 = performance.now();
        // Half the commands open a project, half ask a question on the client's latest project.
        const res =
          projectId && i % 2 === 1
            ? await request(agent, url, 'POST', `/api/projects/${projectId}/questions`, { category: 'financement', text: `Question ${i} du client ${client}` }, headers)
            : await request(agent, url, 'POST', '/api/projects', { codeInsee: '95002', title: `Projet ${client}-${i}`, theme: 'voirie', estimatedCostHt: 1000 * i }, headers);
        const body = JSON.parse(res.text) as { id?: string };
        latencies.push(performance.now() - t0);
        if (res.status >= 300) errors++;
        else if (body.id && !projectId) projectId = body.id;
        else if (body.id && i % 2 === 0) projectId = body.id;
      }
    }),
  );
  agent.destroy();
  return { requests: latencies.length, errors, seconds: (performance.now() - started) / 1000, latencies };
}


/** GET load on one URL from a worker thread (the load never shares the server's event loop). */
function getLoad(url: string, seconds: number, headers?: Record<string, string>): Promise<LoadResult> {
  return new Promise<LoadResult>((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { getUrl: url, seconds, clients: CLIENTS, headers } });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

async function httpGetLoad(url: string, seconds: number, clients: number, headers?: Record<string, string>): Promise<LoadResult> {
  const deadline = performance.now() + seconds * 1000;
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        const res = await fetch(url, { headers });
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (res.status !== 200) errors++;
      }
    }),
  );
  return { requests: latencies.length, errors, seconds: (performance.now() - started) / 1000, latencies };
}

// ---------------------------------------------------------------- helpers
/** A stable UUID-shaped id for generated questions and answers. */
function deterministicish(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/** Logs in over HTTP as a demo person; the headers to send afterwards. */
async function httpSession(url: string, email: string): Promise<Record<string, string>> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password: 'demo-carnet-2026' }) });
  if (res.status !== 200) throw new Error(`login of ${email} failed: ${res.status}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]).filter((c) => !c.endsWith('='));
  return { Cookie: cookies.join('; ') };
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const fmt = (n: number, digits = 0) => n.toLocaleString('fr-FR', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function metadata() {
  return {
    actorId: 'bench',
    actorRole: 'commune_mayor',
    actorCommune: '95002',
    correlationId: 'bench',
    causationId: 'bench',
    commandId: randomUUID(),
    recordedAt: new Date().toISOString(),
  };
}

function projectEvents(projectId: string, count: number): NewEvent[] {
  const events: NewEvent[] = [
    {
      id: randomUUID(),
      type: 'ProjectCreated',
      schemaVersion: 1,
      data: { projectId, codeInsee: '95002', title: `Projet ${projectId.slice(0, 8)}`, description: 'Généré pour la mesure', theme: 'voirie', estimatedCostHt: 50000 },
      metadata: metadata(),
    },
  ];
  for (let i = 1; i < count; i++) {
    events.push({
      id: randomUUID(),
      type: 'ProgressUpdated',
      schemaVersion: 1,
      data: { projectId, step: 'idee', progress: i % 100, comment: null },
      metadata: metadata(),
    });
  }
  return events;
}

// ---------------------------------------------------------------- (a) raw SQLite
function rawSqliteCommits(dir: string, round: number, n: number): number {
  const db = new Database(join(dir, `raw-${round}.sqlite`));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, stream TEXT NOT NULL, data TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO t (stream, data) VALUES (?, ?)');
  const payload = JSON.stringify(projectEvents(randomUUID(), 1)[0]);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) insert.run('s', payload); // autocommit: one durable commit each
  const seconds = (performance.now() - t0) / 1000;
  db.close();
  return n / seconds;
}

// ---------------------------------------------------------------- (b) our store
async function storeAppends(dir: string, name: string, writers: number, perWriter: number): Promise<{ rate: number; commits: number }> {
  const store = new SqliteEventStore({ filename: join(dir, `store-${name}.sqlite`) });
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      const projectId = randomUUID();
      const stream = `project-${projectId}`;
      const [created, ...rest] = projectEvents(projectId, perWriter);
      let revision = (await store.appendToStream(stream, [created], 'no_stream')).nextExpectedRevision;
      for (const event of rest) revision = (await store.appendToStream(stream, [event], revision)).nextExpectedRevision;
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const commits = store.stats.commits;
  await store.close();
  return { rate: (writers * perWriter) / seconds, commits };
}

/** (a) and (b): raw durable commits next to our store's appends, 1 and 32 writers; true when the target is missed. */
async function measureStore(dir: string, out: (s: string) => void): Promise<boolean> {
  const verdict = (ok: boolean) => (ok ? 'ATTEINT' : 'NON ATTEINT');
  // Rounds alternate the measured sides so that a noisy moment hits both; medians are reported.
  const raws: number[] = [];
  const ones: number[] = [];
  const manys: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    raws.push(rawSqliteCommits(dir, round, 1000));
    ones.push((await storeAppends(dir, `1-${round}`, 1, 1000)).rate);
    manys.push((await storeAppends(dir, `32-${round}`, 32, 100)).rate);
  }
  const rawRate = median(raws);
  const oneRate = median(ones);
  const manyRate = median(manys);
  const ratioB = manyRate / rawRate;
  out(`(a) SQLite brut, un commit durable par écriture : ${fmt(rawRate)} écritures/s (médiane de ${ROUNDS} tours)`);
  out(`(b) notre journal, 1 écrivain : ${fmt(oneRate)} événements/s (${fmt(oneRate / rawRate, 2)} × a)`);
  out(`    notre journal, 32 écrivains : ${fmt(manyRate)} événements/s = ${fmt(ratioB, 2)} × a   [cible ≥ 3 × a : ${verdict(ratioB >= 3)}]`);
  return ratioB < 3;
}

/** (k) issue #15: every core of the machine (see workers-bench.ts); true when a target is missed. */
async function measureWorkers(dir: string, out: (s: string) => void): Promise<boolean> {
  const verdict = (ok: boolean) => (ok ? 'ATTEINT' : 'NON ATTEINT');
  // (k) issue #15: every core of the machine (see workers-bench.ts).
  const commandLoad = (url: string) =>
    new Promise<LoadResult>((resolveLoad, reject) => {
      const worker = new Worker(new URL(import.meta.url), { workerData: { url, seconds: HTTP_SECONDS, clients: CLIENTS, login: { email: demoEmail('Claire Martin'), password: 'demo-carnet-2026' } } });
      worker.once('message', resolveLoad);
      worker.once('error', reject);
    });
  const k = await benchWorkers({ dir, rounds: ROUNDS, load: commandLoad });
  const scale = k.two.rps / k.one.rps;
  const ofBare = k.two.rps / k.bare.rps;
  out(`(k) commandes, ${CLIENTS} clients, serveur lancé comme par les utilisateurs (médiane de ${ROUNDS} tours) :`);
  out(`    WORKERS=1 : ${fmt(k.one.rps)} commandes/s, p99 ${fmt(k.one.p99, 1)} ms ; WORKERS=2 : ${fmt(k.two.rps)} commandes/s, p99 ${fmt(k.two.p99, 1)} ms ; ` +
    `processus HTTP nu : ${fmt(k.bare.rps)} requêtes/s, p99 ${fmt(k.bare.p99, 1)} ms  (${k.one.errors + k.two.errors} erreurs)`);
  out(`    WORKERS=2 = ${fmt(scale, 2)} × WORKERS=1   [cible ≥ 1,6 : ${verdict(scale >= 1.6)}] ; = ${fmt(ofBare * 100, 1)} % du processus nu   [cible ≥ 40 % : ${verdict(ofBare >= 0.4)}]`);
  // The load generator runs on the same cores: what each side used says how close to saturation the machine was.
  if (Number.isFinite(k.one.serverCpu)) {
    out(`    processeur pendant la charge (en % d’un cœur ; ${availableParallelism()} cœurs = ${availableParallelism() * 100} %) : WORKERS=1 ${fmt(k.one.serverCpu)} % ` +
      `(générateur de charge ${fmt(k.one.loaderCpu)} %), WORKERS=2 ${fmt(k.two.serverCpu)} % (générateur ${fmt(k.two.loaderCpu)} %), processus nu ${fmt(k.bare.serverCpu)} % (générateur ${fmt(k.bare.loaderCpu)} %)`);
  }
  out(`    lecture de ses écritures avec WORKERS=2 (âge du plus ancien événement pas encore lisible, /api/health/ready toutes les 50 ms) : ` +
    `p50 ${fmt(k.lagP50, 1)} ms, p99 ${fmt(k.lagP99, 1)} ms (${k.lagSamples} relevés)   [cible p99 ≤ 50 ms : ${verdict(k.lagP99 <= 50)}]`);
  return scale < 1.6 || ofBare < 0.4 || k.lagP99 > 50 || k.one.errors + k.two.errors > 0;
}

async function measureDepartements(dir: string, out: (s: string) => void): Promise<boolean> {
  const verdict = (ok: boolean) => (ok ? 'ATTEINT' : 'NON ATTEINT');
  const l = await benchDepartements({ dir, rounds: ROUNDS });
  const startup = l.all.startupMs / l.one.startupMs;
  const rest = l.all.restMiB / l.one.restMiB;
  const pages = l.all.afterPagesMiB / l.one.afterPagesMiB;
  out(`(l) toute la France sur une instance (DEPARTEMENTS=all : ${fmt(l.departementsServed)} départements, ${fmt(l.communesServed)} communes) contre le seul Val-d’Oise, journal vide, WORKERS=1 (médiane de ${ROUNDS} démarrages alternés) :`);
  out(`    démarrage jusqu’à /api/health/ready : ${fmt(l.all.startupMs)} ms contre ${fmt(l.one.startupMs)} ms = ${fmt(startup, 2)} ×   [cible ≤ 1,5 × : ${verdict(startup <= 1.5)}]`);
  out(`    mémoire au repos (RSS) : ${fmt(l.all.restMiB)} Mio contre ${fmt(l.one.restMiB)} Mio = ${fmt(rest, 2)} ×   [cible ≤ 1,5 × : ${verdict(rest <= 1.5)}] ; ` +
    `après les premières pages (contours, portail, carte ; ${l.all.pages} pages contre ${l.one.pages}) : ${fmt(l.all.afterPagesMiB)} Mio contre ${fmt(l.one.afterPagesMiB)} Mio = ${fmt(pages, 2)} ×`);
  out(`    ces pages : p99 ${fmt(l.all.pagesP99Ms, 1)} ms contre ${fmt(l.one.pagesP99Ms, 1)} ms (premiers appels compris : contours lus et décompressés à la demande)`);
  return startup > 1.5 || rest > 1.5;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'carnet-bench-'));
  const lines: string[] = [];
  const out = (s: string) => {
    lines.push(s);
    process.stdout.write(`${s}\n`);
  };
  const verdict = (ok: boolean) => (ok ? 'ATTEINT' : 'NON ATTEINT');
  let failed = false;
  try {
    out(`Carnet de projets — mesures (${new Date().toISOString()}, Node ${process.version}, ${(await import('node:os')).cpus().length} cœurs)`);

    failed ||= await measureStore(dir, out);

    // (c) + (d): the real application on loopback, load from a worker thread.
    const appDir = join(dir, 'app');
    // Demo data gives the load a logged-in mayor (demo accounts are refused in production mode).
    const config = { ...loadConfig({ ...process.env, DATA_DIR: appDir, DEMO_DATA: 'true', NODE_ENV: 'test', PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000000', MONGO_DB: `carnet_bench_${Date.now()}` }), port: 0 };
    const app = await createApp(config, { logger: ['error'] });
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as { port: number };
    const runner = app.get<ProjectionRunner>(PROJECTION_RUNNER);
    const events = app.get<EventStore>(EVENT_STORE);
    // Lag is measured twice: from the durable commit (the usual definition: log → read model) and,
    // more severely, from the moment the command was decided (includes waiting for the commit).
    const commits: CommitInfo[] = [];
    const stopCommits = events instanceof SqliteEventStore ? events.observeCommits((c) => commits.push(c)) : () => {};
    const lagsFromCommit: number[] = [];
    const lagsFromDecision: number[] = [];
    let c = 0;
    const stopObserving = runner.observe((batch: RecordedEvent[]) => {
      const now = Date.now();
      for (const e of batch) {
        lagsFromDecision.push(now - Date.parse(e.metadata.recordedAt));
        while (c < commits.length && commits[c].lastPosition < e.position) c++;
        if (c < commits.length) lagsFromCommit.push(now - commits[c].committedAt);
      }
    });
    const load = await new Promise<LoadResult>((resolve, reject) => {
      const login = { email: demoEmail('Claire Martin'), password: 'demo-carnet-2026' };
      const worker = new Worker(new URL(import.meta.url), { workerData: { url: `http://127.0.0.1:${port}`, seconds: HTTP_SECONDS, clients: CLIENTS, login } });
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    stopObserving();
    stopCommits();
    const rps = load.requests / load.seconds;
    out(`(c) HTTP, ${CLIENTS} clients pendant ${fmt(load.seconds, 1)} s : ${fmt(rps)} commandes/s (${load.errors} erreurs), ` +
      `latence p50 ${fmt(percentile(load.latencies, 50), 1)} ms, p99 ${fmt(percentile(load.latencies, 99), 1)} ms`);
    const p99 = percentile(lagsFromCommit, 99);
    out(`(d) retard des projections sous cette charge, du commit à la lecture : p50 ${fmt(percentile(lagsFromCommit, 50), 1)} ms, ` +
      `p99 ${fmt(p99, 1)} ms (${lagsFromCommit.length} événements)   [cible p99 ≤ 50 ms : ${verdict(p99 <= 50)}]`);
    out(`    depuis la décision de la commande (attente du commit comprise) : p50 ${fmt(percentile(lagsFromDecision, 50), 1)} ms, p99 ${fmt(percentile(lagsFromDecision, 99), 1)} ms`);
    failed ||= !(p99 <= 50) || load.errors > 0;

    // (e) grow the log to a realistic size, then compare rebuild with a raw read of the same log.
    for (let i = 0; i < 150; i++) {
      const projectId = randomUUID();
      await events.appendToStream(`project-${projectId}`, projectEvents(projectId, 200), 'no_stream');
    }
    const head = await events.headPosition();
    // The running server projects these events too: let it finish, so that (e) and (f) measure on an idle server.
    await runner.waitForPosition(head, 300_000);
    // The rebuild writes its generations into a read store of its own, as `npm run projections:rebuild`
    // does from its own process: the running server's read store (and its WAL) is not in the measure.
    const reads = await openReadStore({ ...config, dataDir: join(dir, 'rebuild'), readStore: config.readStore.engine === 'mongodb' ? { ...config.readStore, dbName: `${config.readStore.dbName}_rebuild` } : config.readStore });
    const rawReads: number[] = [];
    const rebuilds: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      let t0 = performance.now();
      let read = 0;
      for (let after = 0; ; ) {
        const page = await events.readAll({ after, maxCount: 2000 });
        if (page.length === 0) break;
        read += page.length;
        after = page[page.length - 1].position;
      }
      rawReads.push(read / ((performance.now() - t0) / 1000));
      t0 = performance.now();
      const rebuilt = await rebuildReadModels(events, reads, ALL_PROJECTIONS);
      rebuilds.push(rebuilt.events / ((performance.now() - t0) / 1000));
    }
    await reads.close();
    const rawRead = median(rawReads);
    const rebuildRate = median(rebuilds);
    const ratioE = rebuildRate / rawRead;
    out(`(e) lecture brute du journal : ${fmt(rawRead)} événements/s ; reconstruction des lectures : ${fmt(rebuildRate)} événements/s ` +
      `= ${fmt(ratioE * 100, 1)} %   [cible ≥ 25 % : ${verdict(ratioE >= 0.25)}]  (${fmt(head)} événements, médianes de ${ROUNDS} tours)`);
    failed ||= ratioE < 0.25;
    const memory = process.memoryUsage();
    out(`    mémoire du processus après la reconstruction : RSS ${fmt(memory.rss / 2 ** 20)} Mio, tas ${fmt(memory.heapUsed / 2 ** 20)} Mio`);

    // (f) the audit verifier over the same log, next to hashing its canonical events and nothing else.
    const hashedInputs: string[] = [];
    for (let after = 0; ; ) {
      const page = await events.readAll({ after, maxCount: 2000 });
      if (page.length === 0) break;
      for (const e of page) hashedInputs.push(`${e.previousHash}\n${canonicalEvent(e)}`);
      after = page[page.length - 1].position;
    }
    const hashAll = () => {
      const t0 = performance.now();
      // Node's fastest way to hash a string once, the one the verifier uses too.
      for (const input of hashedInputs) sha256('sha256', input, 'hex');
      return hashedInputs.length / ((performance.now() - t0) / 1000);
    };
    // The first verification starts the verifier's threads (kept warm afterwards, as in the server): shown apart.
    let t0 = performance.now();
    const cold = await verifyLog(events);
    const coldRate = cold.eventsChecked / ((performance.now() - t0) / 1000);
    const ratios: number[] = [];
    const rawHashes: number[] = [];
    let verified = cold.eventsChecked;
    failed ||= !cold.ok;
    for (let round = 0; round < ROUNDS + 2; round++) {
      // Raw hashing right before and right after each verification: the ratio compares like with like.
      const before = hashAll();
      t0 = performance.now();
      const report = await verifyLog(events);
      const rate = report.eventsChecked / ((performance.now() - t0) / 1000);
      const after = hashAll();
      rawHashes.push((before + after) / 2);
      ratios.push(rate / ((before + after) / 2));
      verified = report.eventsChecked;
      failed ||= !report.ok;
    }
    const rawHash = median(rawHashes);
    const ratioF = median(ratios);
    out(`(f) SHA-256 brut des événements canoniques (1 fil) : ${fmt(rawHash)} événements/s ; vérification du journal : ${fmt(ratioF * rawHash)} événements/s ` +
      `= ${fmt(ratioF * 100, 1)} %   [cible ≥ 70 % : ${verdict(ratioF >= 0.7)}]  (${fmt(verified)} événements, médiane de ${ROUNDS + 2} tours, ` +
      `${Math.min(4, availableParallelism())} fils de vérification)`);
    out(`    première vérification, fils à démarrer compris : ${fmt((coldRate / rawHash) * 100, 1)} % ; charge de la machine (1 min) : ${fmt(loadavg()[0], 2)} pour ${availableParallelism()} cœurs`);
    failed ||= ratioF < 0.7;

    // (g) time travel: a project with 10,000 events (mostly progress updates, some questions and
    // answers), rebuilt as it was just before its last event — over HTTP as an auditor would.
    const bigProject = randomUUID();
    const bigStream = `project-${bigProject}`;
    const bigEvents = projectEvents(bigProject, 10_000).map((event, i) => {
      if (i > 0 && i % 11 === 0) {
        return { ...event, type: 'QuestionAsked', data: { projectId: bigProject, questionId: deterministicish(i), category: 'financement', text: `Question ${i}` } };
      }
      if (i > 1 && i % 11 === 1 && i % 3 === 0) {
        return { ...event, type: 'QuestionAnswered', data: { projectId: bigProject, questionId: deterministicish(i - 1), answerId: deterministicish(i + 7), text: `Réponse ${i}` } };
      }
      return event;
    });
    for (let i = 0; i < bigEvents.length; i += 500) {
      await events.appendToStream(bigStream, bigEvents.slice(i, i + 500), i === 0 ? 'no_stream' : i - 1);
    }
    const auditor = await httpSession(`http://127.0.0.1:${port}`, demoEmail('Anne Lambert'));
    const last = (await events.readStream(bigStream)).at(-1)!;
    const at = new Date(Date.parse(last.metadata.recordedAt) - 1).toISOString();
    const streamReads: number[] = [];
    const travels: number[] = [];
    for (let round = 0; round < Math.max(ROUNDS, 5); round++) {
      let t0 = performance.now();
      await events.readStream(bigStream);
      streamReads.push(performance.now() - t0);
      t0 = performance.now();
      const res = await fetch(`http://127.0.0.1:${port}/api/audit/projects/${bigProject}/as-of?at=${encodeURIComponent(at)}`, { headers: auditor });
      await res.json();
      if (res.status !== 200) throw new Error(`time travel answered ${res.status}`);
      travels.push(performance.now() - t0);
    }
    const travel = median(travels);
    out(`(g) voyage dans le temps, projet de 10 000 événements, par HTTP (auditeur) : ${fmt(travel, 1)} ms ` +
      `(${fmt(travel / median(streamReads), 1)} × la simple lecture du flux, ${fmt(median(streamReads), 1)} ms)   [cible ≤ 100 ms : ${verdict(travel <= 100)}]`);
    failed ||= travel > 100;

    // (h) the public list (anonymous, no cookie) next to a bare node:http server answering the same
    // bytes: what the framework, the read model query and the rendering cost. Rounds alternate sides.
    const publicPath = '/api/public/v1/projects?limit=20';
    const sample = await fetch(`http://127.0.0.1:${port}${publicPath}`);
    const sampleBytes = Buffer.from(await sample.arrayBuffer());
    if (sample.status !== 200) throw new Error(`public list answered ${sample.status}`);
    const bare = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': sampleBytes.length, 'Cache-Control': 'public, max-age=60' });
      res.end(sampleBytes);
    });
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    const barePort = (bare.address() as { port: number }).port;
    const publicRuns: LoadResult[] = [];
    const bareRuns: LoadResult[] = [];
    const publicSeconds = Math.max(2, HTTP_SECONDS / 2);
    for (let round = 0; round < ROUNDS; round++) {
      publicRuns.push(await getLoad(`http://127.0.0.1:${port}${publicPath}`, publicSeconds));
      bareRuns.push(await getLoad(`http://127.0.0.1:${barePort}${publicPath}`, publicSeconds));
    }
    await new Promise((resolve) => bare.close(resolve));
    const publicRps = median(publicRuns.map((r) => r.requests / r.seconds));
    const bareRps = median(bareRuns.map((r) => r.requests / r.seconds));
    const ratioH = publicRps / bareRps;
    const publicLatencies = publicRuns.flatMap((r) => r.latencies);
    const bareLatencies = bareRuns.flatMap((r) => r.latencies);
    out(`(h) API publique, liste de ${fmt(sampleBytes.length)} octets, ${CLIENTS} clients : ${fmt(publicRps)} requêtes/s (p99 ${fmt(percentile(publicLatencies, 99), 1)} ms) ; ` +
      `serveur HTTP nu, mêmes octets : ${fmt(bareRps)} requêtes/s (p99 ${fmt(percentile(bareLatencies, 99), 1)} ms) = ${fmt(ratioH * 100, 1)} %   ` +
      `[cible ≥ 50 % : ${verdict(ratioH >= 0.5)}]  (${publicRuns.reduce((n, r) => n + r.errors, 0)} erreurs, médianes de ${ROUNDS} tours)`);
    failed ||= ratioH < 0.5 || publicRuns.some((r) => r.errors > 0);

    // (i) the mayor approves a publication: time until the public API serves that version. The
    // events are those the publication commands append (request, then approval of that exact version).
    const visibleAfter: number[] = [];
    for (let n = 0; n < 20; n++) {
      const projectId = randomUUID();
      const stream = `project-${projectId}`;
      const content = { title: `Lavoir ${n}`, summary: 'Toiture et bassin restaurés.', finalCostHt: 38500, funding: [], lessonsLearned: 'Prévoir l’hiver.', documents: [] };
      const [created] = projectEvents(projectId, 1);
      const finished = [
        created,
        { id: randomUUID(), type: 'StepAdvanced', schemaVersion: 1, data: { projectId, from: 'idee', to: 'termine', progress: 100, comment: null }, metadata: metadata() },
        { id: randomUUID(), type: 'PublicationRequested', schemaVersion: 2, data: { projectId, version: 1, content }, metadata: metadata() },
      ];
      await events.appendToStream(stream, finished, 'no_stream');
      const approval = { id: randomUUID(), type: 'ProjectPublished', schemaVersion: 2, data: { projectId, version: 1, fingerprint: publicationFingerprint(projectId, 1, content) }, metadata: metadata() };
      const t0 = performance.now();
      await events.appendToStream(stream, [approval], finished.length - 1);
      for (;;) {
        const res = await fetch(`http://127.0.0.1:${port}/api/public/v1/projects/${projectId}`);
        const body = (await res.json()) as { version?: number };
        if (res.status === 200 && body.version === 1) break;
        if (performance.now() - t0 > 10_000) throw new Error(`publication ${projectId} still invisible after 10 s`);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      visibleAfter.push(performance.now() - t0);
    }
    const slowest = Math.max(...visibleAfter);
    out(`(i) publication approuvée par le maire, jusqu’à sa lecture par l’API publique : médiane ${fmt(median(visibleAfter), 1)} ms, ` +
      `la plus lente ${fmt(slowest, 1)} ms   [cible ≤ 1 000 ms : ${verdict(slowest <= 1000)}]  (${visibleAfter.length} publications)`);
    failed ||= slowest > 1000;

    // (j) issue #10: the in-app map's data (see map/map-bench.ts).
    const map = await benchMap({ port, events, runner, agent: await httpSession(`http://127.0.0.1:${port}`, demoEmail('Sophie Bernard')), load: getLoad, rounds: ROUNDS, seconds: Math.max(2, HTTP_SECONDS / 2) });
    out(`(j) carte, données de ${fmt(map.projects)} projets (agent du Département) : ${fmt(map.bytes)} octets de GeoJSON, ${fmt(map.gzipBytes)} envoyés compressés (gzip), ${fmt(map.rps)} requêtes/s (p99 ${fmt(map.p99, 1)} ms) ; ` +
      `serveur HTTP nu, mêmes octets : ${fmt(map.bareRps)} requêtes/s (p99 ${fmt(map.bareP99, 1)} ms) = ${fmt(map.ratio * 100, 1)} %   [cible ≥ 50 % : ${verdict(map.ratio >= 0.5)}]  (${map.errors} erreurs)`);
    failed ||= map.ratio < 0.5 || map.errors > 0;
    await app.close();

    failed = (await measureWorkers(dir, out)) || failed;
    failed = (await measureDepartements(dir, out)) || failed;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  out(failed ? 'Au moins une cible n’est pas atteinte.' : 'Toutes les cibles sont atteintes.');
  process.exitCode = failed ? 1 : 0;
}

/** BENCH_ONLY=k: (k) alone, for trying a change to the processes; BENCH_ONLY=b: (a) and (b), for a change to the store; BENCH_ONLY=l: (l). */
async function mainOnly(which: 'b' | 'k' | 'l'): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'carnet-bench-'));
  const out = (s: string) => process.stdout.write(`${s}\n`);
  try {
    out(`Carnet de projets — mesure (${which === 'b' ? 'a, b' : which}) seule (${new Date().toISOString()}, Node ${process.version}, ${(await import('node:os')).cpus().length} cœurs)`);
    process.exitCode = (await (which === 'b' ? measureStore(dir, out) : which === 'k' ? measureWorkers(dir, out) : measureDepartements(dir, out))) ? 1 : 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Entry point last: the same file is the benchmark and its load-generating worker.
if (!isMainThread) {
  const { url, seconds, clients, login, getUrl, headers } = workerData as { url: string; seconds: number; clients: number; login: { email: string; password: string }; getUrl?: string; headers?: Record<string, string> };
  parentPort!.postMessage(getUrl ? await httpGetLoad(getUrl, seconds, clients, headers) : await httpLoad(url, seconds, clients, login));
} else if (process.env.BENCH_ONLY === 'k' || process.env.BENCH_ONLY === 'b' || process.env.BENCH_ONLY === 'l') {
  await mainOnly(process.env.BENCH_ONLY);
} else {
  await main();
}
