/**
 * Request and response shapes shared by the API and the web app.
 * Everything a person reads is French; codes stay in English.
 */
import type { RoleForm } from './french.js';

export type ProjectStep = 'idee' | 'etudes' | 'financement' | 'travaux' | 'termine';
export type ProjectTheme =
  | 'ecole' | 'batiment_public' | 'voirie' | 'eclairage' | 'energie' | 'eau_assainissement'
  | 'espaces_verts' | 'sport_culture' | 'mobilite' | 'numerique' | 'patrimoine' | 'autre';
export type QuestionCategory = 'prochaine_etape' | 'financement' | 'interlocuteur' | 'juridique' | 'technique' | 'autre';
export type PublicationStatus = 'none' | 'requested' | 'published' | 'withdrawn';
export type ActorRole =
  | 'commune_mayor' | 'commune_member' | 'departement_agent' | 'departement_admin' | 'partner_member' | 'auditor' | 'national_admin';

export const STEP_ORDER: ProjectStep[] = ['idee', 'etudes', 'financement', 'travaux', 'termine'];

export const STEP_LABELS: Record<ProjectStep, string> = {
  idee: 'Idée',
  etudes: 'Études',
  financement: 'Financement',
  travaux: 'Travaux',
  termine: 'Terminé',
};

export const THEME_LABELS: Record<ProjectTheme, string> = {
  ecole: 'École et petite enfance',
  batiment_public: 'Bâtiment public',
  voirie: 'Voirie',
  eclairage: 'Éclairage public',
  energie: 'Énergie et rénovation',
  eau_assainissement: 'Eau et assainissement',
  espaces_verts: 'Espaces verts et nature',
  sport_culture: 'Sport et culture',
  mobilite: 'Mobilité',
  numerique: 'Numérique',
  patrimoine: 'Patrimoine',
  autre: 'Autre',
};

export const CATEGORY_LABELS: Record<QuestionCategory, string> = {
  prochaine_etape: 'Prochaine étape',
  financement: 'Financement',
  interlocuteur: 'Interlocuteur',
  juridique: 'Juridique',
  technique: 'Technique',
  autre: 'Autre',
};

export const ROLE_LABELS: Record<ActorRole, string> = {
  commune_mayor: 'Maire',
  commune_member: 'Collaborateur de la commune',
  departement_agent: 'Agent du Département',
  departement_admin: 'Administrateur du Département',
  partner_member: 'Partenaire',
  auditor: 'Auditeur',
  national_admin: 'Administrateur national',
};

export const PUBLICATION_LABELS: Record<PublicationStatus, string> = {
  none: 'Non publié',
  requested: 'Publication demandée',
  published: 'Publié',
  withdrawn: 'Publication retirée',
};

/** A person as shown next to what they did. */
export interface ActorView {
  id: string;
  name: string;
  role: ActorRole;
  /** How the person wants their role written (« Administratrice »); absent until they choose (see `roleLabel`). */
  roleForm?: RoleForm;
}

/** Answer of every accepted command. `position` lets a query wait for the read models (read-your-writes). */
export interface CommandAccepted {
  id: string;
  /** Version of the project after the command (number of events in its stream); send it back in If-Match. */
  version: number;
  /** Global log position written; pass it as `?minPosition=` to a query to read your own write. */
  position: number;
}

import type { ContactCard, DepartementTeam, QuestionAssigneeView, QuestionStatus } from './follow-up.js';

