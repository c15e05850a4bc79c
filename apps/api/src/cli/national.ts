/**
 * `npm run bench:national` (issue #15 part 6, « National scale »): writes a realistic log for the
 * communes of France (default: all ~34,900 × 10 projects × ~30 events ≈ 10 million events) through
 * the event store's append API, then measures on it:
 *
 *  (1) writing the log: events/s and the process's peak memory
 *  (2) a full rebuild of the read models (the `npm run projections:rebuild` path), in a process of
 *      its own: duration, events/s, peak RSS (sampled, and VmHWM)              target ≤ 1 GiB
 *  (3) the SQLite files (log, read models), read-model bytes per event, the largest collections
 *  (4) p50/p99 over HTTP, through the real application on loopback (DEPARTEMENTS=all: every Département
 *      served, issue #17), after a warm-up, of the staff's projects list (step filter, deep page), a search,
 *      the Département's dashboard (agents of the Val-d'Oise and of the Yvelines) target p99 ≤ 200 ms
 *      and of the public list                                                   target p99 ≤ 100 ms
 *
 * Options: --communes N (default all) --projects P (10) --events E (30, mean per project)
 *          --dir DIR (default a temporary folder, removed at the end unless --keep) --keep
 *          --reuse (a DIR that already holds a log: skip writing) --samples N (50) --seed TEXT
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '@carnet/event-store';
import { rebuildReadModels } from '@carnet/read-store';
import { createApp } from '../app.js';
import { StartingRuleSetSeeder } from '../financing/commands/publish-rule-set/starting-rule-set.seeder.js';
import { ReadModels } from '../shared/read-models.js';
import { loadConfig, type AppConfig } from '../config.js';
import { demoEmail } from '../identity/demo-accounts.js';
import { openEventStore, openReadStore } from '../infrastructure/engines.js';
import { ALL_PROJECTIONS } from '../infrastructure/projections.js';
import { REBUILD_HEAP_CEILING } from './rebuild-heap.js';
import { DEFAULT_NATIONAL_OPTIONS, nationalCommunes, writeNationalLog } from '../national/national-log.js';

const MiB = 2 ** 20;
const GiB = 2 ** 30;

interface Args {
  communes?: number;
  projects: number;
  events: number;
  dir?: string;
  keep: boolean;
  reuse: boolean;
  samples: number;
  seed: string;
  phase?: 'rebuild';
}

function parseArgs(argv: string[]): Args {
  const args: Args = { projects: DEFAULT_NATIONAL_OPTIONS.projects, events: DEFAULT_NATIONAL_OPTIONS.events, keep: false, reuse: false, samples: 50, seed: DEFAULT_NATIONAL_OPTIONS.seed };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    const int = () => {
      const n = Number(value());
      if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag} attend un entier positif`);
      return n;
    };
    switch (flag) {
      case '--communes': args.communes = int(); break;
      case '--projects': args.projects = int(); break;
      case '--events': args.events = int(); break;
      case '--samples': args.samples = int(); break;
      case '--dir': args.dir = value(); break;
      case '--seed': args.seed = value(); break;
      case '--keep': args.keep = true; break;
      case '--reuse': args.reuse = true; break;
      case '--phase': args.phase = value() as 'rebuild'; break;
      default: throw new Error(`Option inconnue : ${argv[i]}`);
    }
  }
  return args;
}

/** The process's peak resident memory: sampled every 100 ms, and the kernel's high-water mark (VmHWM). */
function memoryWatch() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  timer.unref();
  return {
    stop(): { sampledPeak: number; vmHwm: number | null } {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
      return { sampledPeak: peak, vmHwm: hwm ? Number(hwm[1]) * 1024 : null };
    },
  };
}

const fileSize = (path: string) => (existsSync(path) ? statSync(path).size : 0);
const sqliteSize = (path: string) => fileSize(path) + fileSize(`${path}-wal`);

