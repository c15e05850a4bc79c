/**
 * Anchors (ADR 0008): one hash over the heads of every stream, appended to the log as an
 * AnchorRecorded event and printed for export. An anchor kept elsewhere proves later that nothing
 * at or before its position changed, even if the whole log were rewritten with fresh hashes.
 */
import { createHash } from 'node:crypto';
import type { EventMetadata, EventStore } from './event-store.port.js';
import { ANCHOR_EVENT_TYPE, ANCHOR_STREAM, walkLog, type AnchorRecordedData, type VerifyOptions, type VerifyReport } from './verify.js';

/** An anchor as recorded: what to export and keep outside the log. */
export interface RecordedAnchor extends AnchorRecordedData {
  /** Global position of the AnchorRecorded event itself. */
  eventPosition: number;
  eventId: string;
  recordedAt: string;
}

/** Raised by recordAnchor when the log does not verify: an anchor must never seal a tampered log. */
export class LogTamperedError extends Error {
  constructor(readonly report: VerifyReport) {
    super(
      report.firstMismatch
        ? `Log tampered at position ${report.firstMismatch.position} (${report.firstMismatch.streamId}@${report.firstMismatch.revision}, ${report.firstMismatch.reason})`
        : `Log does not match ${report.anchors.failed} anchor(s)`,
    );
    this.name = 'LogTamperedError';
  }
}

/**
 * Verifies the whole log, then appends an AnchorRecorded v1 event to `anchor-log` covering the last
 * event verified. `metadata` says who asked (a deployment's cron, the API's timer). Throws
 * LogTamperedError without appending when the log does not verify.
 */
export async function recordAnchor(store: EventStore, metadata: EventMetadata, options: Pick<VerifyOptions, 'onProgress' | 'anchors'> = {}): Promise<RecordedAnchor> {
  const walk = await walkLog(store, options);
  if (!walk.ok) throw new LogTamperedError(walk);
  const data: AnchorRecordedData = { position: walk.headPosition, streams: walk.streams, headsHash: walk.headsHash };
  const eventId = anchorEventId(data);
  const previous = walk.heads.get(ANCHOR_STREAM);
  const result = await store.appendToStream(
    ANCHOR_STREAM,
    [{ id: eventId, type: ANCHOR_EVENT_TYPE, schemaVersion: 1, data, metadata }],
    previous ? previous.revision : 'no_stream',
  );
  return { ...data, eventPosition: result.position, eventId, recordedAt: metadata.recordedAt };
}

/** A UUID derived from what the anchor covers, so that retrying the same anchor stores it once. */
function anchorEventId(data: AnchorRecordedData): string {
  const hex = createHash('sha256').update(`anchor ${data.position} ${data.headsHash}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
