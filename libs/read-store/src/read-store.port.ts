import type { CollectionOptions, SearchIndex } from './search-index.port.js';

/**
 * The read store port: documents built by projections, grouped in generations so that a
 * rebuild can fill a fresh generation while the API keeps reading the active one, then swap.
 */

/** Every stored document carries the log position of the last event applied to it. */
export interface StoredDoc {
  id: string;
  _position: number;
}

/** A document to write (or delete, with doc = null) in a collection. */
export interface DocumentChange {
  collection: string;
  id: string;
  doc: (Record<string, unknown> & { _position: number }) | null;
}

export type Scalar = string | number | boolean | null;

/** A comparison on one top-level field (numbers with numbers, ISO dates and other strings with strings). */
export interface RangeCondition {
  field: string;
  op: 'gt' | 'gte' | 'lt' | 'lte';
  value: string | number;
}

export interface FindQuery {
  /** Equality on top-level fields, ANDed; a list matches any of its values (an empty list, nothing). */
  where?: Record<string, Scalar | Scalar[]>;
  /** Comparisons on top-level fields, ANDed with `where` (keyset pagination, "changed since"); a missing or null field never matches. */
  range?: RangeCondition[];
  /** Case- and accent-insensitive "contains" on one top-level text field. */
  contains?: { field: string; text: string };
  orderBy?: Array<{ field: string; direction: 'asc' | 'desc' }>;
  limit?: number;
  offset?: number;
}

/** One generation of read models: what projections write and queries read (and search). */
export interface ReadModelSet extends SearchIndex {
  readonly generation: number;
  /**
   * Creates the collection (table) and its indexes on the given top-level fields, if missing; with
   * `options.fullText`, also its full-text index, filled from the documents already there.
   */
  ensureCollection(collection: string, indexedFields: string[], options?: CollectionOptions): Promise<void>;
  get<T extends object>(collection: string, id: string): Promise<(T & StoredDoc) | null>;
  getMany<T extends object>(collection: string, ids: string[]): Promise<Map<string, T & StoredDoc>>;
  find<T extends object>(collection: string, query?: FindQuery): Promise<Array<T & StoredDoc>>;
  count(collection: string, query?: Pick<FindQuery, 'where' | 'contains' | 'range'>): Promise<number>;
  /** The ids of the matching documents, in id order, without reading the documents when indexes answer (scopes of a search). */
  ids(collection: string, query?: Pick<FindQuery, 'where' | 'range'>): Promise<string[]>;
  /** Position of the last event whose effects are stored in this generation (0 when empty). */
  checkpoint(): Promise<number>;
  /**
   * Writes the documents and moves the checkpoint. Atomic where the engine has transactions
   * (SQLite); elsewhere documents are written first, then the checkpoint, and replaying is
   * harmless because every document remembers its own position.
   */
  commit(changes: DocumentChange[], position: number, fence?: LeaseFence): Promise<void>;
}

/**
 * A lease: what must run in one instance at a time (the projections, a rebuild) is held by one
 * holder until `expiresAt`, renewed while it works; another instance takes it once it expired
 * (ADR 0024). Times are milliseconds since the epoch on the holders' clocks: keep the lease's
 * duration well above the clock skew between machines.
 */
export interface Lease {
  name: string;
  /** Who holds it: an instance id (host, process, random part). */
  holder: string;
  acquiredAt: number;
  expiresAt: number;
  /** Raised each time the lease changes hands: a fencing token. */
  term: number;
}

/** Given to commit: the batch is written only if the lease is still held at that term, else LeaseLostError. */
export interface LeaseFence {
  name: string;
  holder: string;
  term: number;
}

/** A commit refused because the lease it was fenced by changed hands (a stalled holder, taken over). */
export class LeaseLostError extends Error {
  constructor(readonly fence: LeaseFence) {
    super(`Lease ${fence.name} is no longer held by ${fence.holder} at term ${fence.term}`);
    this.name = 'LeaseLostError';
  }
}

/** Leases kept in the read store, next to the checkpoints they guard (shared by every instance). */
export interface LeaseStore {
  /**
   * Takes the lease for `ttlMs` from `now` when nobody holds it, when it expired, or when `holder`
   * already holds it (a renewal, same term). Returns the lease held, or null when another holder's
   * lease is still running. Two instances asking at once never both get it.
   */
  acquireLease(name: string, holder: string, ttlMs: number, now?: number): Promise<Lease | null>;
  /** Gives the lease up at once (a clean stop), if `holder` holds it. */
  releaseLease(name: string, holder: string): Promise<void>;
  /** The lease as stored (expired or not), or null when never taken. */
  lease(name: string): Promise<Lease | null>;
}

/** The read store: generations and the pointer to the active one. */
export interface ReadStore extends LeaseStore {
  readonly engine: string;
  /** The generation queries should read; 1 on a new store. */
  activeGeneration(): Promise<number>;
  /** All generations that exist (active or being built). */
  generations(): Promise<number[]>;
  /** Makes `generation` the active one (the swap at the end of a rebuild). */
  activate(generation: number): Promise<void>;
  /** Removes a generation's collections and checkpoint. Refuses the active one. */
  dropGeneration(generation: number): Promise<void>;
  at(generation: number): ReadModelSet;
  close(): Promise<void>;
}
