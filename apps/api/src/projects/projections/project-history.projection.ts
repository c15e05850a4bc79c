import type { RecordedEvent } from '@carnet/event-store';
import { PROJECT_STREAM_PREFIX, upcastProjectEvent } from '@carnet/domain';
import type { Projection } from '@carnet/read-store';

/** One line of a project's history: one document per event, so long histories stay cheap. */
export interface HistoryDoc {
  projectId: string;
  position: number;
  revision: number;
  type: string;
  at: string;
  actorId: string;
  actorRole: string;
  data: Record<string, unknown>;
}

export const projectHistoryProjection: Projection<HistoryDoc> = {
  collection: 'project_history',
  indexedFields: ['projectId', 'type'],
  // Keyed by position, built from its event alone: written once, never read back while projecting.
  writeOnce: true,
  keyOf: (e) => (e.streamId.startsWith(PROJECT_STREAM_PREFIX) ? String(e.position).padStart(15, '0') : null),
  evolve: (_doc, e) => ({
    projectId: e.streamId.slice(PROJECT_STREAM_PREFIX.length),
    position: e.position,
    revision: e.revision,
    type: e.type,
    at: e.metadata.recordedAt,
    actorId: e.metadata.actorId,
    actorRole: e.metadata.actorRole,
    // Stored in the current version, so that every reader sees one shape (ADR 0010).
    data: upcastProjectEvent(e).data as Record<string, unknown>,
  }),
};