function configFor(dir: string): AppConfig {
  return {
    ...loadConfig({
      ...process.env,
      DATA_DIR: dir,
      // The log holds communes of all France: the instance serves them all (issue #17), and each Département's
      // staff see their own; the lists, the search and the dashboard are measured that way.
      DEPARTEMENT: undefined,
      DEPARTEMENTS: 'all',
      // The demo accounts give the measures a logged-in agent of the Val-d’Oise (refused in production mode).
      DEMO_DATA: 'true',
      NODE_ENV: 'test',
      PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000000',
      // No audit anchor during the measures: it walks the whole log, which is not what is measured here.
      AUDIT_ANCHOR_AT_STARTUP: 'false',
      AUDIT_ANCHOR_EVERY_EVENTS: '1000000000',
      AUDIT_ANCHOR_MINUTES: '1000000',
      LOG_LEVEL: 'error',
    }),
    port: 0,
  };
}

// ---------------------------------------------------------------- (2) the rebuild, in its own process
// With the heap ceiling `npm run projections:rebuild` runs under (rebuild-heap.ts).
const REBUILD_NODE_FLAGS = [REBUILD_HEAP_CEILING];
async function rebuildPhase(dir: string): Promise<void> {
  const config = configFor(dir);
  const events = openEventStore(config);
  const reads = await openReadStore(config);
  const watch = memoryWatch();
  const faults: string[] = [];
  const started = performance.now();
  let last = 0;
  const result = await rebuildReadModels(events, reads, ALL_PROJECTIONS, {
    onFault: (f) => faults.push(`${f.projection} @${f.position} ${f.type}: ${f.error}`),
    onProgress: (p) => {
      const now = performance.now();
      if (now - last > 5_000) {
        last = now;
        const m = process.memoryUsage();
        process.stderr.write(`  reconstruction : ${p.events.toLocaleString('fr-FR')} / ${p.head.toLocaleString('fr-FR')} événements, RSS ${Math.round(m.rss / MiB)} Mio (tas ${Math.round(m.heapUsed / MiB)}/${Math.round(m.heapTotal / MiB)} Mio, hors tas ${Math.round((m.external + m.arrayBuffers) / MiB)} Mio)\n`);
      }
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const memory = watch.stop();
  await events.close();
  await reads.close();
  process.stdout.write(`${JSON.stringify({ events: result.events, generation: result.generation, seconds, faults, ...memory })}\n`);
}

function runRebuildProcess(dir: string): Promise<{ events: number; generation: number; seconds: number; faults: string[]; sampledPeak: number; vmHwm: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...REBUILD_NODE_FLAGS, fileURLToPath(import.meta.url), '--phase', 'rebuild', '--dir', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`la reconstruction a échoué (code ${code})`));
      resolve(JSON.parse(out.trim().split('\n').at(-1)!));
    });
  });
}

// ---------------------------------------------------------------- (3) sizes
interface CollectionSize {
  name: string;
  rows: number;
  bytes: number;
}

/** Bytes of each collection of the active generation (table, its indexes, its full-text tables), from SQLite's dbstat. */
function collectionSizes(file: string): { generation: number; sizes: CollectionSize[] } {
  const db = new Database(file, { readonly: true });
  try {
    const generation = (db.prepare("SELECT value FROM read_meta WHERE key = 'active_generation'").get() as { value: number }).value;
    const prefix = `rm_g${generation}_`;
    const objects = db.prepare("SELECT name, tbl_name FROM sqlite_master WHERE type IN ('table', 'index') AND tbl_name LIKE ?").all(`${prefix}%`) as Array<{ name: string; tbl_name: string }>;
    const bytes = new Map<string, number>();
    const stat = db.prepare('SELECT SUM(pgsize) AS bytes FROM dbstat WHERE name = ?');
    for (const o of objects) {
      // The full-text index's own tables (…_fts, …_fts_data, …_ftsid) count with their collection.
      const collection = o.tbl_name.slice(prefix.length).replace(/_fts.*$/, '');
      bytes.set(collection, (bytes.get(collection) ?? 0) + ((stat.get(o.name) as { bytes: number | null }).bytes ?? 0));
    }
    const sizes = [...bytes].map(([name, b]) => {
      const table = `${prefix}${name}`;
      const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE name = ?").get(table);
      const rows = exists ? (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n : 0;
      return { name, rows, bytes: b };
    });
    return { generation, sizes: sizes.sort((a, b) => b.bytes - a.bytes) };
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------- (4) queries over HTTP
async function login(base: string, email: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password: 'demo-carnet-2026' }) });
  if (res.status !== 200) throw new Error(`login of ${email} failed: ${res.status}`);
  return { Cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).filter((c) => !c.endsWith('=')).join('; ') };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