export interface ProjectSummary {
  id: string;
  codeInsee: string;
  communeName: string;
  title: string;
  theme: ProjectTheme;
  step: ProjectStep;
  progress: number;
  estimatedCostHt: number | null;
  openQuestions: number;
  publication: PublicationStatus;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface AnswerView {
  id: string;
  text: string;
  answeredAt: string;
  answeredBy: ActorView;
  /** Ids of project documents attached to the answer. */
  documentIds: string[];
  /** The recommended contact of the directory, or null (also null when the contact was archived or erased). */
  contact: ContactCard | null;
}

export interface QuestionView {
  id: string;
  category: QuestionCategory;
  text: string;
  askedAt: string;
  askedBy: ActorView;
  answers: AnswerView[];
  status: QuestionStatus;
  /** Département team the question was routed to. */
  team: DepartementTeam;
  assignee: QuestionAssigneeView | null;
  documentIds: string[];
  /** When the first answer came, or null. */
  firstAnsweredAt: string | null;
  /** Whole minutes from the question to its first answer, or null. */
  minutesToFirstAnswer: number | null;
  /** Waiting for an answer for longer than QUESTION_OVERDUE_DAYS. */
  overdue: boolean;
  /** Since when it waits for an answer (asked or reopened), or null when it does not wait. */
  waitingSince: string | null;
  reopenings: Array<{ at: string; by: ActorView; reason: string }>;
}

export interface ProjectDetail extends ProjectSummary {
  description: string;
  questions: QuestionView[];
  /** The publication workflow (issue #5): the version being written, and the one the public reads. Null before any request. */
  publicationWork: PublicationWork | null;
  /**
   * Documents of the project, newest first. People inside the project (its commune, the
   * Département, involved partners, auditors) see them all; anyone who sees it only because it is
   * published sees the public ones.
   */
  documents: DocumentView[];
  /** The project's precise point (issue #10); null: placed on its commune as a whole. */
  location?: { longitude: number; latitude: number } | null;
}

/** One stored version of a document. */
export interface DocumentVersionView {
  version: number;
  fileName: string;
  /** Sniffed from the content when it was uploaded. */
  mediaType: string;
  /** Bytes. */
  size: number;
  sha256: string;
  addedAt: string;
  addedBy: ActorView;
}

/** A document of a project: its title, visibility and versions (the last one is the current one). */
export interface DocumentView {
  id: string;
  title: string;
  public: boolean;
  /** Number of the current version. */
  version: number;
  versions: DocumentVersionView[];
}

/** French name of each accepted document type, as the list shows it. */
export const DOCUMENT_TYPE_LABELS: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'Image PNG',
  'image/jpeg': 'Image JPEG',
  'image/webp': 'Image WebP',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Document Word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Classeur Excel',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'Présentation PowerPoint',
  'application/vnd.oasis.opendocument.text': 'Texte OpenDocument',
  'application/vnd.oasis.opendocument.spreadsheet': 'Classeur OpenDocument',
  'application/vnd.oasis.opendocument.presentation': 'Présentation OpenDocument',
};

/** Default of DOCUMENT_MAX_MB: the web app checks it before sending (the server stays the judge). */
export const DOCUMENT_MAX_MB_DEFAULT = 20;

/** `PATCH /api/projects/:id/documents/:documentId`. */
export interface ChangeDocumentVisibilityRequest {
  public: boolean;
}

/** `POST /api/projects/:id/documents/:documentId/removal`. */
export interface RemoveDocumentRequest {
  reason: string;
}

/** Answer of an upload: the command's answer and the id of the document. */
export interface DocumentAccepted extends CommandAccepted {
  documentId: string;
  /** The version stored by this upload. */
  documentVersion: number;
}

/** One line of a project's history, readable by a person. */
export interface HistoryEntry {
  position: number;
  revision: number;
  type: string;
  at: string;
  actor: ActorView;
  /** French sentence: « Étape passée de Idée à Études (20 %) ». */
  summary: string;
}

export interface CommuneView {
  codeInsee: string;
  name: string;
  population: number;
  /** Under the population threshold: has a space on the platform. */
  eligible: boolean;
  projectCount: number;
}

export interface Page<T> {
  items: T[];
  total: number;
}

/** A development persona, used until accounts exist. */
export interface Persona extends ActorView {
  communeInsee: string | null;
  communeName: string | null;
}

// Requests (validated by the API's DTOs).
export interface CreateProjectRequest {
  codeInsee: string;
  title: string;
  description?: string;
  theme: ProjectTheme;
  estimatedCostHt?: number | null;
}
export interface ChangeProjectDetailsRequest {
  title?: string;
  description?: string;
  theme?: ProjectTheme;
  estimatedCostHt?: number | null;
}
export interface ChangeStepRequest {
  step: ProjectStep;
  progress: number;
  comment?: string;
}
export interface AskQuestionRequest {
  category: QuestionCategory;
  text: string;
  /** Ids of project documents attached to the question. */
  documentIds?: string[];
}
export interface AnswerQuestionRequest {
  documentIds?: string[];
  contactId?: string | null;
  text: string;
}

/** RFC 9457 problem details, as every error is answered (`application/problem+json`). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** One entry per invalid field, with a French message. */
  errors?: Array<{ field: string; message: string }>;
}


// ——— Accounts, sessions, seats and administration (ADR 0007) ———

/** A commune seat: one mayor and three collaborators per commune. */
export type SeatKind = 'mayor' | 'collaborator';
export const COLLABORATOR_SEATS = 3;

