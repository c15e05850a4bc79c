import type { EventStore, RecordedEvent, Subscription } from '@carnet/event-store';
import { applyEvent, keysOf, type Projection } from './projection.js';
import { LeaseLostError, type DocumentChange, type Lease, type LeaseFence, type ReadModelSet, type ReadStore, type StoredDoc } from './read-store.port.js';

/** How an instance shares the projections with the others on the same stores (ADR 0024). */
export interface ProjectionLeaseOptions {
  /** The lease's name in the read store; one lease for every projection of the runner. */
  name?: string;
  /** This instance's id: host, process and a random part. */
  holder: string;
  /** How long the lease lasts unless renewed: the longest a dead holder blocks the others (default 5 s). */
  ttlMs?: number;
  /** How often the holder renews it and the others try to take it (default a third of ttlMs). */
  renewMs?: number;
  /** How often a standing-by instance reads the holder's checkpoint (read-your-writes, default 20 ms). */
  standbyPollMs?: number;
  /**
   * Takes the lease only once it has been expired this long: leaves it to a preferred holder (the
   * projections process of WORKERS mode, restarted by its primary) and steps in if none comes back.
   */
  yieldMs?: number;
  now?: () => number;
}

/** What this instance does with the projections. */
export interface ProjectionRole {
  /** `single`: no lease, it runs them alone; `holder`: it holds the lease and runs them; `standby`: another instance does. */
  role: 'single' | 'holder' | 'standby';
  lease: Lease | null;
}

