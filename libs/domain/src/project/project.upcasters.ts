import { QUESTION_ROUTING, type QuestionAnsweredV2Data, type QuestionAskedV2Data } from './follow-up.events.js';
import type { QuestionAnsweredData, QuestionAskedData } from './project.events.js';

/** The envelope an upcaster reads: a stored event or a domain event (extra fields are kept as they are). */
export interface VersionedEvent {
  type: string;
  schemaVersion: number;
  data: unknown;
}

/**
 * Reads an event of the project stream as its current version (a published event never changes
 * shape: older versions stay in the log and are upcast on read, see ADR 0010).
 * - QuestionAsked v1 → v2: `team = QUESTION_ROUTING[category]`, `documentIds = []`.
 * - QuestionAnswered v1 → v2: `documentIds = []`, `contactId = null`.
 * Other events are returned unchanged (the same object).
 */
export function upcastProjectEvent<E extends VersionedEvent>(event: E): E {
  if (event.schemaVersion !== 1) return event;
  if (event.type === 'QuestionAsked') {
    const v1 = event.data as QuestionAskedData;
    const data: QuestionAskedV2Data = { ...v1, team: QUESTION_ROUTING[v1.category] ?? 'accompagnement', documentIds: [] };
    return { ...event, schemaVersion: 2, data };
  }
  if (event.type === 'QuestionAnswered') {
    const data: QuestionAnsweredV2Data = { ...(event.data as QuestionAnsweredData), documentIds: [], contactId: null };
    return { ...event, schemaVersion: 2, data };
  }
  return event;
}