/** The person logged in (`GET /api/me`, and the answer of a login or an accepted invitation). */
export interface Me {
  id: string;
  name: string;
  email: string;
  role: ActorRole;
  communeInsee: string | null;
  communeName: string | null;
  seat: SeatKind | null;
  organisationId: string | null;
  organisationName: string | null;
  /** How the person wants their role written; null until they choose (« Mon compte »). */
  roleForm: RoleForm | null;
  /**
   * The Département the person works with (95, 2A, 971…): a staff member's, partner member's or
   * auditor's is their account's; a commune member's, their commune's; null without a seat.
   */
  departement: string | null;
  /** Its name (« Val-d’Oise »), from the official geographic code. */
  departementName: string | null;
  /** Its name after « de », as French writes it: « du Val-d’Oise », « des Yvelines », « de l’Ain ». */
  ofDepartement: string | null;
  /** Same value as the `carnet_csrf` cookie: echo it in `X-CSRF-Token` on every state-changing request. */
  csrfToken: string;
}

export interface LoginRequest {
  email: string;
  password: string;
}

/** `GET /api/dev/demo-accounts` (development only; 404 in production). Password: the demo one. */
export interface DemoAccount {
  email: string;
  displayName: string;
  roleLabel: string;
  communeName: string | null;
}

/** `GET /api/invitations/:token`: who is invited, to what. */
export interface InvitationDetails {
  email: string;
  displayName: string;
  role: ActorRole;
  communeInsee: string | null;
  communeName: string | null;
  seat: SeatKind | null;
  organisationName: string | null;
  /** The Département the person will work with, after « de »: « du Val-d’Oise », « des Yvelines ». */
  ofDepartement: string;
  expiresAt: string;
}

export interface AcceptInvitationRequest {
  displayName: string;
  password: string;
  /** How the person wants their role written (« Collaborateur » or « Collaboratrice »). */
  roleForm?: RoleForm;
}

/** `PUT /api/me/role-form`: how the person wants their role written. */
export interface RoleFormRequest {
  roleForm: RoleForm;
}

export interface PasswordResetRequest {
  email: string;
}

export interface NewPasswordRequest {
  password: string;
}

/** « Mon compte » → « Changer de mot de passe »: the current one, then the new one. */
export interface ChangePasswordRequest {
  currentPassword: string;
  password: string;
}

/** A seat holder, as listed on « Ma commune ». */
export interface MemberView {
  userId: string;
  name: string;
  email: string;
  seat: SeatKind;
  since: string;
}

/** `GET /api/communes/:codeInsee/members`. */
export interface CommuneMembers {
  codeInsee: string;
  communeName: string;
  mayor: MemberView | null;
  collaborators: MemberView[];
  freeCollaboratorSeats: number;
}

/** `GET /api/communes/:codeInsee/invitations`: invitations not yet accepted. */
export interface PendingInvitation {
  id: string;
  email: string;
  displayName: string;
  seat: SeatKind;
  expiresAt: string;
  /** Name of the person who invited. */
  invitedBy: string;
}

export interface InviteToCommuneRequest {
  email: string;
  displayName: string;
  seat: SeatKind;
}

export interface ReleaseSeatRequest {
  reason?: string;
}

export interface MayorTransferRequest {
  toUserId: string;
}

/** `GET /api/admin/communes`: one line per commune of the Département. */
export interface AdminCommuneRow {
  codeInsee: string;
  name: string;
  population: number;
  eligible: boolean;
  mayor: { userId: string; name: string } | null;
  collaborators: number;
  pendingInvitations: number;
}

export type OrganisationKind = 'caue' | 'energie' | 'etat' | 'region' | 'autre';

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  caue: 'CAUE',
  energie: 'Agence de l’énergie',
  etat: 'Services de l’État',
  region: 'Région',
  autre: 'Autre',
};

export interface OrganisationView {
  id: string;
  name: string;
  kind: OrganisationKind;
}

export interface CreateOrganisationRequest {
  name: string;
  kind: OrganisationKind;
}

/** Accounts the Département administers itself (commune accounts come with seats). */
export type AdminAccountKind = 'departement_agent' | 'departement_admin' | 'auditor' | 'partner_member';

/** The kinds the accounts list filters on: the invitable ones, and the commune members (seated through « Communes »). */
export type AccountListKind = AdminAccountKind | 'commune' | 'national_admin';