export interface ProjectionRunnerOptions {
  batchSize?: number;
  /** How often the runner checks whether a rebuild swapped the active generation (ms). */
  generationCheckMs?: number;
  onError?: (error: Error) => void;
  /** Called when a projection stops on a poison event (logs, metrics). */
  onFault?: (fault: ProjectionFault) => void;
  /** Called when a stopped projection has caught up again after a fix. */
  onResume?: (projection: string) => void;
  /** With a lease, the projections run in one instance at a time; without, this runner runs them alone. */
  lease?: ProjectionLeaseOptions;
  /** Called when this instance takes the lease or loses it. */
  onRoleChange?: (role: ProjectionRole) => void;
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

/** Collection (in each generation) of the projections stopped on an event they could not handle. */
export const PROJECTION_FAULTS = 'projection_faults';

/**
 * A projection stopped on a poison event (ADR 0022): its documents reflect every event before
 * `position`, none after, until a fix (new code, an upcaster) lets it resume from there.
 */
export interface ProjectionFault {
  /** The projection, named by its collection. */
  projection: string;
  position: number;
  streamId: string;
  revision: number;
  type: string;
  eventId: string;
  error: string;
  /** When the projection stopped (ISO-8601, wall clock). */
  stoppedAt: string;
}

/** What a batch did: projections newly stopped on a poison event. */
export interface BatchOutcome {
  faults: ProjectionFault[];
}

function faultOf(projection: Projection<any>, event: RecordedEvent, error: unknown): ProjectionFault {
  const message = event.undecodable ? `undecodable event: ${event.undecodable}` : error instanceof Error ? error.message : String(error);
  return {
    projection: projection.collection,
    position: event.position,
    streamId: event.streamId,
    revision: event.revision,
    type: event.type,
    eventId: event.id,
    error: message.slice(0, 1000),
    stoppedAt: new Date().toISOString(),
  };
}

/** The keys an event touches in a projection; an undecodable event that concerns it is poison. */
function checkedKeys(projection: Projection<any>, event: RecordedEvent): readonly string[] {
  const keys = keysOf(projection, event);
  if (event.undecodable && keys.length > 0) throw new Error(event.undecodable);
  return keys;
}

const faultDoc = (fault: ProjectionFault, position: number): DocumentChange => ({
  collection: PROJECTION_FAULTS,
  id: fault.projection,
  doc: { ...fault, _position: position },
});

/**
 * Applies a batch of events to a set of projections and commits the documents together with the
 * checkpoint. Shared by the live runner and the rebuild. A projection that throws on an event (or
 * meets an undecodable one that concerns it) keeps what it did before that event and stops there:
 * its fault is committed with the batch, the other projections go on (ADR 0022). Projections named
 * in `stopped` are skipped.
 */
export async function projectBatch(
  set: ReadModelSet,
  projections: Projection<any>[],
  events: RecordedEvent[],
  stopped: ReadonlySet<string> = new Set(),
  fence?: () => LeaseFence | undefined,
): Promise<BatchOutcome> {
  if (events.length === 0) return { faults: [] };
  const changes: DocumentChange[] = [];
  const faults: ProjectionFault[] = [];
  const last = events[events.length - 1].position;
  for (const projection of projections) {
    if (stopped.has(projection.collection)) continue;
    // Key of each event computed once; documents of the batch loaded in one query.
    const keys: (readonly string[])[] = [];
    let fault: ProjectionFault | null = null;
    for (const event of events) {
      try {
        keys.push(checkedKeys(projection, event));
      } catch (error) {
        fault = faultOf(projection, event, error);
        break;
      }
    }
    const distinct = [...new Set(keys.flat())];
    const current: Map<string, (Record<string, unknown> & StoredDoc) | null> =
      projection.writeOnce || distinct.length === 0 ? new Map() : await set.getMany<Record<string, unknown>>(projection.collection, distinct);
    const touched = new Set<string>();
    const sibling = (key: string) => current.get(key) ?? null;
    for (let i = 0; i < keys.length; i++) {
      // An event is applied to all its documents or to none: on a throw, those it changed are put back.
      const before = new Map<string, { doc: (Record<string, unknown> & StoredDoc) | null | undefined; touched: boolean }>();
      try {
        for (const key of keys[i]) {
          if (!before.has(key)) before.set(key, { doc: current.get(key), touched: touched.has(key) });
          const next = applyEvent(projection, current.get(key) ?? null, events[i], key, sibling);
          if (next === undefined) continue;
          current.set(key, next);
          touched.add(key);
        }
      } catch (error) {
        for (const [key, was] of before) {
          if (was.doc === undefined) current.delete(key);
          else current.set(key, was.doc);
          if (!was.touched) touched.delete(key);
        }
        fault = faultOf(projection, events[i], error);
        break;
      }
    }
    for (const key of touched) changes.push({ collection: projection.collection, id: key, doc: current.get(key) ?? null });
    if (fault) {
      faults.push(fault);
      changes.push(faultDoc(fault, last));
    }
  }
  await set.commit(changes, last, fence?.());
  return { faults };
}

/** Reads the faults recorded in a generation (one per stopped projection). */
export async function readFaults(set: ReadModelSet): Promise<ProjectionFault[]> {
  await set.ensureCollection(PROJECTION_FAULTS, []);
  const docs = await set.find<ProjectionFault & Record<string, unknown>>(PROJECTION_FAULTS, { orderBy: [{ field: 'position', direction: 'asc' }] });
  return docs.map(({ id: _id, _position, ...fault }) => fault as ProjectionFault);
}

/**
 * Keeps the active generation of read models up to date from a checkpointed subscription to the
 * whole log. It survives restarts (the checkpoint is in the read store) and follows a rebuild's
 * swap to a new generation without stopping.
 *
 * With a lease (ADR 0024), several instances share the stores and only the lease's holder runs the
 * projections; the others stand by, read the holder's checkpoint (so that read-your-writes works on
 * any instance) and take the lease over from that checkpoint once the holder stops renewing it.
 */
export class ProjectionRunner {
  private subscription: Subscription | null = null;
  private generation = 0;
  private position = 0;
  private waiters = new Set<{ position: number; resolve: () => void }>();
  private generationTimer: NodeJS.Timeout | null = null;
  private leaseTimer: NodeJS.Timeout | null = null;
  private standbyTimer: NodeJS.Timeout | null = null;
  private switching: Promise<void> | null = null;
  private leasing: Promise<void> | null = null;
  private polling: Promise<void> | null = null;
  private readonly observers = new Set<(events: RecordedEvent[]) => void>();
  private stopped = false;
  /** Projections of the active generation stopped on a poison event, by collection. */
  private faults = new Map<string, ProjectionFault>();
  /** Live batches and resumes of stopped projections run one at a time. */
  private lock: Promise<unknown> = Promise.resolve();
  /** Whether this instance runs the projections (always, without a lease). */
  private leading: boolean;
  private lease: Lease | null = null;
  private standbyReads = 0;

