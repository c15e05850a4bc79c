import type { EventStore, NewEvent } from '@carnet/event-store';
import { randomUUID } from 'node:crypto';
import { EVENT_STORE } from '../src/infrastructure/tokens.js';
import type { startApp } from './harness.js';

/**
 * Appends follow-up events (follow-up.events.ts) straight to a project's stream, as the commands
 * of the questions, conversation and notes branches will: the read models under test must already
 * handle them. Returns the log position written, for `?minPosition=`.
 */
export async function appendToProject(
  t: Awaited<ReturnType<typeof startApp>>,
  projectId: string,
  events: Array<{ type: string; data: Record<string, unknown>; actorRole?: string; at?: string; schemaVersion?: number }>,
): Promise<number> {
  const store = t.app.get<EventStore>(EVENT_STORE);
  const batch: NewEvent[] = events.map((e) => ({
    id: randomUUID(),
    type: e.type,
    schemaVersion: e.schemaVersion ?? 1,
    data: { projectId, ...e.data },
    metadata: {
      actorId: 'test-actor',
      actorRole: e.actorRole ?? 'departement_agent',
      correlationId: randomUUID(),
      causationId: randomUUID(),
      commandId: randomUUID(),
      recordedAt: e.at ?? new Date().toISOString(),
    },
  }));
  return (await store.appendToStream(`project-${projectId}`, batch, 'any')).position;
}