export interface AdminAccountRow {
  id: string;
  displayName: string;
  email: string;
  kind: AccountListKind;
  organisationId: string | null;
  /** For commune accounts: the seat held now, or null (released, replaced, never seated). */
  commune: { codeInsee: string; name: string; seat: 'mayor' | 'collaborator' } | null;
  status: string;
  /** How the person wants their role written (« Administratrice »…), or null when they have not chosen. */
  roleForm: RoleForm | null;
  /** A Département agent's or administrator's teams (the questions routed to them); empty: every team's. */
  teams: DepartementTeam[];
  /** The Département the person works with (issue #17). */
  departement: string;
  departementName: string;
}

export interface AdminInvitationRequest {
  email: string;
  displayName: string;
  kind: AdminAccountKind;
  organisationId?: string;
  /** A national administrator says for which Département served (required for them); an administrator's own otherwise. */
  departement?: string;
}

/** `GET /api/admin/departements` (national administrator): each Département served and where it stands. */
export interface DepartementOverview {
  code: string;
  name: string;
  /** « du Val-d’Oise », « des Yvelines ». */
  ofDepartement: string;
  communes: number;
  /** Communes under the Département's population threshold: those with a space. */
  eligibleCommunes: number;
  eligibilityThreshold: number;
  /** Active accounts of its staff (agents and administrators), auditors and partner members. */
  administrators: number;
  agents: number;
  auditors: number;
  partners: number;
  /** Staff, auditor and partner invitations not yet accepted. */
  pendingInvitations: number;
  projects: number;
  publishedProjects: number;
}

/** `GET /api/admin/invitations`: invitations of Département staff, auditors and partner members not yet accepted. */
export interface PendingStaffInvitation {
  id: string;
  email: string;
  displayName: string;
  kind: AdminAccountKind;
  /** French name of the kind, as ROLE_LABELS says it. */
  kindLabel: string;
  /** Partner members only. */
  organisationId: string | null;
  organisationName: string | null;
  /** The Département the invited person will work with (issue #17). */
  departement: string;
  departementName: string;
  createdAt: string;
  expiresAt: string;
  /** Name of the person who invited. */
  invitedBy: string;
}

// ——— Audit: replayable, tamper-evident project history (ADR 0009); event labels in event-labels.ts ———

/** One field that changed: « Titre : « A » → « B » ». */
export interface AuditChange {
  field: string;
  /** French name of the field. */
  label: string;
  /** French, readable values (« 185 000 € », « Études »…); « — » when absent. */
  before: string;
  after: string;
}

/** One event of a project's stream, as an auditor reads it (from the event log itself). */
export interface AuditHistoryEntry {
  position: number;
  revision: number;
  type: string;
  typeLabel: string;
  /** When the event was recorded (ISO-8601). */
  at: string;
  /** Name looked up now; role as it was when the event was recorded. */
  actor: ActorView;
  /** Comment or reason given with the change, when there is one. */
  why: string | null;
  /** French sentence summing the event up. */
  summary: string;
  /** What changed, computed by replaying the events before this one. */
  changes: AuditChange[];
  /** Tamper-evidence chain, when the log records it. */
  hash: string | null;
  previousHash: string | null;
  /** Id of the HTTP request that appended the event (X-Request-Id, in the server's access log), when recorded (ADR 0022). */
  requestId?: string | null;
}

export interface AuditProjectRef {
  id: string;
  title: string;
  codeInsee: string;
  communeName: string;
}

/** `GET /api/audit/projects/:id/history`. */
export interface AuditHistory {
  project: AuditProjectRef;
  /** Events in the stream before filtering. */
  totalEvents: number;
  entries: AuditHistoryEntry[];
}

/** A project as the app shows it, plus its partner organisations (by name). */
export interface AuditProjectView extends ProjectDetail {
  partners: Array<{ id: string; name: string }>;
}

/** `GET /api/audit/projects/:id/as-of?at=`: the project rebuilt from the events recorded at or before `at`. */
export interface ProjectAsOf {
  at: string;
  eventsApplied: number;
  lastPosition: number;
  project: AuditProjectView;
}

/** `GET /api/audit/projects/:id/compare?from=&to=`. */
export interface ProjectComparison {
  /** Null when the project did not exist yet at `fromAt`. */
  from: ProjectAsOf | null;
  fromAt: string;
  to: ProjectAsOf;
  differences: AuditChange[];
}

