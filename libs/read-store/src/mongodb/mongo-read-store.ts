import {
  MongoBulkWriteError,
  MongoClient,
  MongoServerError,
  type AnyBulkWriteOperation,
  type Collection,
  type Db,
  type Document,
  type Filter,
  type Sort,
} from 'mongodb';
import { LeaseLostError, type DocumentChange, type FindQuery, type Lease, type LeaseFence, type ReadModelSet, type ReadStore, type StoredDoc } from '../read-store.port.js';
import { bm25Score, type CollectionOptions, type Condition, type SearchPage, type SearchQuery } from '../search-index.port.js';
import { foldForSearch } from '../search-text.js';

export interface MongoReadStoreOptions {
  /** e.g. `mongodb://127.0.0.1:27018/` (FerretDB) or a MongoDB replica set. */
  url: string;
  dbName: string;
}

/** Stored document: the read model plus its key and the folded copies `contains` searches. */
interface MongoDoc extends Document {
  _id: string;
  _fold?: Record<string, string>;
}

const META = 'read_meta';
const LEASES = 'leases';

interface LeaseDoc {
  /** `<name>:<term>` */
  _id: string;
  name: string;
  holder: string;
  acquiredAt: number;
  expiresAt: number;
  term: number;
}

const toLease = (doc: LeaseDoc): Lease => ({ name: doc.name, holder: doc.holder, acquiredAt: doc.acquiredAt, expiresAt: doc.expiresAt, term: doc.term });

/** The lease is its highest term. */
async function currentLease(leases: Collection<LeaseDoc>, name: string): Promise<LeaseDoc | null> {
  return (await leases.find({ name }).sort({ term: -1 }).limit(1).toArray())[0] ?? null;
}
const ACTIVE = 'active_generation';
const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const DUPLICATE_KEY = 11000;
const MAX_ATTEMPTS = 5;
/** Matches scored per search: beyond it a query is too vague for ranking to matter; the total stays exact. */
const MAX_SCORED = 2000;

function checkName(name: string): string {
  if (!NAME.test(name)) throw new Error(`Invalid collection or field name: ${name}`);
  return name;
}

const checkpointKey = (generation: number) => `checkpoint_g${generation}`;

/**
 * Read models in MongoDB or a MongoDB-wire server such as FerretDB 1.x: one collection per read
 * model and generation (`<collection>_g<gen>`) and a `read_meta` collection holding the active
 * generation and each generation's checkpoint.
 *
 * It uses no transaction, change stream, $lookup, $facet or $merge (FerretDB 1.x has none of
 * them). A commit writes the documents first, then raises the checkpoint with `$max`: a crash in
 * between replays events whose effects are already stored, which projections skip thanks to each
 * document's `_position`. `contains` searches a folded copy of every top-level text field, kept in
 * `_fold`, with an escaped regular expression, so it finds the same documents as SQLite does.
 */
export class MongoReadStore implements ReadStore {
  readonly engine = 'mongodb';
  readonly client: MongoClient;
  readonly db: Db;
  private readonly sets = new Map<number, MongoReadModelSet>();
  private readonly ready: Promise<void>;

  constructor(options: MongoReadStoreOptions) {
    // ignoreUndefined: a field set to undefined is absent, as it is in the SQLite adapter's JSON.
    this.client = new MongoClient(options.url, { ignoreUndefined: true });
    this.db = this.client.db(options.dbName);
    this.ready = this.init();
    this.ready.catch(() => undefined); // reported by the first call that awaits it
  }

  /** Connects and makes sure generation 1 exists. */
  static async connect(options: MongoReadStoreOptions): Promise<MongoReadStore> {
    const store = new MongoReadStore(options);
    await store.ready;
    return store;
  }

  private async init(): Promise<void> {
    const meta = this.db.collection<{ _id: string; value: number }>(META);
    await retryDuplicateKey(() => meta.updateOne({ _id: ACTIVE }, { $setOnInsert: { value: 1 } }, { upsert: true }));
    await registerGeneration(this.db, 1);
  }

