/**
 * The audit verifier (ADR 0008): walks the whole log in position order, recomputes every event's
 * hash from its content and from the hash it recomputed for the previous event of the stream, and
 * names the first event that does not match. Anchors met on the way (and anchors exported earlier,
 * passed in) are checked against the heads it recomputed. Works on any EventStore through readAll;
 * uses the adapter's checkedPages when there is one (no JSON parsing, hashing in parallel threads).
 *
 * Each event is judged twice: its content gives its stored hash when chained to its stored previous
 * hash (`content`), and that stored previous hash is the hash of the event before it in the stream
 * (`chain`). Together they are the chain recomputed from the start, and the first check can run
 * for every event at once, in any order: that is what lets the adapter hash in parallel.
 */
import { canonicalEvent, chainHash, GENESIS_HASH, headsHash } from './hash-chain.js';
import type { CheckedRecord, CheckedSegment, EventStore, RecordedEvent, SummarySegment } from './event-store.port.js';

/** The stream that holds the anchors: category `anchor`, one stream for the whole log. */
export const ANCHOR_STREAM = 'anchor-log';
/** The type of the anchor events (schema: event-store/schemas/AnchorRecorded.v1.schema.json). */
export const ANCHOR_EVENT_TYPE = 'AnchorRecorded';

/** Data of an AnchorRecorded v1 event. */
export interface AnchorRecordedData {
  /** Global position the anchor covers: every event at or before it. */
  position: number;
  /** Number of streams that have events at or before the position. */
  streams: number;
  /** headsHash() of the last event of every stream at or before the position. */
  headsHash: string;
}

/** An anchor kept outside the log (exported by `npm run audit:anchor`): the log must still match it. */
export interface ExternalAnchor {
  position: number;
  headsHash: string;
}

/**
 * Why an event does not match: `revision gap` (a revision of its stream is missing or out of place),
 * `chain` (its stored previous hash is not the recomputed hash of the previous event), `content`
 * (its content no longer gives its stored hash), `anchor` (an AnchorRecorded event whose heads hash
 * does not match the recomputed heads).
 */
export type MismatchReason = 'content' | 'chain' | 'revision gap' | 'anchor';

export interface Mismatch {
  position: number;
  streamId: string;
  revision: number;
  type: string;
  /** The hash recomputed by the verifier (for `anchor`: the recomputed heads hash). */
  expectedHash: string;
  /** The hash stored with the event (for `anchor`: the heads hash the anchor holds). */
  storedHash: string;
  reason: MismatchReason;
}

export interface AnchorFailure {
  source: 'log' | 'external';
  /** Position the anchor covers. */
  anchoredPosition: number;
  /** Position of the AnchorRecorded event (log anchors only). */
  eventPosition: number | null;
  anchoredHeadsHash: string;
  /** Heads hash recomputed at the anchored position; null when the log does not reach that position. */
  recomputedHeadsHash: string | null;
}

export interface VerifyProgress {
  eventsChecked: number;
  position: number;
  /** Head of the log when the verification started: where it will stop. */
  headPosition: number;
}

export interface VerifyReport {
  ok: boolean;
  eventsChecked: number;
  streams: number;
  /** Position of the last event checked (0 for an empty log). */
  headPosition: number;
  /** headsHash() of the recomputed heads at headPosition: what an anchor at that position holds. */
  headsHash: string;
  firstMismatch: Mismatch | null;
  anchors: { checked: number; failed: number; failures: AnchorFailure[] };
}

export interface VerifyOptions {
  /** Called after each page. */
  onProgress?: (progress: VerifyProgress) => void;
  /** Events per page (default 2000). */
  pageSize?: number;
  /** Anchors exported earlier: each is checked when the walk passes its position. */
  anchors?: ExternalAnchor[];
  /** Keep walking after the first mismatch to check the remaining anchors (default: stop there). */
  continueAfterMismatch?: boolean;
  /** Use the adapter's checkedPages when it has one (default true); false forces the readAll path. */
  fastPath?: boolean;
  /** Threads for the adapter's fast path (default: the adapter's choice; 0: the calling thread only). */
  threads?: number;
}

interface Head {
  revision: number;
  hash: string;
}

/** The verification with the recomputed heads, for recordAnchor. */
export interface LogWalk extends VerifyReport {
  heads: ReadonlyMap<string, Head>;
}

/** Verifies the whole log: see the module comment and ADR 0008. */
export async function verifyLog(store: EventStore, options: VerifyOptions = {}): Promise<VerifyReport> {
  const { heads: _heads, ...report } = await walkLog(store, options);
  return report;
}

