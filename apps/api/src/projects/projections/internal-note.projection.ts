import type { InternalNoteAddedData } from '@carnet/domain';
import type { Projection } from '@carnet/read-store';

/**
 * One document per internal note, in its own collection: the project read model (which commune
 * members read) never holds a note, so no mapping mistake can leak one (ADR 0010).
 */
export interface NoteDoc {
  projectId: string;
  text: string;
  at: string;
  byId: string;
  byRole: string;
  questionId: string | null;
}

export const internalNoteProjection: Projection<NoteDoc> = {
  collection: 'project_notes',
  indexedFields: ['projectId', 'at'],
  keyOf: (e) => (e.type === 'InternalNoteAdded' ? (e.data as InternalNoteAddedData).noteId : null),
  evolve: (_doc, e) => {
    const data = e.data as InternalNoteAddedData;
    return { projectId: data.projectId, text: data.text, at: e.metadata.recordedAt, byId: e.metadata.actorId, byRole: e.metadata.actorRole, questionId: data.questionId };
  },
};
