import { DomainError, isCommuneRole, isDepartementRole, type Actor, type DecisionContext } from '../shared/decider.js';
import { centsToEuros, eurosToCents, moneyFault, moneyMessage } from '../shared/money.js';
import type { DocumentState } from './project-documents.js';
import type { ProjectLocation } from './project-location.js';
import type {
  FingerprintInput,
  ProjectPublishedV2,
  PublicContent,
  PublicDocumentRef,
  PublicationRequestedV2,
  PublicationRevised,
  PublicationWithdrawn,
} from './publication.events.js';

/*
 * Publication of a finished project (issue #5): the commune requests it with a public content, the
 * Département (or the commune) revises it, the mayor approves one exact version — identified by its
 * fingerprint — and only that version is public; the mayor (or a Département administrator)
 * withdraws it. The project decider delegates here, so the publication rules sit in one file.
 */

export const PUBLIC_TITLE_MAX = 160;
export const PUBLIC_TEXT_MAX = 5000;
export const FUNDING_MAX = 20;
export const FUNDING_SOURCE_MAX = 200;
export const PUBLIC_DOCUMENTS_MAX = 20;
export const PUBLICATION_REASON_MAX = 1000;

/** What the commune or the Département writes: documents are given by id, their current version is frozen by the decider. */
export interface PublicContentInput {
  title: string;
  summary: string;
  finalCostHt: number | null;
  funding: Array<{ source: string; amountHt: number }>;
  lessonsLearned: string;
  documentIds: string[];
}

export interface RequestPublication {
  type: 'RequestPublication';
  content: PublicContentInput;
}
export interface RevisePublication {
  type: 'RevisePublication';
  content: PublicContentInput;
  reason: string;
}
/** The mayor approves exactly the version they read: its number and its fingerprint. */
export interface PublishProject {
  type: 'PublishProject';
  version: number;
  fingerprint: string;
}
export interface WithdrawPublication {
  type: 'WithdrawPublication';
  reason: string;
}
export type PublicationCommand = RequestPublication | RevisePublication | PublishProject | WithdrawPublication;
export type PublicationEvent = PublicationRequestedV2 | PublicationRevised | ProjectPublishedV2 | PublicationWithdrawn;

/**
 * none: never requested; requested: a version awaits the mayor and nothing is public; published: a
 * version is public (a newer one may await the mayor); withdrawn: nothing is public any more.
 */
export type PublicationStatus = 'none' | 'requested' | 'published' | 'withdrawn';

export interface PublicationDraft {
  version: number;
  content: PublicContent;
}

/** The facts of a project the publication rules need. */
export interface PublicationContext {
  projectId: string;
  codeInsee: string;
  title: string;
  finished: boolean;
  publication: PublicationStatus;
  /** The latest version written (requested or revised); null before any request. */
  draft: PublicationDraft | null;
  /** The version the public sees; null when nothing is public. */
  approvedVersion: number | null;
  documents: Record<string, DocumentState>;
  /** The project's point now: frozen into each version written, so the mayor approves it with the text. */
  location: ProjectLocation | null;
}

const isOfCommune = (actor: Actor, codeInsee: string) => isCommuneRole(actor.role) && actor.communeInsee === codeInsee;

function forbid(message: string): never {
  throw new DomainError('forbidden', message, 'forbidden');
}

function text(value: string | undefined | null, field: string, label: string, max: number, required: boolean): string {
  const t = (value ?? '').trim();
  if (required && !t) throw new DomainError('required', `${label} est obligatoire.`, 'invalid', field);
  if (t.length > max) throw new DomainError('too_long', `${label} dépasse ${max} caractères.`, 'invalid', field);
  return t;
}

function amount(value: number | null | undefined, field: string, label: string): number | null {
  if (value === null || value === undefined) return null;
  const fault = moneyFault(value);
  if (fault) throw new DomainError('invalid_amount', moneyMessage(label, fault), 'invalid', field);
  return centsToEuros(eurosToCents(value));
}

