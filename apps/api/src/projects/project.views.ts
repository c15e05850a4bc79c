import {
  CATEGORY_LABELS,
  DOCUMENT_TYPE_LABELS,
  QUESTION_STATUS_LABELS,
  STEP_LABELS,
  TEAM_LABELS,
  THEME_LABELS,
  de,
  eventTypeLabel,
  shortFingerprint,
  type ContactCard,
  type DepartementTeam,
  type DocumentView,
  type HistoryEntry,
  type ProjectDetail,
  type ProjectSummary,
  type PublicationWork,
  type QuestionView,
} from '@carnet/contracts';
import type { ProjectStep, ProjectTheme, QuestionCategory } from '@carnet/domain';
import type { StoredDoc } from '@carnet/read-store';
import type { ActorView } from '@carnet/contracts';
import { describeFinancingEvent } from '../financing/financing-history.js';

/** Gives the view of a person from their id and role at the time (see PeopleDirectory). */
export type Viewer = (id: string, role: string) => ActorView;
import type { RecordedEvent } from '@carnet/event-store';
import { isWaiting, type DocumentDoc, type ProjectDoc, type PublicationWorkDoc, type QuestionDoc } from './projections/project.projection.js';

/** What a question's view needs besides the read model: names, contacts and the time it is. */
export interface QuestionViewContext {
  now: Date;
  overdueDays: number;
  contact: (id: string) => ContactCard | null;
  organisationName: (id: string) => string;
}

const DAY_MS = 86_400_000;

/** A question waiting for its answer for longer than `overdueDays` days (« en retard »). */
export const isOverdue = (q: Pick<QuestionDoc, 'status' | 'waitingSince'>, now: Date, overdueDays: number): boolean =>
  isWaiting(q.status) && !!q.waitingSince && now.getTime() - Date.parse(q.waitingSince) > overdueDays * DAY_MS;

export function toQuestionView(q: QuestionDoc, actorView: Viewer, context: QuestionViewContext): QuestionView {
  return {
    id: q.id,
    category: q.category,
    text: q.text,
    askedAt: q.askedAt,
    askedBy: actorView(q.askedById, q.askedByRole),
    answers: q.answers.map((a) => ({
      id: a.id,
      text: a.text,
      answeredAt: a.answeredAt,
      answeredBy: actorView(a.answeredById, a.answeredByRole),
      documentIds: a.documentIds ?? [],
      contact: a.contactId ? context.contact(a.contactId) : null,
    })),
    status: q.status,
    team: q.team,
    assignee: q.assignee
      ? {
          person: actorView(q.assignee.accountId, q.assignee.kind === 'partner' ? 'partner_member' : 'departement_agent'),
          kind: q.assignee.kind,
          organisationId: q.assignee.organisationId,
          organisationName: q.assignee.organisationId ? context.organisationName(q.assignee.organisationId) : null,
        }
      : null,
    documentIds: q.documentIds ?? [],
    firstAnsweredAt: q.firstAnsweredAt,
    minutesToFirstAnswer: q.firstAnsweredAt ? Math.round((Date.parse(q.firstAnsweredAt) - Date.parse(q.askedAt)) / 60_000) : null,
    overdue: isOverdue(q, context.now, context.overdueDays),
    waitingSince: q.waitingSince,
    // `?? []`: a read model built before issue #4 until `npm run projections:rebuild` has run.
    reopenings: (q.reopenings ?? []).map((r) => ({ at: r.at, by: actorView(r.byId, r.byRole), reason: r.reason })),
  };
}

/** Read model → API shapes. Names of communes and people are looked up here, at read time. */
export function toSummary(doc: ProjectDoc & StoredDoc, communeName: string): ProjectSummary {
  return {
    id: doc.id,
    codeInsee: doc.codeInsee,
    communeName,
    title: doc.title,
    theme: doc.theme,
    step: doc.step,
    progress: doc.progress,
    estimatedCostHt: doc.estimatedCostHt,
    openQuestions: doc.openQuestions,
    publication: doc.publication,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    version: doc.version,
  };
}

/** Ids of the people a project page names. */
export const peopleOf = (doc: ProjectDoc): string[] => [
  ...doc.questions.flatMap((q) => [
    q.askedById,
    ...q.answers.map((a) => a.answeredById),
    ...(q.assignee ? [q.assignee.accountId] : []),
    ...(q.reopenings ?? []).map((r) => r.byId),
  ]),
  ...(doc.documents ?? []).flatMap((d) => d.versions.map((v) => v.addedById)),
];

/** Ids of the contacts recommended by the answers of a project. */
export const contactsOf = (doc: ProjectDoc): string[] => doc.questions.flatMap((q) => q.answers.flatMap((a) => (a.contactId ? [a.contactId] : [])));
/** A document as the API shows it: no blob key (where the bytes live is the server's business). */
export function toDocumentView(d: DocumentDoc, actorView: Viewer): DocumentView {
  return {
    id: d.id,
    title: d.title,
    public: d.public,
    version: d.versions[d.versions.length - 1]?.version ?? 1,
    versions: d.versions.map((v) => ({
      version: v.version,
      fileName: v.fileName,
      mediaType: v.mediaType,
      size: v.size,
      sha256: v.sha256,
      addedAt: v.addedAt,
      addedBy: actorView(v.addedById, v.addedByRole),
    })),
  };
}

