/**
 * `npm run projections:rebuild`: rebuilds every read model into a fresh generation from the whole
 * event log, with a progress bar, then swaps it in. The API may keep running: it serves the old
 * generation until the swap and follows the new one within a second after it.
 */
import { RebuildInProgressError, rebuildReadModels, type RebuildProgress } from '@carnet/read-store';
import { loadConfig } from '../config.js';
import { openEventStore, openReadStore } from '../infrastructure/engines.js';
import { ALL_PROJECTIONS } from '../infrastructure/projections.js';
import { spawn } from 'node:child_process';
import { writeFileSync, mkdirSync, renameSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { REBUILD_PROGRESS_FILE, type RebuildProgressFile } from '../operations/metrics.js';
import { hasHeapCeiling, REBUILD_HEAP_CEILING } from './rebuild-heap.js';

/** The progress the running API reads at each scrape of /metrics (carnet_rebuild_*), written atomically. */
function publish(dataDir: string, p: RebuildProgress, done: boolean): void {
  try {
    mkdirSync(dataDir, { recursive: true });
    const file: RebuildProgressFile = { ...p, done, updatedAt: new Date().toISOString() };
    writeFileSync(join(dataDir, `${REBUILD_PROGRESS_FILE}.tmp`), JSON.stringify(file));
    renameSync(join(dataDir, `${REBUILD_PROGRESS_FILE}.tmp`), join(dataDir, REBUILD_PROGRESS_FILE));
  } catch {
    // Progress for the metrics only: a read-only DATA_DIR does not stop the rebuild.
  }
}

function bar(p: RebuildProgress): string {
  const ratio = p.head === 0 ? 1 : Math.min(1, p.position / p.head);
  const width = 30;
  const filled = Math.round(ratio * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(ratio * 100).toFixed(0).padStart(3)} %  ${p.events} événements`;
}

// Started without a heap ceiling: run again with one (see rebuild-heap.ts), the same arguments, the same terminal.
// Ctrl-C reaches both processes (same terminal); a SIGTERM sent to this one only is passed on, so that the rebuild
// stops and lets its lease go rather than running on, orphaned.
if (!hasHeapCeiling()) {
  const child = spawn(process.execPath, [REBUILD_HEAP_CEILING, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
  const code = await new Promise<number>((done) => {
    child.once('error', (error) => {
      process.stderr.write(`Impossible de lancer la reconstruction : ${error.message}\n`);
      done(1);
    });
    child.once('exit', (status, signal) => done(status ?? (signal ? 1 : 0)));
  });
  process.exit(code);
}

const config = loadConfig();
const events = openEventStore(config);
const reads = await openReadStore(config);
const started = performance.now();
const tty = process.stderr.isTTY;
let lastPrinted = -1;
try {
  process.stderr.write(`Reconstruction des lectures (journal : ${events.engine}, lectures : ${reads.engine})\n`);
  const result = await rebuildReadModels(events, reads, ALL_PROJECTIONS, {
    // One rebuild at a time, whichever machine starts it (ADR 0024).
    lease: { holder: `rebuild-${config.instances.instanceId}` },
    onFault: (f) => process.stderr.write(`\nProjection « ${f.projection} » arrêtée sur ${f.type} en position ${f.position} (flux ${f.streamId}) : ${f.error}\n`),
    onProgress: (p) => {
      publish(config.dataDir, p, false);
      const tenth = p.head === 0 ? 10 : Math.floor((p.position / p.head) * 10);
      if (tty) process.stderr.write(`\r${bar(p)}`);
      else if (tenth !== lastPrinted) {
        lastPrinted = tenth;
        process.stderr.write(`${bar(p)}\n`);
      }
    },
  });
  publish(config.dataDir, result, true);
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(
    `${tty ? '\n' : ''}Génération ${result.generation} active : ${result.events} événements en ${seconds.toFixed(1)} s ` +
      `(${Math.round(result.events / Math.max(seconds, 0.001))} événements/s).\n`,
  );
} catch (error) {
  if (error instanceof RebuildInProgressError) {
    process.stderr.write(`Une reconstruction est déjà en cours (${error.holder}) : attendez qu’elle finisse. Rien n’a été modifié.\n`);
  } else process.stderr.write(`\nÉchec de la reconstruction : ${(error as Error).message}\nLes lectures actives n’ont pas été modifiées.\n`);
  process.exitCode = 1;
} finally {
  await events.close();
  await reads.close();
}