/** Checks and normalises a public content; the documents must be public documents of the project. */
export function publicContent(input: PublicContentInput, project: Pick<PublicationContext, 'documents'> & { location?: ProjectLocation | null }): PublicContent {
  const funding = input.funding ?? [];
  if (funding.length > FUNDING_MAX) throw new DomainError('too_many', `Indiquez au plus ${FUNDING_MAX} financements.`, 'invalid', 'funding');
  const ids = [...new Set(input.documentIds ?? [])];
  if (ids.length > PUBLIC_DOCUMENTS_MAX) throw new DomainError('too_many', `Choisissez au plus ${PUBLIC_DOCUMENTS_MAX} documents.`, 'invalid', 'documentIds');
  const documents: PublicDocumentRef[] = ids.map((documentId) => {
    const doc = project.documents[documentId];
    if (!doc || doc.removed) throw new DomainError('document_not_found', 'Un des documents choisis n’existe pas sur ce projet.', 'invalid', 'documentIds');
    if (!doc.public) {
      throw new DomainError('document_not_public', 'Un des documents choisis n’est pas public : rendez-le public avant de le publier.', 'invalid', 'documentIds');
    }
    return { documentId, version: doc.version };
  });
  return {
    title: text(input.title, 'title', 'Le titre public', PUBLIC_TITLE_MAX, true),
    summary: text(input.summary, 'summary', 'Le résumé public', PUBLIC_TEXT_MAX, true),
    finalCostHt: amount(input.finalCostHt, 'finalCostHt', 'Le coût final'),
    funding: funding.map((f, i) => ({
      source: text(f?.source, `funding.${i}.source`, 'Le financeur', FUNDING_SOURCE_MAX, true),
      amountHt: amount(f?.amountHt, `funding.${i}.amountHt`, 'Le montant obtenu') ?? 0,
    })),
    lessonsLearned: text(input.lessonsLearned, 'lessonsLearned', 'Le retour d’expérience', PUBLIC_TEXT_MAX, false),
    documents,
    location: project.location ?? null,
  };
}

/** The input of a version's fingerprint (see FingerprintInput). */
export const fingerprintInput = (projectId: string, draft: PublicationDraft): FingerprintInput => ({ projectId, version: draft.version, content: draft.content });

const sameContent = (a: PublicContent, b: PublicContent) =>
  JSON.stringify({ ...a, location: a.location ?? null }) === JSON.stringify({ ...b, location: b.location ?? null });