  /**
   * One document per term (`<name>:<term>`): the lease is the highest term. Taking it over is
   * inserting the next term, which only one instance can do (a duplicate key for the others) —
   * the unique `_id` is the one atomic step FerretDB 1.x offers as MongoDB does (its
   * findAndModify is a read then a write). A renewal updates the holder's own term, then checks
   * that no later term appeared meanwhile.
   */
  async acquireLease(name: string, holder: string, ttlMs: number, now = Date.now()): Promise<Lease | null> {
    await this.ready;
    const leases = this.db.collection<LeaseDoc>(LEASES);
    const current = await currentLease(leases, name);
    if (current && current.holder === holder) {
      await leases.updateOne({ _id: current._id, holder }, { $set: { expiresAt: now + ttlMs } });
      const after = await currentLease(leases, name);
      return after && after._id === current._id ? toLease({ ...after, expiresAt: now + ttlMs }) : null;
    }
    if (current && current.expiresAt > now) return null;
    const term = (current?.term ?? 0) + 1;
    const taken: LeaseDoc = { _id: `${name}:${term}`, name, holder, acquiredAt: now, expiresAt: now + ttlMs, term };
    try {
      await leases.insertOne(taken);
    } catch (error) {
      if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) return null;
      throw error;
    }
    // Terms before the previous one are of no use any more.
    await leases.deleteMany({ name, term: { $lt: term - 1 } });
    return toLease(taken);
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    await this.ready;
    const leases = this.db.collection<LeaseDoc>(LEASES);
    const current = await currentLease(leases, name);
    if (current?.holder === holder) await leases.updateOne({ _id: current._id, holder }, { $set: { expiresAt: 0 } });
  }

  async lease(name: string): Promise<Lease | null> {
    await this.ready;
    const doc = await currentLease(this.db.collection<LeaseDoc>(LEASES), name);
    return doc ? toLease(doc) : null;
  }

  async activeGeneration(): Promise<number> {
    await this.ready;
    const doc = await this.db.collection<{ _id: string; value: number }>(META).findOne({ _id: ACTIVE });
    return doc?.value ?? 1;
  }

  async generations(): Promise<number[]> {
    await this.ready;
    const docs = await this.db
      .collection<{ _id: string; generation?: number }>(META)
      .find({ generation: { $exists: true } })
      .toArray();
    return docs.map((d) => d.generation!).sort((a, b) => a - b);
  }

  async activate(generation: number): Promise<void> {
    await this.ready;
    await registerGeneration(this.db, generation);
    await this.db.collection<{ _id: string; value: number }>(META).updateOne({ _id: ACTIVE }, { $set: { value: generation } }, { upsert: true });
  }

  async dropGeneration(generation: number): Promise<void> {
    if (generation === (await this.activeGeneration())) throw new Error('Cannot drop the active generation');
    const suffix = `_g${generation}`;
    const names = (await this.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
    for (const name of names) {
      if (name.endsWith(suffix) && NAME.test(name.slice(0, -suffix.length))) await this.db.collection(name).drop();
    }
    await this.db.collection<{ _id: string }>(META).deleteOne({ _id: checkpointKey(generation) });
    this.sets.delete(generation);
  }

  at(generation: number): ReadModelSet {
    let set = this.sets.get(generation);
    if (!set) {
      set = new MongoReadModelSet(this.db, generation, this.ready);
      this.sets.set(generation, set);
    }
    return set;
  }

  async close(): Promise<void> {
    await this.ready.catch(() => undefined);
    await this.client.close();
  }
}

/** Records that a generation exists (its checkpoint starts at 0); harmless when it already does. */
async function registerGeneration(db: Db, generation: number): Promise<void> {
  await retryDuplicateKey(() =>
    db
      .collection<{ _id: string; value: number; generation: number }>(META)
      .updateOne({ _id: checkpointKey(generation) }, { $setOnInsert: { value: 0, generation } }, { upsert: true }),
  );
}

/** Two upserts of a missing document can both try to insert it: the loser retries as an update. */
async function retryDuplicateKey<T>(operation: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !(error instanceof MongoServerError) || error.code !== DUPLICATE_KEY) throw error;
    }
  }
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

class MongoReadModelSet implements ReadModelSet {
  constructor(
    private readonly db: Db,
    readonly generation: number,
    private readonly ready: Promise<void>,
  ) {}

  private async collection(collection: string) {
    await this.ready;
    return this.db.collection<MongoDoc>(`${checkName(collection)}_g${this.generation}`);
  }