/**
 * The project page. `allDocuments`: the person is inside the project (see `canSeeAllDocuments`);
 * otherwise only public documents are listed.
 */
export function toDetail(doc: ProjectDoc & StoredDoc, communeName: string, actorView: Viewer, context: QuestionViewContext, allDocuments = true): ProjectDetail {
  const documents = (doc.documents ?? []).filter((d) => allDocuments || d.public);
  return {
    ...toSummary(doc, communeName),
    description: doc.description,
    publicationWork: toPublicationWork(doc.publicationWork ?? null, actorView),
    questions: doc.questions.map((q) => toQuestionView(q, actorView, context)),
    documents: documents.map((d) => toDocumentView(d, actorView)).reverse(),
    location: doc.location ?? null,
  };
}

/** The publication workflow as the project page shows it (issue #5). */
export function toPublicationWork(work: PublicationWorkDoc | null, actorView: Viewer): PublicationWork | null {
  if (!work) return null;
  const { latest, approved, withdrawn } = work;
  return {
    latest: {
      version: latest.version,
      content: latest.content,
      fingerprint: latest.fingerprint,
      writtenAt: latest.writtenAt,
      writtenBy: actorView(latest.writtenById, latest.writtenByRole),
      reason: latest.reason,
    },
    approved: approved && {
      version: approved.version,
      fingerprint: approved.fingerprint,
      approvedAt: approved.approvedAt,
      approvedBy: actorView(approved.approvedById, approved.approvedByRole),
    },
    awaitingApproval: !withdrawn && (!approved || approved.version !== latest.version),
    withdrawn: withdrawn && { at: withdrawn.at, by: actorView(withdrawn.byId, withdrawn.byRole), reason: withdrawn.reason },
  };
}

/** Names for the ids an event carries (people, organisations, documents), looked up at read time. */
export interface EventNames {
  person: (id: string) => string;
  organisation: (id: string) => string;
  /** The title a document was added with (null when unknown): later document events carry only its id. */
  document?: (id: string) => string | null;
}
const NO_NAMES: EventNames = { person: () => 'une personne', organisation: () => 'une organisation partenaire' };

/** Document titles as the project's stream gives them (`DocumentAdded`), to name a document in later events. */
export function documentTitles(events: readonly RecordedEvent[]): (id: string) => string | null {
  const titles = new Map<string, string>();
  for (const e of events) {
    const data = e.data as { documentId?: unknown; title?: unknown };
    if (e.type === 'DocumentAdded' && typeof data.documentId === 'string' && typeof data.title === 'string') titles.set(data.documentId, data.title);
  }
  return (id) => titles.get(id) ?? null;
}
const assigneeId = (data: Record<string, unknown>): string => String((data.assignee as { accountId?: string } | undefined)?.accountId ?? '');
const assigneeOrganisation = (data: Record<string, unknown>, names: EventNames): string => {
  const organisationId = (data.assignee as { organisationId?: string | null } | undefined)?.organisationId;
  return organisationId ? ` (${names.organisation(organisationId)})` : '';
};

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const clip = (text: unknown, max = 120): string => {
  const s = String(text ?? '');
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
};

/** « 48 ko », « 1,2 Mo »: sizes as a person reads them. */
export function frenchSize(bytes: number): string {
  if (!Number.isFinite(bytes)) return '';
  if (bytes < 1024) return `${bytes} o`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} ko`;
  return `${(bytes / (1024 * 1024)).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;
}

/** A French sentence for each event type, as shown in the project history. */
/** « Document « Devis » » when its title is known, `unnamed` otherwise. */
function documentOf(data: Record<string, unknown>, names: EventNames, unnamed: string, before: string): string {
  const title = names.document?.(String(data.documentId));
  return title ? `${before} « ${clip(title)} »` : unnamed;
}

