/** What a search result is: a project, a question, an answer, a conversation message or an internal note. */
export type SearchResultType = 'project' | 'question' | 'answer' | 'message' | 'note';

export const SEARCH_RESULT_TYPES: SearchResultType[] = ['project', 'question', 'answer', 'message', 'note'];

export const SEARCH_RESULT_TYPE_LABELS: Record<SearchResultType, string> = {
  project: 'Projet',
  question: 'Question',
  answer: 'Réponse',
  message: 'Message',
  note: 'Note interne',
};

/** A piece of an excerpt: `match` pieces are the words the search found (shown in `<mark>`). */
export interface ExcerptPart {
  text: string;
  match: boolean;
}

export interface SearchResult {
  type: SearchResultType;
  projectId: string;
  projectTitle: string;
  codeInsee: string;
  communeName: string;
  /** The question an answer or a note is about, when there is one. */
  questionId: string | null;
  excerpt: ExcerptPart[];
  /** Where to read it in the web app, e.g. `/projets/<id>#questions-title`. */
  link: string;
  /** When it was written (ISO-8601). */
  at: string;
}

/** `GET /api/search?q=&type=&commune=`. */
export interface SearchResults {
  query: string;
  total: number;
  items: SearchResult[];
}

/** Shortest query accepted by the search (after trimming). */
export const SEARCH_MIN_LENGTH = 2;