  constructor(
    private readonly events: EventStore,
    private readonly store: ReadStore,
    private readonly projections: Projection<any>[],
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.leading = !options.lease;
  }

  /** The generation this runner keeps up to date: queries read it, so waits and reads agree. */
  readModels(): ReadModelSet {
    return this.store.at(this.generation);
  }

  /** Calls `observer` after each batch this instance commits (metrics such as projection lag); returns an unsubscribe function. */
  observe(observer: (events: RecordedEvent[]) => void): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  /** Projections stopped on a poison event (ADR 0022), oldest first. */
  get stoppedProjections(): ProjectionFault[] {
    return [...this.faults.values()].sort((a, b) => a.position - b.position);
  }

  /** Every projection this runner keeps, by collection name. */
  get projectionNames(): string[] {
    return this.projections.map((p) => p.collection);
  }

  /** Whether this instance runs the projections now, and the lease it holds. */
  get role(): ProjectionRole {
    if (!this.options.lease) return { role: 'single', lease: null };
    return { role: this.leading ? 'holder' : 'standby', lease: this.leading ? this.lease : null };
  }

  /** The lease as stored (who holds it, until when), or null without leases. */
  async currentLease(): Promise<Lease | null> {
    return this.options.lease ? this.store.lease(this.leaseName) : null;
  }

  private get leaseName(): string {
    return this.options.lease?.name ?? 'projections';
  }

  private get ttlMs(): number {
    return this.options.lease?.ttlMs ?? 5000;
  }

  private now(): number {
    return this.options.lease?.now?.() ?? Date.now();
  }

  /**
   * What fences a commit: the lease at the term it was taken. A holder whose lease ran out on its
   * own clock (it could not renew: a stall, a lost connection) stops writing before anyone may take it over.
   */
  private fence = (): LeaseFence | undefined => {
    if (!this.options.lease) return undefined;
    const fence: LeaseFence = { name: this.leaseName, holder: this.options.lease.holder, term: this.lease?.term ?? 0 };
    if (!this.leading || !this.lease || this.now() >= this.lease.expiresAt) throw new LeaseLostError(fence);
    return fence;
  };

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.lock.then(task, task);
    this.lock = run.catch(() => undefined);
    return run;
  }