  async ensureCollection(collection: string, indexedFields: string[], options: CollectionOptions = {}): Promise<void> {
    // The full-text field is an array of terms: an ordinary index on it is multikey, one entry per term.
    if (options.fullText && !indexedFields.includes(options.fullText)) indexedFields = [...indexedFields, options.fullText];
    indexedFields.forEach(checkName);
    const target = await this.collection(collection);
    await registerGeneration(this.db, this.generation);
    const exists = await this.db.listCollections({ name: target.collectionName }, { nameOnly: true }).hasNext();
    if (!exists) {
      try {
        await this.db.createCollection(target.collectionName);
      } catch (error) {
        // NamespaceExists: another process created it first.
        if (!(error instanceof MongoServerError && error.code === 48)) throw error;
      }
    }
    if (options.indexesLater) return;
    for (const field of indexedFields) await target.createIndex({ [field]: 1 }, { name: field });
    for (const fields of options.compoundIndexes ?? []) {
      fields.forEach(checkName);
      await target.createIndex(Object.fromEntries(fields.map((f) => [f, 1])), { name: fields.join('_') });
    }
  }

  async get<T extends object>(collection: string, id: string): Promise<(T & StoredDoc) | null> {
    const doc = await (await this.collection(collection)).findOne({ _id: id });
    return doc ? toReadModel<T>(doc) : null;
  }

  async getMany<T extends object>(collection: string, ids: string[]): Promise<Map<string, T & StoredDoc>> {
    const target = await this.collection(collection);
    const result = new Map<string, T & StoredDoc>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 500) {
      for (const doc of await target.find({ _id: { $in: unique.slice(i, i + 500) } }).toArray()) {
        result.set(doc._id, toReadModel<T>(doc));
      }
    }
    return result;
  }

  private filter(query: Pick<FindQuery, 'where' | 'contains' | 'range'>): Filter<MongoDoc> {
    const filter: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(query.where ?? {})) filter[checkName(field)] = Array.isArray(value) ? { $in: value } : value;
    const ranges: Record<string, Record<string, unknown>>[] = [];
    for (const { field, op, value } of query.range ?? []) ranges.push({ [checkName(field)]: { [`$${op}`]: value } });
    // $and keeps two conditions on one field (or on a `where` field) apart.
    if (ranges.length) filter.$and = ranges;
    if (query.contains && query.contains.text.trim()) {
      filter[`_fold.${checkName(query.contains.field)}`] = { $regex: escapeRegex(foldForSearch(query.contains.text)) };
    }
    return filter as Filter<MongoDoc>;
  }

  async find<T extends object>(collection: string, query: FindQuery = {}): Promise<Array<T & StoredDoc>> {
    const target = await this.collection(collection);
    if (query.limit === 0) return [];
    const sort: Record<string, 1 | -1> = {};
    for (const o of query.orderBy ?? []) sort[checkName(o.field)] = o.direction === 'desc' ? -1 : 1;
    if (!('_id' in sort)) sort._id = 1; // a stable order for pagination, as in SQLite (id ASC)
    let cursor = target.find(this.filter(query)).sort(sort as Sort);
    if (query.offset) cursor = cursor.skip(query.offset);
    if (query.limit !== undefined) cursor = cursor.limit(query.limit);
    return (await cursor.toArray()).map((doc) => toReadModel<T>(doc));
  }

  async count(collection: string, query: Pick<FindQuery, 'where' | 'contains' | 'range'> = {}): Promise<number> {
    return (await this.collection(collection)).countDocuments(this.filter(query));
  }

  async ids(collection: string, query: Pick<FindQuery, 'where' | 'range'> = {}): Promise<string[]> {
    const docs = await (await this.collection(collection)).find(this.filter(query), { projection: { _id: 1 } }).sort({ _id: 1 }).toArray();
    return docs.map((d) => d._id);
  }

  /**
   * Full-text search without `$text` (FerretDB 1.x has only a partial one): the documents holding
   * every query term are found through the multikey index with `$all`, then scored here with BM25,
   * the collection statistics coming from counts on the same index.
   */
  async search<T extends object>(collection: string, query: SearchQuery): Promise<SearchPage<T>> {
    const target = await this.collection(collection);
    const field = checkName(query.field);
    const terms = [...new Set(query.terms)];
    if (terms.length === 0) return { hits: [], total: 0 };
    if (query.scopes && query.scopes.length === 0) return { hits: [], total: 0 };
    const filter: Record<string, unknown> = { ...conditionFilter(query.where ?? {}), [field]: { $all: terms } };
    if (query.scopes) filter.$or = query.scopes.map(conditionFilter);
    const [total, candidates, documents, ...frequencies] = await Promise.all([
      target.countDocuments(filter as Filter<MongoDoc>),
      target.find(filter as Filter<MongoDoc>).limit(MAX_SCORED).toArray(),
      target.countDocuments({}),
      ...terms.map((term) => target.countDocuments({ [field]: term } as Filter<MongoDoc>)),
    ]);
    const df = new Map(terms.map((t, i) => [t, frequencies[i]]));
    const termsOf = (doc: MongoDoc): string[] => (Array.isArray(doc[field]) ? (doc[field] as string[]) : []);
    const averageLength = candidates.length ? candidates.reduce((n, d) => n + termsOf(d).length, 0) / candidates.length : 1;
    const stats = { documents, averageLength, documentFrequency: (t: string) => df.get(t) ?? 0 };
    const scored = candidates
      .map((doc) => ({ doc, score: bm25Score(termsOf(doc), terms, stats) }))
      .sort((a, b) => b.score - a.score || (a.doc._id < b.doc._id ? -1 : a.doc._id > b.doc._id ? 1 : 0));
    const offset = query.offset ?? 0;
    const page = scored.slice(offset, query.limit === undefined ? undefined : offset + query.limit);
    return { hits: page.map((h) => ({ doc: toReadModel<T>(h.doc), score: h.score })), total };
  }

  async checkpoint(): Promise<number> {
    await this.ready;
    const doc = await this.db.collection<{ _id: string; value: number }>(META).findOne({ _id: checkpointKey(this.generation) });
    return doc?.value ?? 0;
  }

  async commit(changes: DocumentChange[], position: number, fence?: LeaseFence): Promise<void> {
    // Without transactions the lease is checked just before writing: a holder that stalled past its
    // lease writes at most this one batch, which replaying skips (each document keeps its position).
    if (fence) {
      const current = await currentLease(this.db.collection<LeaseDoc>(LEASES), fence.name);
      if (current?.holder !== fence.holder || current.term !== fence.term) throw new LeaseLostError(fence);
    }
    // Every name is checked before anything is written, so a bad change writes nothing at all.
    const byCollection = new Map<string, AnyBulkWriteOperation<MongoDoc>[]>();
    for (const change of changes) {
      checkName(change.collection);
      const ops = byCollection.get(change.collection) ?? [];
      ops.push(
        change.doc === null
          ? { deleteOne: { filter: { _id: change.id } } }
          : { replaceOne: { filter: { _id: change.id }, replacement: toStored(change.id, change.doc), upsert: true } },
      );
      byCollection.set(change.collection, ops);
    }
    for (const [collection, ops] of byCollection) await bulkWriteWithRetry(await this.collection(collection), ops);
    await this.db
      .collection<{ _id: string; value: number; generation: number }>(META)
      .updateOne(
        { _id: checkpointKey(this.generation) },
        { $max: { value: position }, $setOnInsert: { generation: this.generation } },
        { upsert: true },
      );
  }
}

