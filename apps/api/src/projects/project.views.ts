import { CATEGORY_LABELS, DOCUMENT_TYPE_LABELS, STEP_LABELS, THEME_LABELS, type DocumentView, type HistoryEntry, type ProjectDetail, type ProjectSummary } from '@carnet/contracts';
import type { ProjectStep, ProjectTheme, QuestionCategory } from '@carnet/domain';
import type { StoredDoc } from '@carnet/read-store';
import type { ActorView } from '@carnet/contracts';

/** Gives the view of a person from their id and role at the time (see PeopleDirectory). */
export type Viewer = (id: string, role: string) => ActorView;
import type { HistoryDoc } from './projections/project-history.projection.js';
import type { DocumentDoc, ProjectDoc } from './projections/project.projection.js';

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
  ...doc.questions.flatMap((q) => [q.askedById, ...q.answers.map((a) => a.answeredById)]),
  ...(doc.documents ?? []).flatMap((d) => d.versions.map((v) => v.addedById)),
];

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
export function toDetail(doc: ProjectDoc & StoredDoc, communeName: string, actorView: Viewer, allDocuments = true): ProjectDetail {
  const documents = (doc.documents ?? []).filter((d) => allDocuments || d.public);
  return {
    ...toSummary(doc, communeName),
    description: doc.description,
    publicationSummary: doc.publicationSummary,
    questions: doc.questions.map((q) => ({
      id: q.id,
      category: q.category,
      text: q.text,
      askedAt: q.askedAt,
      askedBy: actorView(q.askedById, q.askedByRole),
      answers: q.answers.map((a) => ({ id: a.id, text: a.text, answeredAt: a.answeredAt, answeredBy: actorView(a.answeredById, a.answeredByRole) })),
    })),
    documents: documents.map((d) => toDocumentView(d, actorView)).reverse(),
  };
}

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
export function describeEvent(type: string, data: Record<string, unknown>): string {
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
      return `Étape passée de ${step(data.from)} à ${step(data.to)} (${data.progress} %)${data.comment ? ` — ${clip(data.comment)}` : ''}`;
    case 'StepReverted':
      return `Retour de ${step(data.from)} à ${step(data.to)} (${data.progress} %) — motif : ${clip(data.reason)}`;
    case 'ProgressUpdated':
      return `Avancement mis à ${data.progress} % (étape ${step(data.step)})${data.comment ? ` — ${clip(data.comment)}` : ''}`;
    case 'QuestionAsked':
      return `Question posée (${CATEGORY_LABELS[data.category as QuestionCategory] ?? data.category}) : « ${clip(data.text)} »`;
    case 'QuestionAnswered':
      return `Réponse apportée : « ${clip(data.text)} »`;
    case 'PublicationRequested':
      return 'Publication demandée';
    case 'ProjectPublished':
      return 'Publication approuvée par le maire : projet publié';
    case 'DocumentAdded':
      return `Document ajouté : « ${clip(data.title)} » (${clip(data.fileName, 80)}, ${DOCUMENT_TYPE_LABELS[String(data.mediaType)] ?? data.mediaType}, ${frenchSize(Number(data.size))})${data.public ? ', public' : ''}`;
    case 'DocumentVersionAdded':
      return `Version ${data.version} d’un document ajoutée : ${clip(data.fileName, 80)} (${frenchSize(Number(data.size))})`;
    case 'DocumentVisibilityChanged':
      return data.public ? 'Document rendu public' : 'Document retiré de la partie publique';
    case 'DocumentRemoved':
      return `Document retiré du projet — motif : ${clip(data.reason)}`;
    default:
      return type;
  }
}

export function toHistoryEntry(doc: HistoryDoc, actorView: Viewer): HistoryEntry {
  return {
    position: doc.position,
    revision: doc.revision,
    type: doc.type,
    at: doc.at,
    actor: actorView(doc.actorId, doc.actorRole),
    summary: describeEvent(doc.type, doc.data),
  };
}