/** `url` may be a function of the sample's number: a different address each time (past an answer cache). */
async function timeGet(url: string | ((i: number) => string), headers: Record<string, string>, samples: number, warmup = 5): Promise<{ p50: number; p99: number; max: number; bytes: number; body: unknown }> {
  const times: number[] = [];
  let bytes = 0;
  let body: unknown = null;
  for (let i = 0; i < warmup + samples; i++) {
    const t0 = performance.now();
    const res = await fetch(typeof url === 'string' ? url : url(i), { headers });
    const buffer = Buffer.from(await res.arrayBuffer());
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`${typeof url === 'string' ? url : url(i)} answered ${res.status}: ${buffer.toString('utf8').slice(0, 300)}`);
    if (i >= warmup) times.push(ms);
    bytes = buffer.length;
    if (i === 0) body = JSON.parse(buffer.toString('utf8'));
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99), max: Math.max(...times), bytes, body };
}

// ---------------------------------------------------------------- main
const fmt = (n: number, digits = 0) => n.toLocaleString('fr-FR', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mib = (bytes: number) => `${fmt(bytes / MiB)} Mio`;

async function main(args: Args): Promise<void> {
  const dir = args.dir ?? mkdtempSync(join(tmpdir(), 'carnet-national-'));
  const removeAtEnd = !args.dir && !args.keep;
  const out = (s: string) => process.stdout.write(`${s}\n`);
  const rows: Array<[string, string, string, string]> = [];
  const row = (what: string, value: string, target = '', ok?: boolean) => rows.push([what, value, target, ok === undefined ? '' : ok ? 'PASS' : 'FAIL']);
  let failed = false;
  try {
    out(`Carnet de projets — échelle nationale (${new Date().toISOString()}, Node ${process.version}, ${cpus().length} cœurs, ${fmt(totalmem() / GiB, 1)} Gio de mémoire, ${fmt(freemem() / GiB, 1)} libres, charge ${fmt(loadavg()[0], 2)})`);
    out(`Dossier : ${dir}${removeAtEnd ? ' (effacé à la fin)' : ''}`);
    const eventsFile = join(dir, 'events.sqlite');

    // (1) the log
    const existing = args.reuse && existsSync(eventsFile);
    if (!existing) {
      if (existsSync(eventsFile)) throw new Error(`${eventsFile} existe déjà : --reuse pour le garder, ou un autre --dir`);
      const communes = nationalCommunes(args.communes);
      out(`(1) écriture : ${fmt(communes.length)} communes × ${args.projects} projets × ~${args.events} événements, par l’ajout du journal (SqliteEventStore.appendToStream, un ajout par projet, jusqu’à 256 en vol)`);
      const store = new SqliteEventStore({ filename: eventsFile });
      const watch = memoryWatch();
      let lastReport = performance.now();
      const written = await writeNationalLog(store, communes, {
        projects: args.projects,
        events: args.events,
        seed: args.seed,
        onProgress: (p) => {
          const now = performance.now();
          if (now - lastReport > 10_000) {
            lastReport = now;
            process.stderr.write(`  écriture : ${fmt(p.communes)} / ${fmt(communes.length)} communes, ${fmt(p.events)} événements, RSS ${mib(process.memoryUsage().rss)}\n`);
          }
        },
      });
      const commits = store.stats.commits;
      await store.close();
      const memory = watch.stop();
      out(`    ${fmt(written.events)} événements, ${fmt(written.projects)} projets en ${fmt(written.seconds, 1)} s = ${fmt(written.events / written.seconds)} événements/s (${fmt(commits)} commits de groupe), pic RSS ${mib(memory.vmHwm ?? memory.sampledPeak)}`);
      out(`    types : ${Object.entries(written.types).sort((a, b) => b[1] - a[1]).map(([t, n]) => `${t} ${fmt(n)}`).join(', ')}`);
      row('Écriture du journal', `${fmt(written.events)} événements en ${fmt(written.seconds, 1)} s (${fmt(written.events / written.seconds)} év./s)`);
      row('Écriture : pic de mémoire (VmHWM)', mib(memory.vmHwm ?? memory.sampledPeak), '≤ 1 024 Mio', (memory.vmHwm ?? memory.sampledPeak) <= GiB);
      failed ||= (memory.vmHwm ?? memory.sampledPeak) > GiB;
    } else {
      out('(1) journal déjà écrit (--reuse) : pas d’écriture');
    }

    // (2) rebuild, in a process of its own so that its memory is its own
    out('(2) reconstruction complète des lectures (rebuildReadModels, comme npm run projections:rebuild), dans un processus à part');
    const rebuild = await runRebuildProcess(dir);
    const peak = rebuild.vmHwm ?? rebuild.sampledPeak;
    out(`    ${fmt(rebuild.events)} événements en ${fmt(rebuild.seconds, 1)} s = ${fmt(rebuild.events / rebuild.seconds)} événements/s ; pic RSS échantillonné ${mib(rebuild.sampledPeak)}, VmHWM ${rebuild.vmHwm === null ? '?' : mib(rebuild.vmHwm)} ; ${rebuild.faults.length} projection(s) arrêtée(s)`);
    for (const f of rebuild.faults) out(`    ARRÊT : ${f}`);
    row('Reconstruction des lectures', `${fmt(rebuild.seconds, 1)} s (${fmt(rebuild.events / rebuild.seconds)} év./s)`);
    row('Reconstruction : pic de mémoire (VmHWM)', mib(peak), '≤ 1 024 Mio', peak <= GiB);
    row('Reconstruction : projections arrêtées', String(rebuild.faults.length), '0', rebuild.faults.length === 0);
    failed ||= peak > GiB || rebuild.faults.length > 0;

    // (3) sizes
    const readFile = join(dir, 'read-models.sqlite');
    const logBytes = sqliteSize(eventsFile);
    const readBytes = sqliteSize(readFile);
    const { sizes } = collectionSizes(readFile);
    const activeBytes = sizes.reduce((n, s) => n + s.bytes, 0);
    out(`(3) journal ${mib(logBytes)} (${fmt(logBytes / rebuild.events)} octets/événement) ; fichier des lectures ${mib(readBytes)}, dont la génération active ${mib(activeBytes)} (${fmt(activeBytes / rebuild.events)} octets/événement)`);
    for (const s of sizes.slice(0, 10)) out(`    ${s.name.padEnd(22)} ${mib(s.bytes).padStart(10)}  ${fmt(s.rows).padStart(11)} documents  ${fmt(s.bytes / rebuild.events, 1).padStart(6)} octets/événement`);
    row('Journal (events.sqlite)', `${mib(logBytes)}, ${fmt(logBytes / rebuild.events)} o/év.`);
    row('Lectures (read-models.sqlite)', `${mib(readBytes)} ; génération active ${mib(activeBytes)}, ${fmt(activeBytes / rebuild.events)} o/év.`);

    // (4) queries through the real application
    out(`(4) requêtes par HTTP sur l’application (createApp, boucle locale), ${args.samples} mesures après 5 d’échauffement, une à la fois`);
    const app = await createApp(configFor(dir), { logger: ['error'] });
    try {
      await app.listen(0, '127.0.0.1');
      // The Départements' starting financing rules are published in the background after start-up: not during the measures.
      await app.get(ReadModels).current(await app.get(StartingRuleSetSeeder).othersSeeded());
      const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
      const agent = await login(base, demoEmail('Sophie Bernard'));
      const agent78 = await login(base, demoEmail('Camille Laurent'));
      const first = (await (await fetch(`${base}/api/projects?step=travaux&limit=20`, { headers: agent })).json()) as { total: number };
      const deep = Math.max(0, Math.min(first.total - 20, Math.floor(first.total / 2)));
      const measures: Array<{ what: string; url: string; headers: Record<string, string>; target: number }> = [
        { what: 'Liste des projets (agent 95), étape « travaux »', url: `/api/projects?step=travaux&limit=20`, headers: agent, target: 200 },
        { what: `Liste, même filtre, page profonde (offset ${fmt(deep)})`, url: `/api/projects?step=travaux&limit=20&offset=${deep}`, headers: agent, target: 200 },
        { what: 'Liste d’une commune (agent 95, Ableiges)', url: `/api/projects?commune=95002&limit=20`, headers: agent, target: 200 },
        { what: 'Recherche « toiture ecole » (agent 95)', url: `/api/search?q=${encodeURIComponent('toiture ecole')}&limit=20`, headers: agent, target: 200 },
        { what: 'Tableau de bord du Département (agent 95)', url: '/api/dashboards/departement', headers: agent, target: 200 },
        { what: 'Liste des projets (agent 78), étape « travaux »', url: `/api/projects?step=travaux&limit=20`, headers: agent78, target: 200 },
        { what: 'Tableau de bord du Département (agent 78)', url: '/api/dashboards/departement', headers: agent78, target: 200 },
        { what: 'Liste publique (anonyme)', url: '/api/public/v1/projects?limit=20', headers: {}, target: 100 },
        // The public answers are cached per read-model position: a different `limit` each time measures the query itself.
        { what: 'Liste publique, sans son cache (limit 11 à 70)', url: '/api/public/v1/projects?limit=11…70', headers: {}, target: 100 },
      ];
      for (const m of measures) {
        const url = m.url.endsWith('limit=11…70') ? (i: number) => `${base}/api/public/v1/projects?limit=${11 + (i % 60)}` : `${base}${m.url}`;
        const r = await timeGet(url, m.headers, args.samples);
        const total = (r.body as { total?: number; projectCount?: number }).total ?? (r.body as { projectCount?: number }).projectCount;
        out(`    ${m.what} : p50 ${fmt(r.p50, 1)} ms, p99 ${fmt(r.p99, 1)} ms, max ${fmt(r.max, 1)} ms (${fmt(r.bytes)} octets${total === undefined ? '' : `, total ${fmt(total)}`})  GET ${m.url}`);
        row(`${m.what} — p99`, `${fmt(r.p99, 1)} ms (p50 ${fmt(r.p50, 1)})`, `≤ ${m.target} ms`, r.p99 <= m.target);
        failed ||= r.p99 > m.target;
      }
    } finally {
      await app.close();
    }

    // The table, each figure next to its target.
    const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length), ['Mesure', 'Valeur', 'Cible', ''][i].length));
    const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
    out('');
    out(line(['Mesure', 'Valeur', 'Cible', '']));
    out(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
    for (const r of rows) out(line(r));
    out(failed ? 'Au moins une cible n’est pas atteinte.' : 'Toutes les cibles sont atteintes.');
  } finally {
    if (removeAtEnd) rmSync(dir, { recursive: true, force: true });
  }
  process.exitCode = failed ? 1 : 0;
}

const args = parseArgs(process.argv.slice(2));
if (args.phase === 'rebuild') await rebuildPhase(args.dir!);
else await main(args);