export async function walkLog(store: EventStore, options: VerifyOptions = {}): Promise<LogWalk> {
  const pageSize = options.pageSize ?? 2000;
  const until = await store.headPosition();
  const fast = options.fastPath !== false && typeof store.checkedSegments === 'function';
  const heads = new Map<string, Head>();
  const external = [...(options.anchors ?? [])].sort((a, b) => a.position - b.position);
  let nextExternal = 0;
  // The anchors of the log, read first: the walk must keep the heads hash of every position they cover.
  const logAnchors = await readLogAnchors(store);
  const wanted = [...new Set([...logAnchors.values()].flatMap((a) => (a ? [a.position] : [])))].sort((a, b) => a - b);
  let nextWanted = 0;
  const snapshots = new Map<number, string>();
  const anchors: VerifyReport['anchors'] = { checked: 0, failed: 0, failures: [] };
  let firstMismatch: Mismatch | null = null;
  let eventsChecked = 0;
  let last = 0;

  /** Every event at or before `position` is walked and none after: the heads are those of that position. */
  const reached = (position: number) => {
    while (nextExternal < external.length && external[nextExternal].position <= position) {
      const anchor = external[nextExternal++];
      const recomputed = headsHash(mapHashes(heads));
      anchors.checked += 1;
      if (recomputed !== anchor.headsHash) {
        anchors.failed += 1;
        anchors.failures.push({ source: 'external', anchoredPosition: anchor.position, eventPosition: null, anchoredHeadsHash: anchor.headsHash, recomputedHeadsHash: recomputed });
      }
    }
    while (nextWanted < wanted.length && wanted[nextWanted] <= position) snapshots.set(wanted[nextWanted++], headsHash(mapHashes(heads)));
  };

  /** The anchor recorded by the event at `position` (undefined: not an anchor), against the heads it covers. */
  const anchorVerdict = (position: number) => {
    const data = logAnchors.get(position);
    if (data === undefined) return null;
    const recomputedHeads = data ? (snapshots.get(data.position) ?? null) : null;
    return { data, recomputedHeads, ok: !!data && data.position < position && recomputedHeads === data.headsHash };
  };

  /** One event, in log order: the exact walk, also used for any part of the log a summary could not vouch for. */
  const walkEvent = async (event: CheckedRecord): Promise<boolean> => {
    reached(event.position - 1);
    const head = heads.get(event.streamId);
    const expectedRevision = head ? head.revision + 1 : 0;
    const expectedPrevious = head ? head.hash : GENESIS_HASH;
    // The content chained to the previous hash the walk recomputed (rare: only when the link is broken).
    const recomputed = event.previousHash === expectedPrevious ? event.contentHash : await rehash(store, event, expectedPrevious);
    let reason: MismatchReason | null = null;
    if (event.revision !== expectedRevision) reason = 'revision gap';
    else if (event.previousHash !== expectedPrevious) reason = 'chain';
    else if (recomputed !== event.hash) reason = 'content';
    let anchorMismatch: Mismatch | null = null;
    const isAnchor = event.type === ANCHOR_EVENT_TYPE && event.streamId === ANCHOR_STREAM;
    const verdict = isAnchor ? (anchorVerdict(event.position) ?? { data: null, recomputedHeads: null, ok: false }) : null;
    if (verdict) {
      anchors.checked += 1;
      if (!verdict.ok) {
        anchors.failed += 1;
        anchors.failures.push({
          source: 'log',
          anchoredPosition: verdict.data?.position ?? -1,
          eventPosition: event.position,
          anchoredHeadsHash: verdict.data?.headsHash ?? '',
          recomputedHeadsHash: verdict.recomputedHeads,
        });
        anchorMismatch = { ...describe(event), expectedHash: verdict.recomputedHeads ?? '', storedHash: verdict.data?.headsHash ?? '', reason: 'anchor' };
      }
    }
    heads.set(event.streamId, { revision: event.revision, hash: recomputed });
    eventsChecked += 1;
    last = event.position;
    if (!firstMismatch && (reason || anchorMismatch)) {
      firstMismatch = reason ? { ...describe(event), expectedHash: recomputed, storedHash: event.hash, reason } : anchorMismatch;
      if (!options.continueAfterMismatch) return false;
    }
    return true;
  };

  /**
   * A range the adapter vouches for inside (every content hash matches, every link inside it holds):
   * only its first event of each stream is left to link to the heads. Applied only when all of it
   * holds, anchors included; otherwise the range is walked event by event.
   */
  const applySummary = (segment: SummarySegment): boolean => {
    reached(segment.after);
    if (external.slice(nextExternal).some((a) => a.position > segment.after && a.position < segment.lastPosition)) return false;
    if (wanted.slice(nextWanted).some((p) => p > segment.after && p < segment.lastPosition)) return false;
    for (const run of segment.runs) {
      const head = heads.get(run.streamId);
      if (run.firstRevision !== (head ? head.revision + 1 : 0) || run.firstPreviousHash !== (head ? head.hash : GENESIS_HASH)) return false;
    }
    const anchorRuns: Array<{ position: number; verdict: NonNullable<ReturnType<typeof anchorVerdict>> }> = [];
    for (const [position] of logAnchors) {
      if (position <= segment.after || position > segment.lastPosition) continue;
      const verdict = anchorVerdict(position);
      if (!verdict?.ok) return false;
      anchorRuns.push({ position, verdict });
    }
    for (const run of segment.runs) heads.set(run.streamId, { revision: run.lastRevision, hash: run.lastHash });
    anchors.checked += anchorRuns.length;
    eventsChecked += segment.count;
    if (segment.count > 0) last = segment.lastPosition;
    reached(segment.lastPosition);
    return true;
  };

  const segments: AsyncIterable<CheckedSegment> = fast
    ? store.checkedSegments!({ after: 0, until, pageSize, threads: options.threads, cuts: [...wanted, ...external.map((a) => a.position)] })
    : genericSegments(store, until, pageSize);
  walk: for await (const segment of segments) {
    if (segment.kind === 'summary' && applySummary(segment)) {
      options.onProgress?.({ eventsChecked, position: last, headPosition: until });
      continue;
    }
    const records = segment.kind === 'records' ? segment.records : await segment.detail();
    for (const event of records) {
      if (event.position > until) break walk;
      if (!(await walkEvent(event))) break walk;
    }
    if (records.length > 0) options.onProgress?.({ eventsChecked, position: last, headPosition: until });
  }
  if (!firstMismatch || options.continueAfterMismatch) {
    reached(last);
    // Anchors beyond the end of the log: events the anchor saw are gone.
    for (const anchor of external.slice(nextExternal)) {
      anchors.checked += 1;
      anchors.failed += 1;
      anchors.failures.push({ source: 'external', anchoredPosition: anchor.position, eventPosition: null, anchoredHeadsHash: anchor.headsHash, recomputedHeadsHash: null });
    }
  }
  options.onProgress?.({ eventsChecked, position: last, headPosition: until });
  return {
    ok: firstMismatch === null && anchors.failed === 0,
    eventsChecked,
    streams: heads.size,
    headPosition: last,
    headsHash: headsHash(mapHashes(heads)),
    firstMismatch,
    anchors,
    heads,
  };
}