  /**
   * Tries the stopped projections again from the event they stopped on (after a fix: new code, an
   * upcaster), up to the runner's checkpoint; those that get through run live again. Returns the
   * projections still stopped. Only the instance that runs the projections can.
   */
  async resume(only?: string): Promise<ProjectionFault[]> {
    if (!this.leading) throw new NotProjectionHolderError((await this.currentLease())?.holder ?? null);
    return this.exclusive(async () => {
      const set = this.store.at(this.generation);
      for (const fault of [...this.faults.values()]) {
        if (only !== undefined && fault.projection !== only) continue;
        const projection = this.projections.find((p) => p.collection === fault.projection);
        if (!projection) {
          // A projection that no longer exists: its fault goes with it.
          await set.commit([{ collection: PROJECTION_FAULTS, id: fault.projection, doc: null }], 0, this.fence());
          this.faults.delete(fault.projection);
          continue;
        }
        let after = fault.position - 1;
        let again: ProjectionFault | null = null;
        while (after < this.position && !again) {
          const batch = (await this.events.readAll({ after, maxCount: this.options.batchSize ?? 500 })).filter((e) => e.position <= this.position);
          if (batch.length === 0) break;
          [again = null] = (await projectBatch(set, [projection], batch, new Set(), this.fence)).faults;
          after = batch[batch.length - 1].position;
        }
        if (again) {
          this.faults.set(again.projection, again);
          this.options.onFault?.(again);
        } else {
          await set.commit([{ collection: PROJECTION_FAULTS, id: fault.projection, doc: null }], 0, this.fence());
          this.faults.delete(fault.projection);
          this.options.onResume?.(fault.projection);
        }
      }
      return this.stoppedProjections;
    });
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
    const lease = this.options.lease;
    if (!lease) {
      await this.follow(await this.store.activeGeneration());
    } else {
      await this.standBy();
      await this.leaseTick();
      // Holding the lease from the start: its collections and indexes exist before the first request.
      await this.switching;
      this.leaseTimer = setInterval(() => void this.leaseTick(), lease.renewMs ?? Math.max(50, Math.floor(this.ttlMs / 3)));
      this.leaseTimer.unref();
      this.standbyTimer = setInterval(() => void this.poll(), lease.standbyPollMs ?? 20);
      this.standbyTimer.unref();
    }
    this.generationTimer = setInterval(() => void this.checkGeneration(), this.options.generationCheckMs ?? 1000);
    this.generationTimer.unref();
  }

  /** The holder renews its lease; the others try to take it (it is theirs only once expired). */
  private leaseTick(): Promise<void> {
    if (this.leasing || this.stopped) return this.leasing ?? Promise.resolve();
    this.leasing = (async () => {
      const lease = this.options.lease!;
      try {
        if (!this.leading && lease.yieldMs) {
          const current = await this.store.lease(this.leaseName);
          if (current && this.now() < current.expiresAt + lease.yieldMs) return;
        }
        const held = await this.store.acquireLease(this.leaseName, lease.holder, this.ttlMs, this.now());
        if (this.stopped) return;
        if (this.leading && !held) await this.demote();
        else if (this.leading) this.lease = held;
        else if (held) await this.promote(held);
      } catch (error) {
        this.options.onError?.(error as Error);
        // Not renewed: past its expiry the lease may be someone else's, stop writing.
        if (this.leading && (!this.lease || this.now() >= this.lease.expiresAt)) await this.demote();
      }
    })().finally(() => (this.leasing = null));
    return this.leasing;
  }

  /**
   * Takes the projections over from the checkpoint. The catch-up runs in the background: the lease
   * goes on being renewed meanwhile, however long the backlog.
   */
  private async promote(lease: Lease): Promise<void> {
    this.lease = lease;
    this.leading = true;
    await this.switching;
    this.switching = (async () => {
      try {
        await this.follow(await this.store.activeGeneration());
        if (this.leading) this.options.onRoleChange?.(this.role);
      } catch (error) {
        this.options.onError?.(error as Error);
        if (this.leading) await this.demote();
      }
    })().finally(() => (this.switching = null));
  }

  private async demote(): Promise<void> {
    if (!this.leading) return;
    this.leading = false;
    this.lease = null;
    await this.subscription?.stop();
    this.subscription = null;
    await this.standBy();
    this.options.onRoleChange?.(this.role);
  }

  /** Standing by: read what the holder has committed (the active generation, its checkpoint, its faults). */
  private async standBy(): Promise<void> {
    const active = await this.store.activeGeneration();
    const set = this.store.at(active);
    const checkpoint = await set.checkpoint();
    // A rebuilt generation is read only once it shows what this instance already confirmed.
    if (active !== this.generation && this.generation !== 0 && checkpoint < this.position) return;
    // The holder's faults (poison events), read again about once a second: readiness shows them on every instance.
    if (active !== this.generation || ++this.standbyReads % 50 === 0) this.faults = new Map((await readFaults(set)).map((f) => [f.projection, f]));
    this.generation = active;
    this.position = Math.max(this.position, checkpoint);
    this.notify();
  }

