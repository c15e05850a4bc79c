import type { EventStore } from '@carnet/event-store';
import type { Projection } from './projection.js';
import { projectBatch } from './projection-runner.js';
import type { ReadStore } from './read-store.port.js';

export interface RebuildProgress {
  generation: number;
  position: number;
  head: number;
  events: number;
}

/**
 * Rebuilds every read model into a fresh generation from the start of the log, catches up with
 * what was appended meanwhile, then makes it the active generation. The API keeps serving the
 * old generation until the swap, and its runner follows the new one after it.
 */
export async function rebuildReadModels(
  events: EventStore,
  store: ReadStore,
  projections: Projection<any>[],
  options: { batchSize?: number; onProgress?: (p: RebuildProgress) => void } = {},
): Promise<RebuildProgress> {
  const active = await store.activeGeneration();
  // Leftovers from an interrupted rebuild or generations older than the active one.
  for (const g of await store.generations()) if (g !== active) await store.dropGeneration(g);
  const generation = Math.max(active, ...(await store.generations())) + 1;
  const set = store.at(generation);
  // Bulk load first, index after (full-text indexes too): maintaining indexes row by row costs more than building them once.
  for (const p of projections) await set.ensureCollection(p.collection, []);
  let position = 0;
  let count = 0;
  let head = await events.headPosition();
  for (;;) {
    const batch = await events.readAll({ after: position, maxCount: options.batchSize ?? 5000 });
    if (batch.length === 0) {
      head = await events.headPosition();
      if (head <= position) break; // caught up: nothing appended since the last page
      continue;
    }
    await projectBatch(set, projections, batch);
    position = batch[batch.length - 1].position;
    count += batch.length;
    options.onProgress?.({ generation, position, head: Math.max(head, position), events: count });
  }
  for (const p of projections) await set.ensureCollection(p.collection, p.indexedFields, { fullText: p.fullText });
  await store.activate(generation);
  const result = { generation, position, head, events: count };
  options.onProgress?.(result);
  return result;
}
