import { HttpClient, HttpHeaders, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ChangeDocumentVisibilityRequest,
  ChangePasswordRequest,
  DepartementTeam,
  DocumentAccepted,
  RemoveDocumentRequest,
  AcceptInvitationRequest,
  AccountListKind,
  AdminAccountRow,
  AdminCommuneRow,
  AdminInvitationRequest,
  AnswerQuestionRequest,
  CommuneMembers,
  CreateOrganisationRequest,
  DemoAccount,
  DepartementOverview,
  InvitationDetails,
  InviteToCommuneRequest,
  LoginRequest,
  Me,
  OrganisationView,
  PendingInvitation,
  PendingStaffInvitation,
  AskQuestionRequest,
  ChangeProjectDetailsRequest,
  ChangeStepRequest,
  CommandAccepted,
  CommuneView,
  CreateProjectRequest,
  HistoryEntry,
  Page,
  ProjectDetail,
  ProjectStep,
  ProjectSummary,
  PublicContentRequest,
  RevisePublicationRequest,
  ApprovePublicationRequest,
  WithdrawPublicationRequest,
  CommuneDashboard,
  DepartementDashboard,
  SearchResults,
  SearchResultType,
  AddNoteRequest,
  AssigneeOption,
  AssignQuestionRequest,
  ContactRequest,
  ContactView,
  MessageView,
  NoteView,
  PostMessageRequest,
  ProjectTheme,
  ReopenQuestionRequest,
  WaitingQueue,
  SiteInfo,
} from '@carnet/contracts';
import { Observable, map } from 'rxjs';

export interface ProjectFilters {
  commune?: string;
  step?: ProjectStep | '';
  q?: string;
}

/** What every command on an existing project needs: the version the user saw and the submission's key. */
export interface CommandContext {
  version: number;
  idempotencyKey: string;
}

export interface LoadedProject {
  detail: ProjectDetail;
  /** Version read from the ETag header (falls back to the body's version). */
  version: number;
}

/** Parses `ETag: "12"` (or `W/"12"`) into 12. */
export function versionFromEtag(etag: string | null): number | null {
  const match = etag?.match(/"(\d+)"/);
  return match ? Number(match[1]) : null;
}

/** The only place that knows the API's URLs. */
@Injectable({ providedIn: 'root' })
export class Api {
  private readonly http = inject(HttpClient);

  // ——— Search and dashboards ———

  search(q: string, filters: { type?: SearchResultType | ''; commune?: string; offset?: number } = {}): Observable<SearchResults> {
    let params = new HttpParams().set('q', q);
    if (filters.type) params = params.set('type', filters.type);
    if (filters.commune) params = params.set('commune', filters.commune);
    if (filters.offset) params = params.set('offset', String(filters.offset));
    return this.http.get<SearchResults>('/api/search', { params });
  }

  communeDashboard(codeInsee: string): Observable<CommuneDashboard> {
    return this.http.get<CommuneDashboard>(`/api/dashboards/commune/${encodeURIComponent(codeInsee)}`);
  }

  departementDashboard(): Observable<DepartementDashboard> {
    return this.http.get<DepartementDashboard>('/api/dashboards/departement');
  }

  // ——— Session and accounts ———

  me(): Observable<Me> {
    return this.http.get<Me>('/api/me');
  }

  login(body: LoginRequest): Observable<Me> {
    return this.http.post<Me>('/api/auth/login', body);
  }

  logout(): Observable<void> {
    return this.http.post<void>('/api/auth/logout', null);
  }

  logoutEverywhere(): Observable<void> {
    return this.http.post<void>('/api/auth/logout-everywhere', null);
  }

  /** Development only (404 in production). */
  demoAccounts(): Observable<DemoAccount[]> {
    return this.http.get<DemoAccount[]>('/api/dev/demo-accounts');
  }

  /** The Département's contact address and the host, for the legal pages (no login). */
  siteInfo(): Observable<SiteInfo> {
    return this.http.get<SiteInfo>('/api/site-info');
  }

  invitation(token: string): Observable<InvitationDetails> {
    return this.http.get<InvitationDetails>(`/api/invitations/${encodeURIComponent(token)}`);
  }

  acceptInvitation(token: string, body: AcceptInvitationRequest): Observable<Me> {
    return this.http.post<Me>(`/api/invitations/${encodeURIComponent(token)}/accept`, body);
  }

  requestPasswordReset(email: string): Observable<void> {
    return this.http.post<void>('/api/auth/password-reset', { email });
  }