  private poll(): Promise<void> {
    if (this.leading || this.stopped || this.polling) return this.polling ?? Promise.resolve();
    this.polling = this.standBy()
      .catch((error: Error) => this.options.onError?.(error))
      .finally(() => {
        this.polling = null;
        if (this.pollAgain) {
          this.pollAgain = false;
          void this.poll();
        }
      });
    return this.polling;
  }

  private pollAgain = false;

  /**
   * The holder says it committed (another process of this machine, ADR 0024): a standing-by runner
   * reads the checkpoint now rather than at its next poll. A read already under way may have missed
   * that commit, so another one follows it.
   */
  wake(): void {
    if (this.leading || this.stopped || !this.options.lease) return;
    if (this.polling) this.pollAgain = true;
    else void this.poll();
  }

  private async follow(generation: number): Promise<void> {
    const set = this.store.at(generation);
    for (const p of this.projections) await set.ensureCollection(p.collection, p.indexedFields, { fullText: p.fullText, compoundIndexes: p.compoundIndexes });
    const faults = new Map((await readFaults(set)).map((f) => [f.projection, f]));
    let position = await set.checkpoint();
    // A freshly rebuilt generation can be behind what the old one already shows: bring it level
    // before switching, so that a position waitForPosition has confirmed stays visible.
    while (position < this.position) {
      const batch = await this.events.readAll({ after: position, maxCount: this.options.batchSize ?? 500 });
      if (batch.length === 0) break;
      for (const fault of (await projectBatch(set, this.projections, batch, new Set(faults.keys()), this.fence)).faults) {
        faults.set(fault.projection, fault);
        this.options.onFault?.(fault);
      }
      position = batch[batch.length - 1].position;
    }
    if (this.stopped || !this.leading) return;
    this.generation = generation;
    this.position = position;
    this.faults = faults;
    this.notify();
    // A restart with new code tries the stopped projections again before following the log.
    if (this.faults.size > 0) await this.resume();
    this.subscription = this.events.subscribeToAll(
      { after: this.position, batchSize: this.options.batchSize ?? 500 },
      {
        onEvents: (batch) =>
          this.exclusive(async () => {
            const outcome = await projectBatch(set, this.projections, batch, new Set(this.faults.keys()), this.fence);
            for (const fault of outcome.faults) {
              this.faults.set(fault.projection, fault);
              this.options.onFault?.(fault);
            }
            this.position = batch[batch.length - 1].position;
            this.notify();
            for (const observer of this.observers) observer(batch);
          }),
        onError: (error) => this.options.onError?.(error),
      },
    );
  }

  private async checkGeneration(): Promise<void> {
    if (this.switching || this.stopped || !this.leading) return;
    try {
      const active = await this.store.activeGeneration();
      // stop() may have run while the active generation was being read.
      if (active === this.generation || this.stopped || !this.leading) return;
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

  /** Stops following the log; the holder gives its lease up, so that another instance takes over at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of [this.generationTimer, this.leaseTimer, this.standbyTimer]) if (timer) clearInterval(timer);
    await this.switching;
    await this.leasing;
    await this.polling;
    await this.subscription?.stop();
    this.subscription = null;
    await this.lock;
    if (this.leading && this.options.lease) await this.store.releaseLease(this.leaseName, this.options.lease.holder).catch(() => undefined);
  }
}

/** resume() asked of an instance that stands by: the holder of the projections' lease must do it. */
export class NotProjectionHolderError extends Error {
  constructor(readonly holder: string | null) {
    super(`The projections run on ${holder ?? 'no instance yet'}, not on this one`);
    this.name = 'NotProjectionHolderError';
  }
}