/** Runs the operations; the ones that lost an upsert race (E11000) run again, as updates this time. */
async function bulkWriteWithRetry(
  target: Collection<MongoDoc>,
  ops: AnyBulkWriteOperation<MongoDoc>[],
): Promise<void> {
  let pending = ops;
  for (let attempt = 1; pending.length > 0; attempt++) {
    try {
      // Unordered: each operation touches a different document, so their order does not matter.
      await target.bulkWrite(pending, { ordered: false });
      return;
    } catch (error) {
      if (!(error instanceof MongoBulkWriteError) || attempt >= MAX_ATTEMPTS) throw error;
      const failed = error.writeErrors instanceof Array ? error.writeErrors : [error.writeErrors];
      if (failed.length === 0 || failed.some((e) => e.code !== DUPLICATE_KEY)) throw error;
      pending = failed.map((e) => pending[e.index]);
    }
  }
}

/** A condition as a filter: equality (null also matches a missing field, as in SQLite) or `$in` for a list. */
function conditionFilter(condition: Condition): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(condition)) {
    filter[checkName(field)] = Array.isArray(value) ? { $in: value } : value;
  }
  return filter;
}

function toStored(id: string, doc: Record<string, unknown>): MongoDoc {
  const fold: Record<string, string> = {};
  for (const [field, value] of Object.entries(doc)) {
    if (typeof value === 'string' && NAME.test(field)) fold[field] = foldForSearch(value);
  }
  return { ...doc, id, _id: id, _fold: fold };
}

function toReadModel<T extends object>(stored: MongoDoc): T & StoredDoc {
  const { _id, _fold, ...doc } = stored;
  return { ...doc, id: _id } as unknown as T & StoredDoc;
}
