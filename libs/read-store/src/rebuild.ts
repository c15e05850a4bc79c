import type { EventStore, RecordedEvent } from '@carnet/event-store';
import type { Projection } from './projection.js';
import { applyEvent, keysOf } from './projection.js';
import { PROJECTION_FAULTS, type ProjectionFault } from './projection-runner.js';
import { LeaseLostError, type DocumentChange, type LeaseFence, type ReadStore, type StoredDoc } from './read-store.port.js';

type Doc = Record<string, unknown> & StoredDoc;

export interface RebuildProgress {
  generation: number;
  position: number;
  head: number;
  events: number;
}

/** Options of a rebuild; the defaults suit one département on a small machine. */
export interface RebuildOptions {
  /** Events read from the log per page. */
  batchSize?: number;
  /**
   * Documents kept in memory while replaying (all collections together). Past it, the documents
   * are written and forgotten, and read back from the new generation when an event needs them.
   */
  workingSetLimit?: number;
  /**
   * The JavaScript heap the working set may fill (bytes, default 256 MiB): documents differ in size
   * (a project's notification feed keeps 100 entries), so the number of documents alone does not
   * bound the memory. Past it, the working set is written and forgotten as above — once it holds
   * at least a twentieth of `workingSetLimit` documents, so that garbage not yet collected does not
   * empty it at every page.
   */
  heapLimit?: number;
  onProgress?: (p: RebuildProgress) => void;
  /** Called when a projection stops on a poison event: the rebuild goes on without it (ADR 0022). */
  onFault?: (fault: ProjectionFault) => void;
  /**
   * One rebuild at a time among every instance and command (ADR 0024): the rebuild holds the
   * `rebuild` lease, renewed while it runs, and its commits are fenced by it.
   */
  lease?: { holder: string; ttlMs?: number };
}

/** A rebuild refused because another one holds the `rebuild` lease. */
export class RebuildInProgressError extends Error {
  constructor(readonly holder: string, readonly expiresAt: number) {
    super(`A rebuild is already running on ${holder} (its lease ends ${new Date(expiresAt).toISOString()} unless renewed)`);
    this.name = 'RebuildInProgressError';
  }
}

export const REBUILD_LEASE = 'rebuild';

/**
 * Rebuilds every read model into a fresh generation from the start of the log, catches up with
 * what was appended meanwhile, then makes it the active generation. The API keeps serving the
 * old generation until the swap, and its runner follows the new one after it.
 *
 * Nobody else writes the new generation, so its documents are evolved in memory (a working set)
 * and written once, when the working set is full and at the end, instead of being read back and
 * rewritten after every page of the log. Documents written once per event (`writeOnce`) are
 * written with their page. The generation's checkpoint only moves when every document evolved up
 * to it is written; an interrupted rebuild leaves a generation that the next one drops.
 */
export async function rebuildReadModels(
  events: EventStore,
  store: ReadStore,
  projections: Projection<any>[],
  options: RebuildOptions = {},
): Promise<RebuildProgress> {
  if (!options.lease) return rebuildFenced(events, store, projections, options, () => undefined);
  const { holder } = options.lease;
  const ttlMs = options.lease.ttlMs ?? 30_000;
  let lease = await store.acquireLease(REBUILD_LEASE, holder, ttlMs);
  if (!lease) {
    const current = await store.lease(REBUILD_LEASE);
    throw new RebuildInProgressError(current?.holder ?? '?', current?.expiresAt ?? 0);
  }
  let renewal: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    renewal = store.acquireLease(REBUILD_LEASE, holder, ttlMs).then(
      (renewed) => void (lease = renewed),
      () => undefined, // not renewed this time: the fence refuses the commits once it expired
    );
  }, Math.max(100, Math.floor(ttlMs / 3)));
  const fence = (): LeaseFence => {
    const fence = { name: REBUILD_LEASE, holder, term: lease?.term ?? 0 };
    if (!lease || Date.now() >= lease.expiresAt) throw new LeaseLostError(fence);
    return fence;
  };
  try {
    return await rebuildFenced(events, store, projections, options, fence);
  } finally {
    clearInterval(timer);
    await renewal;
    await store.releaseLease(REBUILD_LEASE, holder).catch(() => undefined);
  }
}

