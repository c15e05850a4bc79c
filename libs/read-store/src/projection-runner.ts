import type { EventStore, RecordedEvent, Subscription } from '@carnet/event-store';
import { applyEvent, keysOf, type Projection } from './projection.js';
import type { DocumentChange, ReadModelSet, ReadStore, StoredDoc } from './read-store.port.js';

export interface ProjectionRunnerOptions {
  batchSize?: number;
  /** How often the runner checks whether a rebuild swapped the active generation (ms). */
  generationCheckMs?: number;
  onError?: (error: Error) => void;
}

/** Thrown by waitForPosition when the read models did not reach the position in time. */
export class ReadModelTimeoutError extends Error {
  constructor(
    readonly position: number,
    readonly reached: number,
  ) {
    super(`Read models at ${reached}, waited for ${position}`);
    this.name = 'ReadModelTimeoutError';
  }
}

/**
 * Applies a batch of events to a set of projections and commits the documents together with the
 * checkpoint. Shared by the live runner and the rebuild.
 */
export async function projectBatch(set: ReadModelSet, projections: Projection<any>[], events: RecordedEvent[]): Promise<void> {
  if (events.length === 0) return;
  const changes: DocumentChange[] = [];
  for (const projection of projections) {
    // Key of each event computed once; documents of the batch loaded in one query.
    const keys = events.map((event) => keysOf(projection, event));
    const distinct = [...new Set(keys.flat())];
    if (distinct.length === 0) continue;
    const current: Map<string, (Record<string, unknown> & StoredDoc) | null> = projection.writeOnce
      ? new Map()
      : await set.getMany<Record<string, unknown>>(projection.collection, distinct);
    const touched = new Set<string>();
    const sibling = (key: string) => current.get(key) ?? null;
    for (let i = 0; i < events.length; i++) {
      for (const key of keys[i]) {
        const next = applyEvent(projection, current.get(key) ?? null, events[i], key, sibling);
        if (next === undefined) continue;
        current.set(key, next);
        touched.add(key);
      }
    }
    for (const key of touched) changes.push({ collection: projection.collection, id: key, doc: current.get(key) ?? null });
  }
  await set.commit(changes, events[events.length - 1].position);
}

/**
 * Keeps the active generation of read models up to date from a checkpointed subscription to the
 * whole log. It survives restarts (the checkpoint is in the read store) and follows a rebuild's
 * swap to a new generation without stopping.
 */
export class ProjectionRunner {
  private subscription: Subscription | null = null;
  private generation = 0;
  private position = 0;
  private waiters = new Set<{ position: number; resolve: () => void }>();
  private generationTimer: NodeJS.Timeout | null = null;
  private switching: Promise<void> | null = null;
  private readonly observers = new Set<(events: RecordedEvent[]) => void>();
  private stopped = false;

  constructor(
    private readonly events: EventStore,
    private readonly store: ReadStore,
    private readonly projections: Projection<any>[],
    private readonly options: ProjectionRunnerOptions = {},
  ) {}

  /** The generation this runner keeps up to date: queries read it, so waits and reads agree. */
  readModels(): ReadModelSet {
    return this.store.at(this.generation);
  }

  /** Calls `observer` after each committed batch (metrics such as projection lag); returns an unsubscribe function. */
  observe(observer: (events: RecordedEvent[]) => void): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  /** Position of the last event the active read models reflect. */
  get checkpoint(): number {
    return this.position;
  }

  /** Position of the last event of the log the runner follows (0 when empty): how far a wait may ever reach. */
  logHead(): Promise<number> {
    return this.events.headPosition();
  }

  async start(): Promise<void> {
    await this.follow(await this.store.activeGeneration());
    this.generationTimer = setInterval(() => void this.checkGeneration(), this.options.generationCheckMs ?? 1000);
    this.generationTimer.unref();
  }

  private async follow(generation: number): Promise<void> {
    const set = this.store.at(generation);
    for (const p of this.projections) await set.ensureCollection(p.collection, p.indexedFields, { fullText: p.fullText });
    let position = await set.checkpoint();
    // A freshly rebuilt generation can be behind what the old one already shows: bring it level
    // before switching, so that a position waitForPosition has confirmed stays visible.
    while (position < this.position) {
      const batch = await this.events.readAll({ after: position, maxCount: this.options.batchSize ?? 500 });
      if (batch.length === 0) break;
      await projectBatch(set, this.projections, batch);
      position = batch[batch.length - 1].position;
    }
    if (this.stopped) return;
    this.generation = generation;
    this.position = position;
    this.notify();
    this.subscription = this.events.subscribeToAll(
      { after: this.position, batchSize: this.options.batchSize ?? 500 },
      {
        onEvents: async (batch) => {
          await projectBatch(set, this.projections, batch);
          this.position = batch[batch.length - 1].position;
          this.notify();
          for (const observer of this.observers) observer(batch);
        },
        onError: (error) => this.options.onError?.(error),
      },
    );
  }

  private async checkGeneration(): Promise<void> {
    if (this.switching || this.stopped) return;
    try {
      const active = await this.store.activeGeneration();
      // stop() may have run while the active generation was being read.
      if (active === this.generation || this.stopped) return;
      this.switching = (async () => {
        await this.subscription?.stop();
        await this.follow(active);
      })();
      await this.switching;
    } catch (error) {
      this.options.onError?.(error as Error);
    } finally {
      this.switching = null;
    }
  }

  private notify(): void {
    for (const waiter of this.waiters) {
      if (this.position >= waiter.position) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }

  /** Resolves once the read models reflect `position` (read-your-writes), or throws after `timeoutMs`. */
  async waitForPosition(position: number, timeoutMs: number): Promise<void> {
    if (this.position >= position) return;
    await new Promise<void>((resolve, reject) => {
      const waiter = {
        position,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new ReadModelTimeoutError(position, this.position));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.generationTimer) clearInterval(this.generationTimer);
    await this.switching;
    await this.subscription?.stop();
    this.subscription = null;
  }
}
