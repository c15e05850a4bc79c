import { CATEGORY_LABELS, STEP_LABELS, THEME_LABELS, type HistoryEntry, type ProjectDetail, type ProjectSummary } from '@carnet/contracts';
import type { ProjectStep, ProjectTheme, QuestionCategory } from '@carnet/domain';
import type { StoredDoc } from '@carnet/read-store';
import type { ActorView } from '@carnet/contracts';

/** Gives the view of a person from their id and role at the time (see PeopleDirectory). */
export type Viewer = (id: string, role: string) => ActorView;
import type { HistoryDoc } from './projections/project-history.projection.js';
import type { ProjectDoc } from './projections/project.projection.js';

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
export const peopleOf = (doc: ProjectDoc): string[] => doc.questions.flatMap((q) => [q.askedById, ...q.answers.map((a) => a.answeredById)]);

export function toDetail(doc: ProjectDoc & StoredDoc, communeName: string, actorView: Viewer): ProjectDetail {
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
  };
}

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const clip = (text: unknown, max = 120): string => {
  const s = String(text ?? '');
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
};

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