export function decidePublication(command: PublicationCommand, project: PublicationContext, context: DecisionContext): PublicationEvent[] {
  const { actor } = context;
  const { projectId } = project;
  switch (command.type) {
    case 'RequestPublication': {
      if (!isOfCommune(actor, project.codeInsee)) forbid('Seule la commune peut demander la publication de son projet.');
      if (!project.finished) throw new DomainError('not_finished', 'Seul un projet terminé peut être publié.', 'conflict');
      if (project.publication === 'requested' || project.publication === 'published') {
        throw new DomainError('already_requested', 'La publication est déjà demandée : modifiez la version en cours.', 'conflict');
      }
      const content = publicContent(command.content, project);
      return [{ type: 'PublicationRequested', schemaVersion: 3, data: { projectId, version: (project.draft?.version ?? 0) + 1, content } }];
    }
    case 'RevisePublication': {
      if (!isOfCommune(actor, project.codeInsee) && !isDepartementRole(actor.role)) {
        forbid('Seuls la commune et le Département modifient la version à publier.');
      }
      if (!project.draft || project.publication === 'none' || project.publication === 'withdrawn') {
        throw new DomainError('not_requested', 'La publication doit d’abord être demandée par la commune.', 'conflict');
      }
      const content = publicContent(command.content, project);
      if (sameContent(content, project.draft.content)) {
        throw new DomainError('no_change', 'Aucune modification : cette version est identique à la précédente.', 'invalid');
      }
      const reason = text(command.reason, 'reason', 'La raison de la modification', PUBLICATION_REASON_MAX, true);
      return [{ type: 'PublicationRevised', schemaVersion: 2, data: { projectId, version: project.draft.version + 1, content, reason } }];
    }
    case 'PublishProject': {
      if (actor.role !== 'commune_mayor' || actor.communeInsee !== project.codeInsee) forbid('Seul le maire de la commune peut approuver la publication.');
      if (!project.draft || project.publication === 'none' || project.publication === 'withdrawn') {
        throw new DomainError('not_requested', 'La publication doit d’abord être demandée.', 'conflict');
      }
      if (project.approvedVersion === project.draft.version) {
        throw new DomainError('already_published', 'Cette version est déjà publiée.', 'conflict');
      }
      if (command.version !== project.draft.version) {
        throw new DomainError(
          'version_changed',
          `La version ${command.version} n’est plus la dernière : la version ${project.draft.version} a été écrite depuis. Relisez-la avant de l’approuver.`,
          'conflict',
          'version',
        );
      }
      if (!context.fingerprint) throw new Error('The decision context has no fingerprint function');
      const fingerprint = context.fingerprint(fingerprintInput(projectId, project.draft));
      if (command.fingerprint !== fingerprint) {
        throw new DomainError(
          'fingerprint_mismatch',
          'L’empreinte ne correspond pas à la version à publier : le texte que vous avez lu n’est pas celui-ci. Rechargez la page et relisez-la.',
          'conflict',
          'fingerprint',
        );
      }
      return [{ type: 'ProjectPublished', schemaVersion: 2, data: { projectId, version: project.draft.version, fingerprint } }];
    }
    case 'WithdrawPublication': {
      const mayor = actor.role === 'commune_mayor' && actor.communeInsee === project.codeInsee;
      if (!mayor && actor.role !== 'departement_admin') forbid('Seuls le maire de la commune et un administrateur du Département retirent une publication.');
      if (project.publication !== 'published') throw new DomainError('not_published', 'Ce projet n’est pas publié.', 'conflict');
      const reason = text(command.reason, 'reason', 'La raison du retrait', PUBLICATION_REASON_MAX, true);
      return [{ type: 'PublicationWithdrawn', schemaVersion: 1, data: { projectId, reason } }];
    }
  }
}

/**
 * The version of the public content a PublicationRequested (v1 or v2) or PublicationRevised event
 * writes; null for any other event. A v1 request (a summary alone) is the next version, with the
 * project's title. Shared by the decider and the read models, so they all read old events alike.
 */
export function writtenVersionOf(
  event: { type: string; schemaVersion: number; data: unknown },
  project: { title: string; latestVersion: number },
): PublicationDraft | null {
  if (event.type !== 'PublicationRequested' && event.type !== 'PublicationRevised') return null;
  const data = event.data as { summary?: string; version?: number; content?: PublicContent };
  if (data.content) return { version: data.version ?? project.latestVersion + 1, content: data.content };
  return {
    version: project.latestVersion + 1,
    content: { title: project.title, summary: data.summary ?? '', finalCostHt: null, funding: [], lessonsLearned: '', documents: [] },
  };
}

/** What the publication events change, v1 events included (a v1 request is version 1 with the summary alone). */
export function evolvePublication(
  state: Pick<PublicationContext, 'title' | 'publication' | 'draft' | 'approvedVersion'>,
  event: { type: string; schemaVersion: number; data: unknown },
): Pick<PublicationContext, 'publication' | 'draft' | 'approvedVersion'> {
  const { publication, draft, approvedVersion } = state;
  const written = writtenVersionOf(event, { title: state.title, latestVersion: draft?.version ?? 0 });
  switch (event.type) {
    case 'PublicationRequested':
      return { publication: 'requested', draft: written, approvedVersion: null };
    case 'PublicationRevised':
      return { publication, draft: written, approvedVersion };
    case 'ProjectPublished': {
      const data = event.data as { version?: number };
      return { publication: 'published', draft, approvedVersion: data.version ?? draft?.version ?? 1 };
    }
    case 'PublicationWithdrawn':
      return { publication: 'withdrawn', draft, approvedVersion: null };
    default:
      return { publication, draft, approvedVersion };
  }
}