  /** « Mon compte »: answers Me with the new session's CSRF token (the other sessions end). */
  changePassword(body: ChangePasswordRequest): Observable<Me> {
    return this.http.post<Me>('/api/me/password', body);
  }

  resetPassword(token: string, password: string): Observable<void> {
    return this.http.post<void>(`/api/auth/password-reset/${encodeURIComponent(token)}`, { password });
  }

  // ——— A commune's seats ———

  members(codeInsee: string): Observable<CommuneMembers> {
    return this.http.get<CommuneMembers>(`${this.communeUrl(codeInsee)}/members`);
  }

  communeInvitations(codeInsee: string): Observable<PendingInvitation[]> {
    return this.http.get<PendingInvitation[]>(`${this.communeUrl(codeInsee)}/invitations`);
  }

  inviteToCommune(codeInsee: string, body: InviteToCommuneRequest): Observable<unknown> {
    return this.http.post(`${this.communeUrl(codeInsee)}/invitations`, body);
  }

  cancelInvitation(codeInsee: string, invitationId: string): Observable<void> {
    return this.http.delete<void>(`${this.communeUrl(codeInsee)}/invitations/${encodeURIComponent(invitationId)}`);
  }

  releaseSeat(codeInsee: string, userId: string, reason?: string): Observable<CommandAccepted> {
    return this.http.post<CommandAccepted>(
      `${this.communeUrl(codeInsee)}/seats/${encodeURIComponent(userId)}/release`,
      reason ? { reason } : {},
    );
  }

  transferMayor(codeInsee: string, toUserId: string): Observable<CommandAccepted> {
    return this.http.post<CommandAccepted>(`${this.communeUrl(codeInsee)}/mayor-transfer`, { toUserId });
  }

  // ——— Administration ———

  adminCommunes(): Observable<AdminCommuneRow[]> {
    return this.http.get<AdminCommuneRow[]>('/api/admin/communes');
  }

  /** The Départements served and where each stands (national administrator, issue #17). */
  departements(): Observable<DepartementOverview[]> {
    return this.http.get<DepartementOverview[]>('/api/admin/departements');
  }

  organisations(): Observable<OrganisationView[]> {
    return this.http.get<OrganisationView[]>('/api/admin/organisations');
  }

  createOrganisation(body: CreateOrganisationRequest): Observable<OrganisationView> {
    return this.http.post<OrganisationView>('/api/admin/organisations', body);
  }

  accounts(kind?: AccountListKind | ''): Observable<AdminAccountRow[]> {
    return this.http.get<AdminAccountRow[]>('/api/admin/accounts', { params: kind ? { kind } : {} });
  }

  inviteAccount(body: AdminInvitationRequest): Observable<unknown> {
    return this.http.post('/api/admin/invitations', body);
  }

  /** Invitations of staff, auditors and partner members not accepted yet (administrators only). */
  staffInvitations(): Observable<PendingStaffInvitation[]> {
    return this.http.get<PendingStaffInvitation[]>('/api/admin/invitations');
  }

  /** Takes an invitation back: its link stops working. */
  revokeStaffInvitation(id: string): Observable<void> {
    return this.http.delete<void>(`/api/admin/invitations/${encodeURIComponent(id)}`);
  }

  /** GDPR erasure: the person's name, e-mail and password are removed for good; the history keeps « Personne effacée ». */
  eraseAccount(id: string): Observable<void> {
    return this.http.post<void>(`/api/admin/accounts/${encodeURIComponent(id)}/erase`, null);
  }

  /** An agent's teams (the questions routed to them); an empty list: every team's. */
  setTeams(id: string, teams: DepartementTeam[]): Observable<void> {
    return this.http.put<void>(`/api/admin/accounts/${encodeURIComponent(id)}/teams`, { teams });
  }

  disableAccount(id: string): Observable<void> {
    return this.http.post<void>(`/api/admin/accounts/${encodeURIComponent(id)}/disable`, null);
  }

  // ——— Projects ———

  /** Communes that have at least one project (for the list filter). */
  communes(): Observable<CommuneView[]> {
    return this.http.get<CommuneView[]>('/api/communes', { params: { withProjects: 'true' } });
  }

  /** Every commune of the Département (for choosing where to create a project). */
  allCommunes(): Observable<CommuneView[]> {
    return this.http.get<CommuneView[]>('/api/communes');
  }

