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
  /** Position of the last event whose effects are stored in this generation (0 when empty). */
  checkpoint(): Promise<number>;
  /**
   * Writes the documents and moves the checkpoint. Atomic where the engine has transactions
   * (SQLite); elsewhere documents are written first, then the checkpoint, and replaying is
   * harmless because every document remembers its own position.
   */
  commit(changes: DocumentChange[], position: number): Promise<void>;
}

/** The read store: generations and the pointer to the active one. */
export interface ReadStore {
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
