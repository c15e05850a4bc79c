import type { Scalar, StoredDoc } from './read-store.port.js';

/**
 * The search index port: full-text search over a collection whose documents hold their analysed
 * terms (see french-analyser.ts) in one array field. Every read-store adapter implements it on
 * its own engine (SQLite FTS5, MongoDB multikey index) and passes the same contract suite.
 */

/** Field → a value it must equal, or a list of values it must be one of. */
export type Condition = Record<string, Scalar | readonly Scalar[]>;

export interface SearchQuery {
  /** The array field holding the documents' analysed terms (declared as the projection's `fullText`). */
  field: string;
  /** Analysed query terms: a document matches when it holds every one of them. */
  terms: readonly string[];
  /** Conditions every result meets. */
  where?: Condition;
  /** When given, a result meets every condition of at least one scope (what the person may see). */
  scopes?: readonly Condition[];
  limit?: number;
  offset?: number;
}

export interface SearchHit<T> {
  doc: T & StoredDoc;
  /** Relevance, higher is better (BM25 on every engine); only the order it gives is portable. */
  score: number;
}

export interface SearchPage<T> {
  hits: Array<SearchHit<T>>;
  /** Number of matching documents, all pages together. */
  total: number;
}

/** Full-text search over one generation's collections. */
export interface SearchIndex {
  search<T extends object>(collection: string, query: SearchQuery): Promise<SearchPage<T>>;
}

/** Options of a collection beyond its plain indexes. */
export interface CollectionOptions {
  /** An array field of analysed terms to index for full-text search. */
  fullText?: string;
  /**
   * Indexes over several top-level fields, in order (equality fields first, then the sort field):
   * a filtered, sorted page and its count are answered from the index alone.
   */
  compoundIndexes?: ReadonlyArray<readonly string[]>;
  /**
   * Prepare what writes need for these fields (SQLite: their columns) but build the indexes at a
   * later call without this flag: a rebuild loads in bulk first and indexes once at the end.
   */
  indexesLater?: boolean;
}

/** BM25 parameters, the same as SQLite FTS5's bm25() defaults so that both engines rank alike. */
export const BM25 = { k1: 1.2, b: 0.75 } as const;

/** BM25 score of one document for the query terms, from its terms and the collection statistics. */
export function bm25Score(
  docTerms: readonly string[],
  queryTerms: readonly string[],
  stats: { documents: number; averageLength: number; documentFrequency: (term: string) => number },
): number {
  const length = docTerms.length;
  let score = 0;
  for (const term of queryTerms) {
    const tf = docTerms.reduce((n, t) => (t === term ? n + 1 : n), 0);
    if (tf === 0) continue;
    const df = stats.documentFrequency(term);
    const idf = Math.log((stats.documents - df + 0.5) / (df + 0.5) + 1);
    score += (idf * tf * (BM25.k1 + 1)) / (tf + BM25.k1 * (1 - BM25.b + (BM25.b * length) / (stats.averageLength || 1)));
  }
  return score;
}
