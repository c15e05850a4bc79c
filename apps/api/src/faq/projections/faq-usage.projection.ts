import type { FaqEntryOpenedData } from '@carnet/domain';
import type { Projection } from '@carnet/read-store';

/** The Département's FAQ figures of one calendar month (UTC), `YYYY-MM`. */
export interface FaqUsageMonthDoc {
  month: string;
  /** Entries opened: from the suggestions beside the question form and from the FAQ page. */
  opened: number;
  openedFromSuggestions: number;
  /** Votes cast or changed. */
  votes: number;
  /** Questions avoided (ADR 0018). */
  avoided: number;
}

const COUNTED = new Set(['FaqEntryOpened', 'FaqEntryVoted', 'FaqQuestionAvoided']);

export const faqUsageProjection: Projection<FaqUsageMonthDoc> = {
  collection: 'faq_usage_months',
  indexedFields: ['month'],
  keyOf: (e) => (COUNTED.has(e.type) ? e.metadata.recordedAt.slice(0, 7) : null),
  evolve: (doc, e, month) => {
    const current: FaqUsageMonthDoc = doc
      ? { month, opened: doc.opened, openedFromSuggestions: doc.openedFromSuggestions, votes: doc.votes, avoided: doc.avoided }
      : { month, opened: 0, openedFromSuggestions: 0, votes: 0, avoided: 0 };
    if (e.type === 'FaqEntryOpened') {
      current.opened++;
      if ((e.data as FaqEntryOpenedData).from === 'suggestion') current.openedFromSuggestions++;
    } else if (e.type === 'FaqEntryVoted') current.votes++;
    else if (e.type === 'FaqQuestionAvoided') current.avoided++;
    return current;
  },
};