  projects(filters: ProjectFilters): Observable<Page<ProjectSummary>> {
    let params = new HttpParams();
    if (filters.commune) params = params.set('commune', filters.commune);
    if (filters.step) params = params.set('step', filters.step);
    if (filters.q?.trim()) params = params.set('q', filters.q.trim());
    return this.http.get<Page<ProjectSummary>>('/api/projects', { params });
  }

  project(id: string, minPosition?: number | null): Observable<LoadedProject> {
    let params = new HttpParams();
    if (minPosition) params = params.set('minPosition', String(minPosition));
    return this.http
      .get<ProjectDetail>(`/api/projects/${encodeURIComponent(id)}`, { params, observe: 'response' })
      .pipe(
        map((response) => {
          const detail = response.body as ProjectDetail;
          return { detail, version: versionFromEtag(response.headers.get('ETag')) ?? detail.version };
        }),
      );
  }

  history(id: string): Observable<HistoryEntry[]> {
    return this.http.get<HistoryEntry[]>(`/api/projects/${encodeURIComponent(id)}/history`);
  }

  createProject(body: CreateProjectRequest, idempotencyKey: string): Observable<CommandAccepted> {
    return this.http.post<CommandAccepted>('/api/projects', body, {
      headers: new HttpHeaders({ 'Idempotency-Key': idempotencyKey }),
    });
  }

  changeDetails(id: string, body: ChangeProjectDetailsRequest, ctx: CommandContext): Observable<CommandAccepted> {
    return this.http.patch<CommandAccepted>(this.projectUrl(id), body, { headers: commandHeaders(ctx) });
  }

  changeStep(id: string, body: ChangeStepRequest, ctx: CommandContext): Observable<CommandAccepted> {
    return this.http.post<CommandAccepted>(`${this.projectUrl(id)}/step`, body, { headers: commandHeaders(ctx) });
  }

  askQuestion(id: string, body: AskQuestionRequest, ctx: CommandContext): Observable<CommandAccepted> {
    return this.http.post<CommandAccepted>(`${this.projectUrl(id)}/questions`, body, { headers: commandHeaders(ctx) });
  }

  answerQuestion(id: string, questionId: string, body: AnswerQuestionRequest, ctx: CommandContext): Observable<CommandAccepted> {
    return this.http.post<CommandAccepted>(
      `${this.projectUrl(id)}/questions/${encodeURIComponent(questionId)}/answers`,
      body,
      { headers: commandHeaders(ctx) },
    );
  }

  takeQuestionInCharge(id: string, questionId: string, ctx: CommandContext): Observable<CommandAccepted> {
    return this.http.post<CommandAccepted>(`${this.questionUrl(id, questionId)}/take-in-charge`, null, { headers: commandHeaders(ctx) });
  }

  assignQuestion(id: string, questionId: string, body: AssignQuestionRequest, ctx: CommandContext): Observable<CommandAccepted> {
    return this.http.post<CommandAccepted>(`${this.questionUrl(id, questionId)}/assignment`, body, { headers: commandHeaders(ctx) });
  }

  closeQuestion(id: string, questionId: string, ctx: CommandContext): Observable<CommandAccepted> {
    return this.http.post<CommandAccepted>(`${this.questionUrl(id, questionId)}/close`, null, { headers: commandHeaders(ctx) });
  }

  reopenQuestion(id: string, questionId: string, body: ReopenQuestionRequest, ctx: CommandContext): Observable<CommandAccepted> {
    return this.http.post<CommandAccepted>(`${this.questionUrl(id, questionId)}/reopen`, body, { headers: commandHeaders(ctx) });
  }

  assignees(id: string): Observable<AssigneeOption[]> {
    return this.http.get<AssigneeOption[]>(`${this.projectUrl(id)}/assignees`);
  }

  messages(id: string, minPosition?: number | null): Observable<MessageView[]> {
    return this.http.get<MessageView[]>(`${this.projectUrl(id)}/messages`, { params: minPosition ? { minPosition } : {} });
  }

  postMessage(id: string, body: PostMessageRequest, ctx: CommandContext): Observable<CommandAccepted> {
    return this.http.post<CommandAccepted>(`${this.projectUrl(id)}/messages`, body, { headers: commandHeaders(ctx) });
  }

  notes(id: string, minPosition?: number | null): Observable<NoteView[]> {
    return this.http.get<NoteView[]>(`${this.projectUrl(id)}/notes`, { params: minPosition ? { minPosition } : {} });
  }

  addNote(id: string, body: AddNoteRequest, ctx: CommandContext): Observable<CommandAccepted> {
    return this.http.post<CommandAccepted>(`${this.projectUrl(id)}/notes`, body, { headers: commandHeaders(ctx) });
  }