export function describeEvent(type: string, data: Record<string, unknown>, names: EventNames = NO_NAMES): string {
  const step = (s: unknown) => STEP_LABELS[s as ProjectStep] ?? String(s);
  switch (type) {
    case 'ProjectCreated':
      return `Projet créé : « ${clip(data.title)} » (${THEME_LABELS[data.theme as ProjectTheme] ?? data.theme})`;
    case 'ProjectDetailsChanged': {
      const parts: string[] = [];
      if ('title' in data) parts.push(`titre « ${clip(data.title)} »`);
      if ('description' in data) parts.push('description');
      if ('theme' in data) parts.push(`thème ${THEME_LABELS[data.theme as ProjectTheme] ?? data.theme}`);
      if ('estimatedCostHt' in data) parts.push(data.estimatedCostHt === null ? 'coût estimé retiré' : `coût estimé ${euros.format(Number(data.estimatedCostHt))} HT`);
      return `Informations modifiées : ${parts.join(', ')}`;
    }
    case 'StepAdvanced':
      return `Étape passée ${de(step(data.from))} à ${step(data.to)} (${data.progress} %)${data.comment ? ` — ${clip(data.comment)}` : ''}`;
    case 'StepReverted':
      return `Retour ${de(step(data.from))} à ${step(data.to)} (${data.progress} %) — motif : ${clip(data.reason)}`;
    case 'ProgressUpdated':
      return `Avancement mis à ${data.progress} % (étape ${step(data.step)})${data.comment ? ` — ${clip(data.comment)}` : ''}`;
    case 'QuestionAsked':
      return `Question posée (${CATEGORY_LABELS[data.category as QuestionCategory] ?? data.category}) : « ${clip(data.text)} »${data.team ? ` — orientée vers : ${TEAM_LABELS[data.team as DepartementTeam] ?? data.team}` : ''}`;
    case 'QuestionAnswered':
      return `Réponse apportée : « ${clip(data.text)} »${data.contactId ? ' — avec un contact recommandé' : ''}`;
    case 'QuestionAssigned':
      return `Question attribuée à ${names.person(assigneeId(data))}${assigneeOrganisation(data, names)}`;
    case 'QuestionTakenInCharge':
      return `Question prise en charge par ${names.person(assigneeId(data))}${assigneeOrganisation(data, names)} — statut : ${QUESTION_STATUS_LABELS.prise_en_charge}`;
    case 'QuestionClosed':
      return `Question close`;
    case 'QuestionReopened':
      return `Question rouverte — motif : ${clip(data.reason)}`;
    case 'MessagePosted':
      return `Message : « ${clip(data.text)} »`;
    case 'InternalNoteAdded':
      return `Note interne : « ${clip(data.text)} »`;
    case 'PublicationRequested':
      return data.version ? `Publication demandée (version ${data.version})` : 'Publication demandée';
    case 'PublicationRevised':
      return `Version ${data.version} à publier rédigée, en attente de l’accord du maire — motif : ${clip(data.reason)}`;
    case 'ProjectLocated':
      return describeLocation(data.location);
    case 'ProjectPublished':
      return `Publication approuvée par le maire : projet publié${data.version ? ` (version ${data.version}${data.fingerprint ? `, empreinte ${shortFingerprint(String(data.fingerprint))}` : ''})` : ''}`;
    case 'PublicationWithdrawn':
      return `Publication retirée — motif : ${clip(data.reason)}`;
    case 'PartnerInvolved':
      return `Partenaire associé au projet : ${names.organisation(String(data.organisationId))}`;
    case 'DocumentAdded':
      return `Document ajouté : « ${clip(data.title)} » (${clip(data.fileName, 80)}, ${DOCUMENT_TYPE_LABELS[String(data.mediaType)] ?? data.mediaType}, ${frenchSize(Number(data.size))})${data.public ? ', public' : ''}`;
    case 'DocumentVersionAdded':
      return `Version ${data.version} ${documentOf(data, names, 'd’un document', 'de')} ajoutée : ${clip(data.fileName, 80)} (${frenchSize(Number(data.size))})`;
    case 'DocumentVisibilityChanged':
      return `${documentOf(data, names, 'Document', 'Document')} ${data.public ? 'rendu public' : 'retiré de la partie publique'}`;
    case 'DocumentRemoved':
      return `${documentOf(data, names, 'Document', 'Document')} retiré du projet — motif : ${clip(data.reason)}`;
    default:
      return describeFinancingEvent(type, data) ?? eventTypeLabel(type);
  }
}

const frenchDegrees = (n: number): string => n.toFixed(5).replace('.', ',');

/** « Emplacement précisé sur la carte (49,08912 N, 1,98765 E) » — the words first, the point for the audit — or the whole commune. */
export function describeLocation(location: unknown): string {
  const point = location as { longitude?: number; latitude?: number } | null | undefined;
  if (!point || typeof point.longitude !== 'number' || typeof point.latitude !== 'number') return 'Emplacement : la commune entière (sans point précis)';
  return `Emplacement précisé sur la carte (${frenchDegrees(point.latitude)} N, ${frenchDegrees(point.longitude)} E)`;
}

/** One line of a project's history, read from its stream: the event in its current version (ADR 0016). */
export function toHistoryEntry(event: RecordedEvent, actorView: Viewer, names: EventNames = NO_NAMES): HistoryEntry {
  return {
    position: event.position,
    revision: event.revision,
    type: event.type,
    at: event.metadata.recordedAt,
    actor: actorView(event.metadata.actorId, event.metadata.actorRole),
    summary: describeEvent(event.type, event.data as Record<string, unknown>, names),
  };
}

/** Ids of the people an event's data names (besides its actor). */
export const peopleInData = (data: Record<string, unknown>): string[] => {
  const id = assigneeId(data);
  return id ? [id] : [];
};
