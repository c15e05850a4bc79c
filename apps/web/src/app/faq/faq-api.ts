import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CommandAccepted,
  FaqDraftAccepted,
  FaqEntryList,
  FaqEntryRequest,
  FaqEntryView,
  FaqHistory,
  FaqStats,
  FaqStatus,
  FaqSuggestion,
  ProposeFaqEntryRequest,
  QuestionCategory,
} from '@carnet/contracts';
import type { Observable } from 'rxjs';
import { CSRF_COOKIE, CSRF_HEADER, readCookie } from '../core/csrf-interceptor';

export interface FaqReview {
  due: FaqEntryView[];
  sourceChanged: FaqEntryView[];
  proposals: FaqEntryView[];
  drafts: FaqEntryView[];
}

const BASE = '/api/faq';
const params = (values: Record<string, string | number | null | undefined>) =>
  Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined && v !== '')) as Record<string, string | number>;
const ifMatch = (version: number | null) => (version === null ? undefined : new HttpHeaders({ 'If-Match': `"${version}"` }));

/** The FAQ's endpoints (ADR 0018). */
/** The start of a question that the suggestions look at (the API refuses more: the address must stay short). */
export const SUGGESTION_TEXT_MAX = 500;

@Injectable({ providedIn: 'root' })
export class FaqApi {
  private readonly http = inject(HttpClient);

  list(filter: { q?: string; category?: QuestionCategory | ''; status?: FaqStatus; minPosition?: number | null }): Observable<FaqEntryList> {
    return this.http.get<FaqEntryList>(`${BASE}/entries`, { params: params({ ...filter, limit: 100 }) });
  }
  get(id: string, minPosition?: number | null): Observable<FaqEntryView> {
    return this.http.get<FaqEntryView>(`${BASE}/entries/${id}`, { params: params({ minPosition }) });
  }
  history(id: string): Observable<FaqHistory> {
    return this.http.get<FaqHistory>(`${BASE}/entries/${id}/history`);
  }
  suggestions(q: string): Observable<FaqSuggestion[]> {
    return this.http.get<FaqSuggestion[]>(`${BASE}/suggestions`, { params: { q: q.slice(0, SUGGESTION_TEXT_MAX) } });
  }
  review(minPosition?: number | null): Observable<FaqReview> {
    return this.http.get<FaqReview>(`${BASE}/review`, { params: params({ minPosition }) });
  }
  stats(): Observable<FaqStats> {
    return this.http.get<FaqStats>(`${BASE}/stats`);
  }
  draft(body: FaqEntryRequest): Observable<CommandAccepted> {
    return this.http.post<CommandAccepted>(`${BASE}/entries`, body);
  }
  fromQuestion(projectId: string, questionId: string): Observable<FaqDraftAccepted> {
    return this.http.post<FaqDraftAccepted>(`${BASE}/entries/from-question`, { projectId, questionId });
  }
  propose(body: ProposeFaqEntryRequest): Observable<CommandAccepted> {
    return this.http.post<CommandAccepted>(`${BASE}/proposals`, body);
  }
  revise(id: string, body: FaqEntryRequest, version: number): Observable<CommandAccepted> {
    return this.http.put<CommandAccepted>(`${BASE}/entries/${id}`, body, { headers: ifMatch(version) });
  }
  status(id: string, action: 'publication' | 'unpublication' | 'archive' | 'decline' | 'verification', version: number, reason?: string): Observable<CommandAccepted> {
    return this.http.post<CommandAccepted>(`${BASE}/entries/${id}/${action}`, reason === undefined ? {} : { reason }, { headers: ifMatch(version) });
  }
  vote(id: string, useful: boolean): Observable<CommandAccepted> {
    return this.http.put<CommandAccepted>(`${BASE}/entries/${id}/vote`, { useful });
  }
  opened(id: string): Observable<CommandAccepted> {
    return this.http.post<CommandAccepted>(`${BASE}/entries/${id}/openings`, {});
  }
  suggestionOpened(askingId: string, projectId: string, entryId: string): Observable<CommandAccepted> {
    return this.http.post<CommandAccepted>(`${BASE}/asking/${askingId}/openings`, { projectId, entryId });
  }

  /**
   * The question form was left: sent with `keepalive` so that it still leaves when the page is being
   * closed (the server decides whether a question was avoided).
   */
  abandon(askingId: string): void {
    const token = readCookie(document.cookie ?? '', CSRF_COOKIE);
    void fetch(`${BASE}/asking/${askingId}/abandon`, {
      method: 'POST',
      keepalive: true,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', ...(token ? { [CSRF_HEADER]: token } : {}) },
      body: '{}',
    }).catch(() => undefined);
  }
}