  waiting(): Observable<WaitingQueue> {
    return this.http.get<WaitingQueue>('/api/questions/waiting');
  }

  contacts(filter: { q?: string; theme?: ProjectTheme | ''; commune?: string; archived?: boolean } = {}): Observable<ContactView[]> {
    let params = new HttpParams();
    if (filter.q?.trim()) params = params.set('q', filter.q.trim());
    if (filter.theme) params = params.set('theme', filter.theme);
    if (filter.commune) params = params.set('commune', filter.commune);
    if (filter.archived) params = params.set('archived', 'true');
    return this.http.get<ContactView[]>('/api/contacts', { params });
  }

  createContact(body: ContactRequest): Observable<ContactView> {
    return this.http.post<ContactView>('/api/contacts', body);
  }

  updateContact(id: string, body: ContactRequest): Observable<ContactView> {
    return this.http.patch<ContactView>(`/api/contacts/${encodeURIComponent(id)}`, body);
  }

  archiveContact(id: string, archived: boolean): Observable<ContactView> {
    return this.http.post<ContactView>(`/api/contacts/${encodeURIComponent(id)}/archive`, { archived });
  }

  private questionUrl(id: string, questionId: string): string {
    return `${this.projectUrl(id)}/questions/${encodeURIComponent(questionId)}`;
  }

  requestPublication(id: string, body: PublicContentRequest, ctx: CommandContext): Observable<CommandAccepted> {
    return this.http.post<CommandAccepted>(`${this.projectUrl(id)}/publication-request`, body, { headers: commandHeaders(ctx) });
  }

  revisePublication(id: string, body: RevisePublicationRequest, ctx: CommandContext): Observable<CommandAccepted> {
    return this.http.post<CommandAccepted>(`${this.projectUrl(id)}/publication-revision`, body, { headers: commandHeaders(ctx) });
  }

  /** The mayor approves exactly the version shown: its number and fingerprint. */
  approvePublication(id: string, body: ApprovePublicationRequest, ctx: CommandContext): Observable<CommandAccepted> {
    return this.http.post<CommandAccepted>(`${this.projectUrl(id)}/publication`, body, { headers: commandHeaders(ctx) });
  }

  withdrawPublication(id: string, body: WithdrawPublicationRequest, ctx: CommandContext): Observable<CommandAccepted> {
    return this.http.post<CommandAccepted>(`${this.projectUrl(id)}/publication-withdrawal`, body, { headers: commandHeaders(ctx) });
  }

  /** Multipart upload of a new document: `file`, `title`, `public`. */
  addDocument(id: string, form: FormData, ctx: CommandContext): Observable<DocumentAccepted> {
    return this.http.post<DocumentAccepted>(`${this.projectUrl(id)}/documents`, form, { headers: commandHeaders(ctx) });
  }

  addDocumentVersion(id: string, documentId: string, form: FormData, ctx: CommandContext): Observable<DocumentAccepted> {
    return this.http.post<DocumentAccepted>(`${this.documentUrl(id, documentId)}/versions`, form, { headers: commandHeaders(ctx) });
  }

  changeDocumentVisibility(id: string, documentId: string, body: ChangeDocumentVisibilityRequest, ctx: CommandContext): Observable<CommandAccepted> {
    return this.http.patch<CommandAccepted>(this.documentUrl(id, documentId), body, { headers: commandHeaders(ctx) });
  }

  /** Removes a document from the project, with the reason the history will show. */
  removeDocument(id: string, documentId: string, body: RemoveDocumentRequest, ctx: CommandContext): Observable<CommandAccepted> {
    return this.http.post<CommandAccepted>(`${this.documentUrl(id, documentId)}/removal`, body, { headers: commandHeaders(ctx) });
  }

  /** Where the browser downloads a document (the current version, or `version`). */
  documentUrl(id: string, documentId: string, version?: number): string {
    return `${this.projectUrl(id)}/documents/${encodeURIComponent(documentId)}${version ? `/versions/${version}` : ''}`;
  }

  private communeUrl(codeInsee: string): string {
    return `/api/communes/${encodeURIComponent(codeInsee)}`;
  }

  private projectUrl(id: string): string {
    return `/api/projects/${encodeURIComponent(id)}`;
  }
}

function commandHeaders(ctx: CommandContext): HttpHeaders {
  return new HttpHeaders({ 'If-Match': `"${ctx.version}"`, 'Idempotency-Key': ctx.idempotencyKey });
}
