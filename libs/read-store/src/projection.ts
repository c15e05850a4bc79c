import type { RecordedEvent } from '@carnet/event-store';
import type { StoredDoc } from './read-store.port.js';

/**
 * A projection: a pure function from (document or null, event) to the next document, and a
 * function telling which document an event touches. It knows nothing of storage.
 */
export interface Projection<Doc extends object = Record<string, unknown>> {
  /** Collection the documents live in. */
  readonly collection: string;
  /** Top-level fields queries filter or sort on: indexed by every adapter. */
  readonly indexedFields: string[];
  /** An array field of analysed terms to index for full-text search (see SearchIndex). */
  readonly fullText?: string;
  /** Indexes over several fields, for the lists that filter on some and sort on another (see CollectionOptions). */
  readonly compoundIndexes?: ReadonlyArray<readonly string[]>;
  /**
   * One document per event, written once and never changed (its content depends on that event
   * alone): a batch need not read the documents first. A replay writes the same documents again.
   */
  readonly writeOnce?: boolean;
  /** Id(s) of the document(s) this event changes, or null if the event does not concern the collection. */
  keyOf(event: RecordedEvent): string | readonly string[] | null;
  /**
   * The next version of the document `key`; return null to delete it. Must be pure (replaying
   * gives the same result). `key` tells which document is evolved when an event touches several.
   * `sibling(k)` reads another document of the same collection that this event touches, as it is
   * once the event has been applied to it (only keys listed before `key` by keyOf): a projection
   * can keep per-stream state in one document and derive a second one from it (e.g. a change feed).
   */
  evolve(doc: (Doc & StoredDoc) | null, event: RecordedEvent, key: string, sibling: Sibling<Doc>): Doc | null;
}

/** Reads a document of the same collection already evolved by the current event (null when none). */
export type Sibling<Doc extends object> = (key: string) => (Doc & StoredDoc) | null;

const NO_SIBLING = (): null => null;

/** The ids of the documents an event touches in a projection, as an array (empty when none). */
export function keysOf(projection: Projection<any>, event: RecordedEvent): readonly string[] {
  const keys = projection.keyOf(event);
  return keys === null ? [] : typeof keys === 'string' ? [keys] : keys;
}

/** Applies events to documents, skipping events a document has already seen: replay-safe. */
export function applyEvent<Doc extends object>(
  projection: Projection<Doc>,
  doc: (Doc & StoredDoc) | null,
  event: RecordedEvent,
  key: string,
  sibling: Sibling<Doc> = NO_SIBLING,
): (Doc & StoredDoc) | null | undefined {
  if (doc && doc._position >= event.position) return undefined; // already applied
  const next = projection.evolve(doc, event, key, sibling);
  if (next === null) return null;
  // A fresh object from evolve is completed in place; the stored document itself is never mutated.
  const out = (next === doc ? { ...next } : next) as Doc & StoredDoc;
  out.id = key;
  out._position = event.position;
  return out;
}
