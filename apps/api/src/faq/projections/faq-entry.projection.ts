import type { RecordedEvent } from '@carnet/event-store';
import type { FaqAudience, FaqContent, FaqEntryEvent, FaqEntryOpenedData, FaqEntryVotedData, FaqSourceQuestion, FaqStatus } from '@carnet/domain';
import { departementOfCommune, FAQ_STREAM_PREFIX } from '@carnet/domain';
import { analyseFrench, type Projection } from '@carnet/read-store';

/**
 * One document per FAQ entry: its content and status (from `faq-<id>`), the votes and openings
 * (from `faqusage-<id>` and `faqasking-<id>`), and its analysed terms for the search index.
 */
export interface FaqEntryDoc extends FaqContent {
  entryId: string;
  status: FaqStatus;
  audience: FaqAudience;
  sourceQuestions: FaqSourceQuestion[];
  proposedBy: string | null;
  /** Why it was declined or unpublished. */
  statusReason: string | null;
  createdAt: string;
  /**
   * The Département whose FAQ it is (issue #17): its author's, or its proposing commune's; null for
   * an entry drafted before entries named one, read as the home Département's.
   */
  departement: string | null;
  /** Last revision, publication or check: « vérifiée le … ». */
  verifiedAt: string;
  /** Stream version (events in `faq-<id>`), for If-Match. */
  version: number;
  /** The last vote of each person (account ids only). */
  votes: Record<string, boolean>;
  usefulCount: number;
  openedCount: number;
  /** Analysed terms: the question and the keywords count twice, the answer once. */
  terms: string[];
}

const termsOf = (c: FaqContent): string[] => {
  const head = analyseFrench(`${c.question} ${c.keywords.join(' ')}`);
  return [...head, ...head, ...analyseFrench(c.answer)];
};

function contentOf(data: FaqContent): FaqContent {
  return { question: data.question, answer: data.answer, category: data.category, keywords: data.keywords, team: data.team, audience: data.audience };
}

export function evolveFaqEntry(doc: FaqEntryDoc | null, e: RecordedEvent, entryId: string): FaqEntryDoc | null {
  const at = e.metadata.recordedAt;
  const event = e as unknown as FaqEntryEvent;
  if (event.type === 'FaqEntryDrafted' || event.type === 'FaqEntryProposed') {
    const content = contentOf(event.data);
    return {
      entryId,
      ...content,
      status: event.type === 'FaqEntryDrafted' ? 'draft' : 'proposed',
      sourceQuestions: event.type === 'FaqEntryDrafted' ? event.data.sourceQuestions : [],
      proposedBy: event.type === 'FaqEntryProposed' ? event.data.communeInsee : null,
      departement: event.type === 'FaqEntryProposed' ? departementOfCommune(event.data.communeInsee) : (event.data.departement ?? null),
      statusReason: null,
      createdAt: at,
      verifiedAt: at,
      version: e.revision + 1,
      votes: doc?.votes ?? {},
      usefulCount: doc?.usefulCount ?? 0,
      openedCount: doc?.openedCount ?? 0,
      terms: termsOf(content),
    };
  }
  if (!doc) return null;
  if (e.type === 'FaqEntryVoted') {
    const votes = { ...doc.votes, [e.metadata.actorId]: (e.data as FaqEntryVotedData).useful };
    return { ...doc, votes, usefulCount: Object.values(votes).filter(Boolean).length };
  }
  if (e.type === 'FaqEntryOpened') return { ...doc, openedCount: doc.openedCount + 1 };
  const next: FaqEntryDoc = { ...doc, version: e.revision + 1 };
  switch (event.type) {
    case 'FaqEntryRevised': {
      const content = contentOf(event.data);
      return { ...next, ...content, verifiedAt: at, terms: termsOf(content) };
    }
    case 'FaqEntryPublished':
      return { ...next, status: 'published', statusReason: null, verifiedAt: at };
    case 'FaqEntryUnpublished':
      return { ...next, status: 'unpublished', statusReason: event.data.reason };
    case 'FaqEntryArchived':
      return { ...next, status: 'archived', statusReason: event.data.reason };
    case 'FaqEntryDeclined':
      return { ...next, status: 'declined', statusReason: event.data.reason };
    case 'FaqEntryVerified':
      return { ...next, verifiedAt: at };
    default:
      return next;
  }
}

export const faqEntryProjection: Projection<FaqEntryDoc> = {
  collection: 'faq_entries',
  indexedFields: ['status', 'audience', 'category', 'team', 'proposedBy', 'verifiedAt', 'departement'],
  fullText: 'terms',
  keyOf: (e) => {
    if (e.streamId.startsWith(FAQ_STREAM_PREFIX)) return (e.data as { entryId: string }).entryId;
    if (e.type === 'FaqEntryVoted' || e.type === 'FaqEntryOpened') return (e.data as FaqEntryOpenedData).entryId;
    return null;
  },
  evolve: (doc, e, key) => evolveFaqEntry(doc, e, key),
};