async function rebuildFenced(
  events: EventStore,
  store: ReadStore,
  projections: Projection<any>[],
  options: RebuildOptions,
  fence: () => LeaseFence | undefined,
): Promise<RebuildProgress> {
  const active = await store.activeGeneration();
  // Leftovers of an interrupted rebuild (above the active generation) are dropped now; older
  // generations once the new one is active (see the end).
  for (const g of await store.generations()) if (g > active) await store.dropGeneration(g);
  const generation = Math.max(active, ...(await store.generations())) + 1;
  const set = store.at(generation);
  // Bulk load first, index after (full-text indexes too): maintaining indexes row by row costs more than building them once.
  for (const p of projections) await set.ensureCollection(p.collection, p.indexedFields, { compoundIndexes: p.compoundIndexes, indexesLater: true });
  const limit = options.workingSetLimit ?? 200_000;
  const heapLimit = options.heapLimit ?? 256 * 2 ** 20;
  const full = () => held > limit || (held > limit / 20 && process.memoryUsage().heapUsed > heapLimit);
  const working = projections.map(() => new Map<string, Doc | null>());
  const dirty = projections.map(() => new Set<string>());
  // Projections stopped on a poison event: skipped for the rest of the log, their fault recorded in the generation.
  const faults = new Map<number, ProjectionFault>();
  await set.ensureCollection(PROJECTION_FAULTS, []);
  let held = 0;
  // Until the working set is first emptied, a document missing from it does not exist yet.
  let forgotten = false;
  let position = 0;
  let count = 0;
  let head = await events.headPosition();
  /** Moves the changed documents of projection `i`, evolved in `docs`, into `changes`. */
  const flushOne = (i: number, docs: Map<string, Doc | null>, changes: DocumentChange[]) => {
    for (const key of dirty[i]) changes.push({ collection: projections[i].collection, id: key, doc: docs.get(key) ?? null });
    dirty[i].clear();
  };
  const flush = (changes: DocumentChange[]) => projections.forEach((_, i) => flushOne(i, working[i], changes));
  for (;;) {
    const batch = await events.readAll({ after: position, maxCount: options.batchSize ?? 5000 });
    if (batch.length === 0) {
      head = await events.headPosition();
      if (head <= position) break; // caught up: nothing appended since the last page
      continue;
    }
    const changes: DocumentChange[] = [];
    for (let i = 0; i < projections.length; i++) {
      const projection = projections[i];
      if (faults.has(i)) continue;
      // Built from its event alone (`writeOnce`): evolved in a map of this page only and written with it.
      const docs = projection.writeOnce ? new Map<string, Doc | null>() : working[i];
      if (forgotten && !projection.writeOnce) {
        const missing = new Set<string>();
        for (const event of batch) for (const key of keysOf(projection, event)) if (!docs.has(key)) missing.add(key);
        if (missing.size) {
          const stored = await set.getMany<Record<string, unknown>>(projection.collection, [...missing]);
          for (const key of missing) docs.set(key, stored.get(key) ?? null);
          held += missing.size;
        }
      }
      const sibling = (key: string) => docs.get(key) ?? null;
      const evolve = (event: RecordedEvent, key: string) => {
        const before = docs.get(key);
        const next = applyEvent(projection, before ?? null, event, key, sibling);
        if (next === undefined) return;
        if (before === undefined && !projection.writeOnce) held++;
        docs.set(key, next);
        dirty[i].add(key);
      };
      for (const event of batch) {
        // Most events concern few projections: no array is built for a single key or for none.
        // Several keys: what the event changed before a throw is put back.
        let before: Map<string, { doc: Doc | null | undefined; dirty: boolean }> | null = null;
        try {
          const keys = projection.keyOf(event);
          if (keys === null) continue;
          if (event.undecodable) throw new Error(event.undecodable);
          // One key: a throw happens before anything is set, nothing to undo.
          if (typeof keys === 'string') evolve(event, keys);
          else {
            before = new Map();
            for (const key of keys) {
              if (!before.has(key)) before.set(key, { doc: docs.get(key), dirty: dirty[i].has(key) });
              evolve(event, key);
            }
          }
        } catch (error) {
          // The event is undone for this projection, which stops here; the others go on.
          for (const [key, was] of before ?? []) {
            if (was.doc === undefined) docs.delete(key);
            else docs.set(key, was.doc);
            if (!was.dirty) dirty[i].delete(key);
          }
          const fault: ProjectionFault = {
            projection: projection.collection,
            position: event.position,
            streamId: event.streamId,
            revision: event.revision,
            type: event.type,
            eventId: event.id,
            error: (event.undecodable ? `undecodable event: ${event.undecodable}` : error instanceof Error ? error.message : String(error)).slice(0, 1000),
            stoppedAt: new Date().toISOString(),
          };
          faults.set(i, fault);
          changes.push({ collection: PROJECTION_FAULTS, id: fault.projection, doc: { ...fault, _position: event.position } });
          options.onFault?.(fault);
          break;
        }
      }
      if (projection.writeOnce) flushOne(i, docs, changes);
    }
    position = batch[batch.length - 1].position;
    count += batch.length;
    if (full()) {
      flush(changes);
      for (const docs of working) docs.clear();
      held = 0;
      forgotten = true;
      // Everything evolved so far is in `changes`: the checkpoint may move with them.
      await set.commit(changes, position, fence());
    } else if (changes.length > 0) {
      // Documents still only in memory: the checkpoint stays where the written state is.
      await set.commit(changes, 0, fence());
    }
    options.onProgress?.({ generation, position, head: Math.max(head, position), events: count });
  }
  const last: DocumentChange[] = [];
  flush(last);
  await set.commit(last, position, fence());
  for (const p of projections) await set.ensureCollection(p.collection, p.indexedFields, { fullText: p.fullText, compoundIndexes: p.compoundIndexes });
  fence(); // still ours: a rebuild that lost its lease never swaps
  await store.activate(generation);
  // The generation active until now is kept: a running API notices the swap within a second or so
  // (its runner polls) and reads it until then. Older ones go.
  for (const g of await store.generations()) if (g < active) await store.dropGeneration(g);
  const result = { generation, position, head, events: count };
  options.onProgress?.(result);
  return result;
}
