import type { FaqEntryDraftedData, QuestionAnsweredV2Data } from '@carnet/domain';
import type { Projection } from '@carnet/read-store';

/**
 * For each answered question an entry was made from: the entries made from it and when its
 * answers last changed. A new answer after an entry was made means the source answer was
 * corrected: the entry's team is told (« Réponse d’origine modifiée ») in its review list.
 */
export interface FaqSourceDoc {
  questionId: string;
  projectId: string;
  entryIds: string[];
  /** When each entry was made from it (entry id → ISO date). */
  linkedAt: Record<string, string>;
  /** Last answer given to the question (null when none since). */
  lastAnsweredAt: string | null;
}

export const faqSourceProjection: Projection<FaqSourceDoc> = {
  collection: 'faq_sources',
  indexedFields: ['projectId'],
  keyOf: (e) => {
    if (e.type === 'FaqEntryDrafted') {
      const ids = (e.data as FaqEntryDraftedData).sourceQuestions.map((s) => s.questionId);
      return ids.length ? ids : null;
    }
    // Answers of every question are followed: a question may become a source later.
    if (e.type === 'QuestionAnswered') return (e.data as QuestionAnsweredV2Data).questionId;
    return null;
  },
  evolve: (doc, e, questionId) => {
    if (e.type === 'QuestionAnswered') {
      const projectId = (e.data as QuestionAnsweredV2Data).projectId;
      return doc
        ? { ...doc, lastAnsweredAt: e.metadata.recordedAt }
        : { questionId, projectId, entryIds: [], linkedAt: {}, lastAnsweredAt: e.metadata.recordedAt };
    }
    const data = e.data as FaqEntryDraftedData;
    const source = data.sourceQuestions.find((s) => s.questionId === questionId)!;
    const base: FaqSourceDoc = doc ?? { questionId, projectId: source.projectId, entryIds: [], linkedAt: {}, lastAnsweredAt: null };
    return { ...base, entryIds: [...new Set([...base.entryIds, data.entryId])], linkedAt: { ...base.linkedAt, [data.entryId]: e.metadata.recordedAt } };
  },
};
