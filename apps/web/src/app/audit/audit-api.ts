import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AnchorStatus,
  AuditHistory,
  CommuneSeatHistory,
  CommuneView,
  LogVerification,
  ProjectAsOf,
  ProjectComparison,
  ProjectSummary,
} from '@carnet/contracts';
import type { Observable } from 'rxjs';

export interface HistoryFilters {
  type?: string;
  actor?: string;
  /** ISO date-times. */
  from?: string;
  to?: string;
}

/** The audit area's URLs (`/api/audit`, ADR 0009). */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  communes(): Observable<CommuneView[]> {
    return this.http.get<CommuneView[]>('/api/communes', { params: { withProjects: 'true' } });
  }

  projects(commune: string, q: string): Observable<ProjectSummary[]> {
    let params = new HttpParams();
    if (commune) params = params.set('commune', commune);
    if (q.trim()) params = params.set('q', q.trim());
    return this.http.get<ProjectSummary[]>('/api/audit/projects', { params });
  }

  communeHistory(codeInsee: string): Observable<CommuneSeatHistory> {
    return this.http.get<CommuneSeatHistory>(`/api/audit/communes/${encodeURIComponent(codeInsee)}/history`);
  }

  history(id: string, filters: HistoryFilters = {}): Observable<AuditHistory> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(filters)) if (value) params = params.set(key, value);
    return this.http.get<AuditHistory>(`${this.projectUrl(id)}/history`, { params });
  }

  asOf(id: string, at: string): Observable<ProjectAsOf> {
    return this.http.get<ProjectAsOf>(`${this.projectUrl(id)}/as-of`, { params: { at } });
  }

  compare(id: string, from: string, to: string): Observable<ProjectComparison> {
    return this.http.get<ProjectComparison>(`${this.projectUrl(id)}/compare`, { params: { from, to } });
  }

  verify(): Observable<LogVerification> {
    return this.http.get<LogVerification>('/api/audit/verify');
  }

  latestAnchor(): Observable<AnchorStatus> {
    return this.http.get<AnchorStatus>('/api/audit/anchors/latest');
  }

  exportJsonUrl(id: string): string {
    return `${this.projectUrl(id)}/export.json`;
  }

  exportHtmlUrl(id: string): string {
    return `${this.projectUrl(id)}/export.html`;
  }

  private projectUrl(id: string): string {
    return `/api/audit/projects/${encodeURIComponent(id)}`;
  }
}

/** Who sees « Audit »: auditors and the Département's administrators (the API is the judge). */
export const canAudit = (role: string | null | undefined): boolean => role === 'auditor' || role === 'departement_admin';

/** `<input type="datetime-local">` value (local time) → ISO instant; '' when empty or invalid. */
export function localToIso(value: string): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

/** ISO instant → `<input type="datetime-local">` value, in local time, to the minute. */
export function isoToLocal(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