/** The anchors of the log by the position of their event (null: an anchor whose data cannot be read). */
async function readLogAnchors(store: EventStore): Promise<Map<number, AnchorRecordedData | null>> {
  const found = new Map<number, AnchorRecordedData | null>();
  let events: RecordedEvent[];
  try {
    events = await store.readStream(ANCHOR_STREAM);
  } catch {
    return found; // unreadable anchor events: each fails when the walk meets it
  }
  for (const event of events) {
    if (event.type !== ANCHOR_EVENT_TYPE) continue;
    const data = event.data as Partial<AnchorRecordedData> | null;
    found.set(
      event.position,
      data && typeof data.position === 'number' && typeof data.headsHash === 'string' ? { position: data.position, streams: Number(data.streams), headsHash: data.headsHash } : null,
    );
  }
  return found;
}

function mapHashes(heads: Map<string, Head>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [streamId, head] of heads) out.set(streamId, head.hash);
  return out;
}

function describe(event: CheckedRecord) {
  return { position: event.position, streamId: event.streamId, revision: event.revision, type: event.type };
}

/** The log through the port alone (KurrentDB, or the fast path turned off): parse, canonicalise, hash. */
async function* genericSegments(store: EventStore, until: number, pageSize: number): AsyncGenerator<CheckedSegment> {
  for (let after = 0; after < until; ) {
    const page = await store.readAll({ after, maxCount: pageSize });
    if (page.length === 0) return;
    const records = page.map((event) => {
      const canonical = canonicalEvent(event);
      return {
        position: event.position,
        streamId: event.streamId,
        revision: event.revision,
        type: event.type,
        hash: event.hash,
        previousHash: event.previousHash,
        contentHash: chainHash(event.previousHash, canonical),
        canonical,
      };
    });
    yield { kind: 'records', records };
    after = page[page.length - 1].position;
  }
}

/** The canonical form of the content of the event at a position, read through the port; null when unreadable. */
async function canonicalAt(store: EventStore, position: number): Promise<string | null> {
  const [parsed] = await store.readAll({ after: position - 1, maxCount: 1 }).catch(() => [] as RecordedEvent[]);
  return parsed?.position === position ? canonicalEvent(parsed) : null;
}

/** The event's content chained to another previous hash than the stored one (for a broken link's report). */
async function rehash(store: EventStore, event: CheckedRecord, previousHash: string): Promise<string> {
  const canonical = (await canonicalAt(store, event.position)) ?? event.canonical;
  return canonical === null ? '' : chainHash(previousHash, canonical);
}
