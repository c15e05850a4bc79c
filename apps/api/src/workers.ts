import cluster, { type Worker } from 'node:cluster';
import { Logger } from '@nestjs/common';
import { hostname, setPriority } from 'node:os';
import type { AppConfig } from './config.js';
import { isSiblingSignal } from './infrastructure/sibling-signals.js';

/**
 * WORKERS=n (ADR 0024): the primary process starts n HTTP processes on one port (Node's cluster
 * module hands them the connections in turn) and one projections process without HTTP, and
 * restarts one that dies. They share the stores: the embedded SQLite files (WAL, writers serialised
 * by SQLite's lock) or the servers. The projections process holds the projections' lease; the HTTP
 * processes read its checkpoint, and one of them takes the projections over if it stays away
 * (dead and not coming back) for twice the lease.
 *
 * The projections process starts first, alone: it writes the demo data and the starting rules if
 * the log is empty, then the HTTP processes start and find them there.
 */

const READY = 'carnet:ready';
/** A process that dies within this time after starting is not restarted again at once. */
const QUICK_DEATH_MS = 10_000;

export function runPrimary(config: AppConfig): void {
  const logger = new Logger('Processus');
  const total = config.instances.workers;
  let stopping = false;
  let started = 0;
  const startedAt = new Map<Worker, number>();
  const quickDeaths: number[] = [];

  const base = process.env.INSTANCE_ID?.trim() || `${hostname()}-${process.pid}`;
  // Index 0: the projections process; 1..n: the HTTP processes.
  const fork = (index: number): Worker => {
    const worker = cluster.fork({
      CARNET_WORKER_INDEX: String(index),
      CARNET_PROCESS_ROLE: index === 0 ? 'projections' : 'http',
      INSTANCE_ID: index === 0 ? `${base}-projections` : `${base}-w${index}`,
    });
    startedAt.set(worker, Date.now());
    (worker as Worker & { carnetIndex?: number }).carnetIndex = index;
    const niceness = config.instances.httpNiceness;
    if (index > 0 && niceness > 0) {
      worker.process.once('spawn', () => {
        try {
          setPriority(worker.process.pid!, niceness);
        } catch (error) {
          logger.warn(`HTTP_NICENESS=${niceness} non appliqué au processus ${index} : ${(error as Error).message}`);
        }
      });
    }
    return worker;
  };

  cluster.on('message', (sender, message) => {
    if (isSiblingSignal(message)) {
      // A process committed events or projected a batch: the others read now (sibling-signals.ts).
      for (const worker of Object.values(cluster.workers ?? {})) {
        if (worker && worker !== sender && worker.isConnected()) worker.send(message, undefined, () => undefined);
      }
      return;
    }
    if (message !== READY) return;
    started++;
    // The projections process has written what an empty log needs: the HTTP processes may start now.
    if (started === 1) for (let i = 1; i <= total; i++) fork(i);
    if (started === total + 1) logger.log(`${total} processus HTTP sur le port ${config.port} et un processus des projections (WORKERS=${total})`);
  });

  cluster.on('exit', (worker, code, signal) => {
    const index = (worker as Worker & { carnetIndex?: number }).carnetIndex ?? 0;
    if (stopping) return;
    const lived = Date.now() - (startedAt.get(worker) ?? 0);
    startedAt.delete(worker);
    logger.error(`Le processus ${index === 0 ? 'des projections' : index} s’est arrêté (${signal ?? `code ${code}`}) après ${Math.round(lived / 1000)} s : il est relancé.`);
    const now = Date.now();
    if (lived < QUICK_DEATH_MS) quickDeaths.push(now);
    // A process that cannot start (a setting, a store out of reach) would be restarted forever: stop after 5 in a minute.
    const recent = quickDeaths.filter((t) => now - t < 60_000);
    quickDeaths.splice(0, quickDeaths.length, ...recent);
    if (recent.length >= 5) {
      logger.error('Cinq processus se sont arrêtés au démarrage en une minute : arrêt du service (voir leurs journaux ci-dessus).');
      stop(1);
      return;
    }
    // Not unref'd: when the only process died, this timer is what keeps the primary alive to restart it.
    setTimeout(() => !stopping && fork(index), lived < QUICK_DEATH_MS ? 1000 : 0);
  });

  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
    // Each process ends its requests, gives the projections' lease up and closes the stores (shutdown hooks).
    for (const worker of workers) worker.process.kill('SIGTERM');
    let left = workers.length;
    if (left === 0) process.exit(code);
    for (const worker of workers) worker.once('exit', () => --left === 0 && process.exit(code));
    setTimeout(() => process.exit(code), 15_000).unref();
  };
  process.on('SIGTERM', () => stop(0));
  process.on('SIGINT', () => stop(0));

  fork(0);
}

/** Tells the primary that this process serves requests (no-op outside WORKERS mode). */
export function tellPrimaryReady(): void {
  if (cluster.isWorker) process.send?.(READY);
}
