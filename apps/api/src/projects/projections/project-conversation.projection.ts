import type { MessagePostedData } from '@carnet/domain';
import type { Projection } from '@carnet/read-store';

/** One document per message of a project's conversation with the commune (visible to the commune). */
export interface MessageDoc {
  projectId: string;
  text: string;
  at: string;
  byId: string;
  byRole: string;
  documentIds: string[];
}

export const projectConversationProjection: Projection<MessageDoc> = {
  collection: 'project_messages',
  indexedFields: ['projectId', 'at'],
  keyOf: (e) => (e.type === 'MessagePosted' ? (e.data as MessagePostedData).messageId : null),
  evolve: (_doc, e) => {
    const data = e.data as MessagePostedData;
    return { projectId: data.projectId, text: data.text, at: e.metadata.recordedAt, byId: e.metadata.actorId, byRole: e.metadata.actorRole, documentIds: data.documentIds };
  },
};
