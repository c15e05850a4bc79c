#!/usr/bin/env node
/**
 * `npm run test:cluster` (issue #15, ADR 0024): three API instances on the loopback over ONE event
 * log (the embedded SQLite file, shared) and MongoDB-wire read models (FerretDB in CI), 32 clients
 * spread over them, and the instance that holds the projections' lease killed with `kill -9` in the
 * middle of the load. It checks what an operator would:
 *
 *   1. no acknowledged command is lost: every command answered 2xx is in the log, at the position
 *      and in the stream it was answered with;
 *   2. another instance takes the projections over within the lease time (PROJECTION_LEASE_MS),
 *      from the checkpoint, and catches up with the whole log;
 *   3. read-your-writes across instances: a command on one instance, a query with ?minPosition=
 *      on another sees it;
 *   4. the read models equal a rebuild from the log (`projections:rebuild`, compared document by document).
 *
 * Needs MONGO_URL (e.g. `scripts/ferretdb.sh 27018`) and a built server (`npm run build:server`).
 * Every instance listens on 127.0.0.1; the load is bounded in commands (CLUSTER_COMMANDS, default 1500) and time
 * (CLUSTER_LOAD_SECONDS, default 20), and so
 * is the wait for the read models to catch up (CLUSTER_CATCH_UP_SECONDS, default 240).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { MongoClient } from 'mongodb';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MONGO_URL = process.env.MONGO_URL;
if (!MONGO_URL) {
  console.error('MONGO_URL is required (start FerretDB with scripts/ferretdb.sh 27018)');
  process.exit(2);
}
const BASE_PORT = Number(process.env.CLUSTER_PORT ?? 3411);
const LEASE_MS = 3000;
const LOAD_SECONDS = Number(process.env.CLUSTER_LOAD_SECONDS ?? 20);
// Bounded in commands too: FerretDB projects a few dozen events per second, so the catch-up grows with them.
const MAX_COMMANDS = Number(process.env.CLUSTER_COMMANDS ?? 1500);
const CATCH_UP_SECONDS = Number(process.env.CLUSTER_CATCH_UP_SECONDS ?? 240);
const CLIENTS = 32;
const dbName = `carnet_cluster_${Date.now()}`;
const dataDir = mkdtempSync(join(tmpdir(), 'carnet-cluster-'));
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

const env = (n) => ({
  ...process.env,
  PORT: String(BASE_PORT + n),
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  MONGO_URL,
  MONGO_DB: dbName,
  WORKERS: '1',
  INSTANCE_ID: `instance-${n}`,
  PROJECTION_LEASE_MS: String(LEASE_MS),
  LOG_LEVEL: process.env.CLUSTER_LOG_LEVEL ?? 'warn',
  // The whole load is a few thousand events: no anchor in the middle of it.
  AUDIT_ANCHOR_EVERY_EVENTS: '0',
  AUDIT_ANCHOR_MINUTES: '0',
});

const instances = new Map();
function start(n) {
  // The logs (JSON on stdout) are kept for a failure report.
  const child = spawn(process.execPath, [join(root, 'apps/api/dist/main.js')], { cwd: root, env: env(n), stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d) => {
    stderr = (stderr + d).slice(-4000);
    if (process.env.CLUSTER_DEBUG) process.stderr.write(`[${n}] ${d}`);
  });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr = (stderr + d).slice(-4000);
    if (process.env.CLUSTER_DEBUG) process.stderr.write(`[${n}] ${d}`);
  });
  child.on('exit', (code, signal) => {
    if (instances.get(n)?.child === child && !instances.get(n).stopping && signal !== 'SIGKILL') console.error(`instance ${n} ended (${signal ?? code}): ${stderr}`);
  });
  instances.set(n, { child, url: `http://127.0.0.1:${BASE_PORT + n}`, stopping: false });
  return instances.get(n);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitReady(url, seconds = 120) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/api/health/ready`);
      if (res.ok) return res.json();
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${url} not ready after ${seconds} s`);
}

async function readiness(url) {
  const res = await fetch(`${url}/api/health/ready`, { signal: AbortSignal.timeout(2000) });
  return res.json();
}

async function login(url) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'claire.martin@demo.carnet.invalid', password: 'demo-carnet-2026' }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]).filter((c) => !c.endsWith('='));
  const csrf = cookies.find((c) => c.startsWith('carnet_csrf=')).slice('carnet_csrf='.length);
  return { 'Content-Type': 'application/json', Cookie: cookies.join('; '), 'X-CSRF-Token': csrf };
}

const stopAll = async () => {
  for (const instance of instances.values()) {
    if (instance.child.exitCode !== null || instance.child.signalCode !== null) continue;
    instance.stopping = true;
    instance.child.kill('SIGTERM');
    // A process still finishing a batch on a slow engine gets 30 s, then is killed: none is left behind.
    const killer = setTimeout(() => instance.child.kill('SIGKILL'), 30_000);
    await new Promise((r) => instance.child.once('exit', r));
    clearTimeout(killer);
  }
};

let mongo;
try {
  // The first instance writes the demo data; the two others start on it.
  const first = start(1);
  await waitReady(first.url);
  start(2);
  start(3);
  const urls = [1, 2, 3].map((n) => instances.get(n).url);
  await Promise.all(urls.map((u) => waitReady(u)));
  const roles = await Promise.all(urls.map(readiness));
  const holders = roles.filter((r) => r.projections.role === 'holder');
  check(holders.length === 1, `one instance of three holds the projections’ lease (${roles.map((r) => `${r.projections.instance}: ${r.projections.role}`).join(', ')})`);

  // One session for everyone: sessions live in the shared account store, so it works on every instance.
  const headers = await login(urls[0]);

  // 3. Read-your-writes across instances, before the load.
  {
    const res = await fetch(`${urls[0]}/api/projects`, { method: 'POST', headers, body: JSON.stringify({ codeInsee: '95002', title: 'Lu ailleurs', theme: 'voirie', estimatedCostHt: 1000 }) });
    const made = await res.json();
    const read = await fetch(`${urls[2]}/api/projects/${made.id}?minPosition=${made.position}`, { headers });
    const body = await read.json();
    check(res.status === 201 && read.status === 200 && body.title === 'Lu ailleurs', `a project created on instance 1 is read on instance 3 with ?minPosition=${made.position} (${read.status})`);
  }

  // An Idempotency-Key is bound in the shared account store: the same request retried on another instance appends nothing new.
  {
    const key = `cluster-retry-${Date.now()}`;
    const body = JSON.stringify({ codeInsee: '95002', title: 'Envoyé deux fois', theme: 'voirie', estimatedCostHt: 2000 });
    const first = await fetch(`${urls[0]}/api/projects`, { method: 'POST', headers: { ...headers, 'Idempotency-Key': key }, body });
    const again = await fetch(`${urls[1]}/api/projects`, { method: 'POST', headers: { ...headers, 'Idempotency-Key': key }, body });
    const [a, b] = [await first.json(), await again.json()];
    const list = await fetch(`${urls[2]}/api/projects?q=${encodeURIComponent('Envoyé deux fois')}&minPosition=${b.position}`, { headers });
    const found = (await list.json()).items.filter((p) => p.title === 'Envoyé deux fois');
    check(first.status === 201 && again.status === 201 && a.id === b.id && a.position === b.position && found.length === 1, `a command retried with its Idempotency-Key on another instance gives the same answer and one project (${found.length})`);
  }

  // The load: 32 clients, client i on instance i mod 3; one whose instance dies moves to the next one.
  const acknowledged = [];
  let refused = 0;
  let unreachable = 0;
  let killedAt = 0;
  let killedName = '';
  let sent = 0;
  const deadline = Date.now() + LOAD_SECONDS * 1000;
  const alive = () => [1, 2, 3].filter((n) => instances.get(n).child.exitCode === null && instances.get(n).child.signalCode === null);
  const clients = Array.from({ length: CLIENTS }, async (_, client) => {
    let n = (client % 3) + 1;
    let projectId = null;
    for (let i = 0; Date.now() < deadline && sent < MAX_COMMANDS; i++) {
      sent++;
      const url = instances.get(n).url;
      const question = projectId && i % 2 === 1;
      try {
        const res = await fetch(question ? `${url}/api/projects/${projectId}/questions` : `${url}/api/projects`, {
          method: 'POST',
          headers,
          body: JSON.stringify(question ? { category: 'financement', text: `Question ${i} du client ${client}` } : { codeInsee: '95002', title: `Projet ${client}-${i}`, theme: 'voirie', estimatedCostHt: 1000 + i }),
          signal: AbortSignal.timeout(10_000),
        });
        const body = await res.json();
        if (res.status >= 200 && res.status < 300) {
          acknowledged.push({ stream: question ? `project-${projectId}` : `project-${body.id}`, position: body.position, via: n });
          if (!question) projectId = body.id;
        } else refused++;
      } catch {
        // The instance died under this request: not acknowledged, so nothing was promised. Move on.
        unreachable++;
        const others = alive();
        n = others[(others.indexOf(n) + 1) % others.length] ?? others[0];
      }
    }
  });
  const killer = (async () => {
    // In the middle of the load: once a third of the commands were sent.
    while (sent < MAX_COMMANDS / 3 && Date.now() < deadline) await sleep(10);
    const states = await Promise.all(urls.map((u) => readiness(u).catch(() => null)));
    const n = states.findIndex((s) => s?.projections.role === 'holder') + 1;
    const holder = states[n - 1];
    killedName = holder.projections.instance;
    killedAt = Date.now();
    instances.get(n).child.kill('SIGKILL');
    console.log(`     kill -9 of instance ${n} (${killedName}), holder of the projections, under load`);
    // 2. Who holds the lease next, and when.
    for (;;) {
      const now = await Promise.all(alive().map((k) => readiness(instances.get(k).url).catch(() => null)));
      const next = now.find((s) => s?.projections.role === 'holder');
      if (next) return { name: next.projections.instance, afterMs: Date.now() - killedAt };
      await sleep(50);
    }
  })();
  await Promise.all(clients);
  const takeover = await killer;
  check(!!takeover.name && takeover.name !== killedName, `another instance took the projections over: ${takeover.name}`);
  check(takeover.afterMs <= LEASE_MS + 2000, `within the lease time: ${takeover.afterMs} ms after the kill (lease ${LEASE_MS} ms, renewals every ${Math.floor(LEASE_MS / 3)} ms)`);
  console.log(`     ${acknowledged.length} commands acknowledged, ${refused} refused, ${unreachable} cut by the kill (${sent} sent, at most ${MAX_COMMANDS} in ${LOAD_SECONDS} s)`);
  check(acknowledged.length > 100, 'the load acknowledged commands');
  check(refused === 0, `no command refused (${refused})`);

  // 1. No acknowledged command lost.
  const log = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
  const at = log.prepare('SELECT stream_id FROM events WHERE position = ?');
  const lost = acknowledged.filter((a) => at.get(a.position)?.stream_id !== a.stream);
  check(lost.length === 0, `every acknowledged command is in the log at its position (${lost.length} lost of ${acknowledged.length})`);
  const head = log.prepare('SELECT MAX(position) AS head FROM events').get().head;
  log.close();

  // 2'. The new holder catches up with the whole log. FerretDB 1.24 applies a projection batch at
  // a few dozen events per second (each write is its own SQLite transaction there): a bounded wait.
  const catchUpStarted = Date.now();
  let states = [];
  for (;;) {
    states = await Promise.all(alive().map((k) => readiness(instances.get(k).url)));
    if (states.every((s) => s.readModelPosition >= head) || Date.now() - catchUpStarted > CATCH_UP_SECONDS * 1000) break;
    await sleep(250);
  }
  check(states.every((s) => s.readModelPosition >= head), `the read models reached the head of the log (${head}) on every instance left, ${((Date.now() - catchUpStarted) / 1000).toFixed(1)} s after the load (${states.map((s) => s.readModelPosition).join(', ')})`);
  {
    const survivor = instances.get(alive()[0]).url;
    const res = await fetch(`${survivor}/api/projects?minPosition=${head}&limit=1`, { headers });
    check(res.status === 200, `a query with ?minPosition=${head} answers on ${survivor} (${res.status})`);
  }
  check(states.every((s) => s.projections.stopped.length === 0), 'no projection stopped');

  // 4. The read models equal a rebuild from the log.
  await stopAll();
  mongo = await MongoClient.connect(MONGO_URL);
  const db = mongo.db(dbName);
  const live = (await db.collection('read_meta').findOne({ _id: 'active_generation' })).value;
  const rebuilt = await new Promise((resolveRebuild, reject) => {
    const child = spawn(process.execPath, [join(root, 'apps/api/dist/cli/rebuild-projections.js')], { cwd: root, env: env(9), stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => (code === 0 ? resolveRebuild(null) : reject(new Error(`rebuild failed: ${err}`))));
  }).then(async () => (await db.collection('read_meta').findOne({ _id: 'active_generation' })).value);
  check(rebuilt === live + 1, `the rebuild made generation ${rebuilt} active (live one: ${live})`);
  const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).filter((name) => name.endsWith(`_g${live}`));
  let differing = 0;
  let compared = 0;
  for (const name of names) {
    const base = name.slice(0, -`_g${live}`.length);
    if (base === 'projection_faults') continue;
    const a = await db.collection(name).find({}).sort({ _id: 1 }).toArray();
    const b = await db.collection(`${base}_g${rebuilt}`).find({}).sort({ _id: 1 }).toArray();
    compared += a.length;
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      differing++;
      console.log(`     ${base}: ${a.length} live documents, ${b.length} rebuilt, not equal`);
    }
  }
  check(differing === 0 && compared > 0, `the live read models equal the rebuild (${names.length} collections, ${compared} documents)`);
} catch (error) {
  failures.push(error.message);
  console.error(error);
} finally {
  await stopAll().catch(() => undefined);
  if (mongo) {
    await mongo.db(dbName).dropDatabase().catch(() => undefined);
    await mongo.close();
  }
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(failures.length === 0 ? '\nMulti-instance test passed.' : `\n${failures.length} check(s) failed.`);
process.exit(failures.length === 0 ? 0 : 1);