/** The first event whose stored hash does not match its content or its predecessor. */
export interface AuditMismatch {
  position: number;
  streamId: string;
  revision: number;
  type: string;
  /** Why it does not match, in French. */
  reason: string | null;
}

/** `GET /api/audit/verify`: the verdict of the log verifier, with a French summary. */
export interface LogVerification {
  ok: boolean;
  eventsChecked: number;
  firstMismatch: AuditMismatch | null;
  checkedAt: string;
  /** « Journal intègre : 42 événements vérifiés » or the altered event named. */
  summary: string;
}

/** The last audit anchor of the log and how old it is (ADR 0020): what an auditor exports and keeps. */
export interface AnchorStatus {
  /** null while no anchor was ever recorded. */
  latest: {
    /** Every event at or before this position is sealed by the anchor. */
    position: number;
    streams: number;
    headsHash: string;
    /** Position of the AnchorRecorded event itself. */
    eventPosition: number;
    recordedAt: string;
    ageSeconds: number;
    /** Events appended after the anchor, not sealed yet. */
    eventsSince: number;
  } | null;
  headPosition: number;
  /** When the server records one: at start-up, every N events, every M minutes (0: not by that trigger). */
  policy: { atStartup: boolean; everyEvents: number; everyMinutes: number };
  /** « Dernière ancre il y a 3 minutes : elle scelle les 1 234 premiers événements… » */
  summary: string;
}

/** One seat event of a commune: who took or left which seat, when. */
export interface CommuneSeatHistoryEntry {
  position: number;
  at: string;
  type: string;
  typeLabel: string;
  /** The person whose seat it is (for a transfer, the new mayor). */
  person: { id: string; name: string };
  seat: SeatKind;
  /** Who did it, role at the time. */
  actor: ActorView;
  why: string | null;
  summary: string;
}

/** `GET /api/audit/communes/:codeInsee/history`. */
export interface CommuneSeatHistory {
  codeInsee: string;
  communeName: string;
  entries: CommuneSeatHistoryEntry[];
}

/** `GET /api/audit/projects/:id/export.json`. */
export interface AuditExport {
  generatedAt: string;
  project: AuditProjectRef;
  history: AuditHistoryEntry[];
  verification: LogVerification;
}
export * from './notifications.js';

export * from './search.js';
export * from './dashboards.js';

export * from './follow-up.js';
export * from './legal.js';
export * from './event-labels.js';
export * from './french.js';
export * from './waiting.js';
export * from './map.js';
export * from './faq.js';
export * from './financing.js';

// ——— Publication on the mayor's approval (issue #5) ———

export interface PublicFundingView {
  source: string;
  amountHt: number;
}

/** What the public reads of a published project: covered entirely by the mayor's approval. */
export interface PublicContentView {
  title: string;
  summary: string;
  finalCostHt: number | null;
  funding: PublicFundingView[];
  lessonsLearned: string;
  documents: Array<{ documentId: string; version: number }>;
  /** The project's point frozen into this version (issue #10); null or absent: the commune as a whole. */
  location?: { longitude: number; latitude: number } | null;
}

/** One version of the public content. */
export interface PublicationVersionView {
  version: number;
  content: PublicContentView;
  /** sha256_hex(canonicalJson({ projectId, version, content })): what the mayor approves. */
  fingerprint: string;
  writtenAt: string;
  writtenBy: ActorView;
  /** Why it was revised (null for the request). */
  reason: string | null;
}

export interface PublicationWork {
  /** The latest version written: the one the mayor may approve. */
  latest: PublicationVersionView;
  /** The version the public reads (null when nothing is public). */
  approved: { version: number; fingerprint: string | null; approvedAt: string; approvedBy: ActorView } | null;
  /** The latest version awaits the mayor's approval. */
  awaitingApproval: boolean;
  /** When the publication was withdrawn, and why (null otherwise). */
  withdrawn: { at: string; by: ActorView; reason: string } | null;
}

/** The public content as the commune or the Département writes it (documents by id: public documents of the project). */
export interface PublicContentRequest {
  title: string;
  summary: string;
  finalCostHt?: number | null;
  funding?: PublicFundingView[];
  lessonsLearned?: string;
  documentIds?: string[];
}

export interface RevisePublicationRequest extends PublicContentRequest {
  reason: string;
}

/** The mayor approves exactly the version read: its number and its fingerprint. */
export interface ApprovePublicationRequest {
  version: number;
  fingerprint: string;
}

export interface WithdrawPublicationRequest {
  reason: string;
}
export * from './project-sections.js';
