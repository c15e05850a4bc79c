/**
 * The audit verifier (ADR 0008): walks the whole log in position order, recomputes every event's
 * hash from its content and from the hash it recomputed for the previous event of the stream, and
 * names the first event that does not match. Anchors met on the way (and anchors exported earlier,
 * passed in) are checked against the heads it recomputed. Works on any EventStore through readAll;
 * uses the adapter's readHashedPage when there is one (no JSON parsing).
 */
import { canonicalEvent, chainHash, GENESIS_HASH, headsHash } from './hash-chain.js';
import type { EventStore, HashedRecord, RecordedEvent } from './event-store.port.js';

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
  /** Use the adapter's readHashedPage when it has one (default true); false forces the readAll path. */
  fastPath?: boolean;
}

interface Head {
  revision: number;
  hash: string;
}

/** How far back in-log anchors may point (events appended between an anchor's verification and its append). */
const UNDO_WINDOW = 100_000;

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
  const fast = options.fastPath !== false && typeof store.readHashedPage === 'function';
  const heads = new Map<string, Head>();
  // Each event's previous head, so that an anchor met later is checked at the position it covers.
  let undo: Array<{ position: number; streamId: string; before: Head | undefined }> = [];
  let undoFloor = 0; // positions at or below it are no longer in `undo`
  const external = [...(options.anchors ?? [])].sort((a, b) => a.position - b.position);
  let nextExternal = 0;
  const anchors: VerifyReport['anchors'] = { checked: 0, failed: 0, failures: [] };
  let firstMismatch: Mismatch | null = null;
  let eventsChecked = 0;
  let last = 0;

  const checkExternalUpTo = (position: number) => {
    // Every event at or before each anchor's position has been walked: the heads are the anchor's.
    while (nextExternal < external.length && external[nextExternal].position <= position) {
      const anchor = external[nextExternal++];
      const recomputed = headsHash(mapHashes(heads));
      anchors.checked += 1;
      if (recomputed !== anchor.headsHash) {
        anchors.failed += 1;
        anchors.failures.push({ source: 'external', anchoredPosition: anchor.position, eventPosition: null, anchoredHeadsHash: anchor.headsHash, recomputedHeadsHash: recomputed });
      }
    }
  };

  const headsAt = (position: number): Map<string, string> | null => {
    if (position < undoFloor) return null;
    const at = mapHashes(heads);
    for (let i = undo.length - 1; i >= 0 && undo[i].position > position; i--) {
      const { streamId, before } = undo[i];
      if (before) at.set(streamId, before.hash);
      else at.delete(streamId);
    }
    return at;
  };

  walk: for (let after = 0; after < until; ) {
    const page: HashedRecord[] = fast ? await store.readHashedPage!(after, pageSize) : (await store.readAll({ after, maxCount: pageSize })).map(toHashed);
    if (page.length === 0) break;
    for (const event of page) {
      if (event.position > until) break walk;
      checkExternalUpTo(event.position - 1);
      const head = heads.get(event.streamId);
      const expectedRevision = head ? head.revision + 1 : 0;
      const expectedPrevious = head ? head.hash : GENESIS_HASH;
      let recomputed = chainHash(expectedPrevious, event.canonical);
      if (fast && recomputed !== event.hash && event.previousHash === expectedPrevious) {
        // The stored text may be valid but not canonical (edited by hand): judge the content itself.
        const [parsed] = await store.readAll({ after: event.position - 1, maxCount: 1 }).catch(() => [] as RecordedEvent[]);
        if (parsed?.position === event.position) recomputed = chainHash(expectedPrevious, canonicalEvent(parsed));
      }
      let reason: MismatchReason | null = null;
      if (event.revision !== expectedRevision) reason = 'revision gap';
      else if (event.previousHash !== expectedPrevious) reason = 'chain';
      else if (recomputed !== event.hash) reason = 'content';
      let anchorMismatch: Mismatch | null = null;
      if (event.type === ANCHOR_EVENT_TYPE && event.streamId === ANCHOR_STREAM) {
        const data = anchorData(event.canonical);
        const at = data ? headsAt(data.position) : null;
        const recomputedHeads = at ? headsHash(at) : null;
        anchors.checked += 1;
        if (!data || recomputedHeads !== data.headsHash) {
          anchors.failed += 1;
          anchors.failures.push({
            source: 'log',
            anchoredPosition: data?.position ?? -1,
            eventPosition: event.position,
            anchoredHeadsHash: data?.headsHash ?? '',
            recomputedHeadsHash: recomputedHeads,
          });
          anchorMismatch = { ...describe(event), expectedHash: recomputedHeads ?? '', storedHash: data?.headsHash ?? '', reason: 'anchor' };
        }
      }
      undo.push({ position: event.position, streamId: event.streamId, before: head });
      if (undo.length > 2 * UNDO_WINDOW) {
        undo = undo.slice(-UNDO_WINDOW);
        undoFloor = undo[0].position;
      }
      heads.set(event.streamId, { revision: event.revision, hash: recomputed });
      eventsChecked += 1;
      last = event.position;
      if (!firstMismatch && (reason || anchorMismatch)) {
        firstMismatch = reason ? { ...describe(event), expectedHash: recomputed, storedHash: event.hash, reason } : anchorMismatch;
        if (!options.continueAfterMismatch) break walk;
      }
    }
    after = page[page.length - 1].position;
    options.onProgress?.({ eventsChecked, position: last, headPosition: until });
  }
  if (!firstMismatch || options.continueAfterMismatch) {
    checkExternalUpTo(last);
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

function mapHashes(heads: Map<string, Head>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [streamId, head] of heads) out.set(streamId, head.hash);
  return out;
}

function describe(event: HashedRecord) {
  return { position: event.position, streamId: event.streamId, revision: event.revision, type: event.type };
}

/** The data of an anchor event from its canonical form (anchors are rare: parsing them is cheap). */
function anchorData(canonical: string): AnchorRecordedData | null {
  try {
    const { data } = JSON.parse(canonical) as { data: Partial<AnchorRecordedData> | null };
    if (!data || typeof data.position !== 'number' || typeof data.headsHash !== 'string') return null;
    return { position: data.position, streams: Number(data.streams), headsHash: data.headsHash };
  } catch {
    return null;
  }
}

function toHashed(event: RecordedEvent): HashedRecord {
  return {
    position: event.position,
    id: event.id,
    streamId: event.streamId,
    revision: event.revision,
    type: event.type,
    hash: event.hash,
    previousHash: event.previousHash,
    canonical: canonicalEvent(event),
  };
}
