import { departementOfCommune, type Actor, type PublicationStatus } from '@carnet/domain';
import type { Scalar } from '@carnet/read-store';
import { ProblemException } from '../shared/problem.js';

/** The answer to whoever asks for a project that does not exist or that they may not know of. */
export const projectNotFound = (id: string) =>
  new ProblemException(404, 'project_not_found', 'Projet introuvable', `Aucun projet ne porte l’identifiant ${id}.`);

/** What a project read model must show for the access rules (ADR 0007). */
export interface ProjectAccessFacts {
  codeInsee: string;
  publication: PublicationStatus;
  partners?: string[];
}

const STAFF = new Set(['departement_agent', 'departement_admin', 'auditor']);

/** A Département agent, administrator or auditor working for the Département of this commune (issue #17). */
export const inDepartementOf = (actor: Actor, codeInsee: string): boolean =>
  STAFF.has(actor.role) && !!actor.departement && departementOfCommune(codeInsee) === actor.departement;

/**
 * A partner member whose organisation is involved in the project, of a commune of the Département
 * they work with (an organisation may work with several: each Département's members see its files only).
 */
const involvedPartner = (actor: Actor, project: ProjectAccessFacts): boolean =>
  actor.role === 'partner_member' &&
  !!actor.organisationId &&
  (project.partners ?? []).includes(actor.organisationId) &&
  !!actor.departement &&
  departementOfCommune(project.codeInsee) === actor.departement;

/**
 * Who may see a project: Département staff and auditors, all those of their Département (a log may
 * hold other Départements' communes: never theirs, issue #17); commune members, their
 * commune's; partner members, those their organisation is involved in, in their Département. Not being allowed to see a
 * project means not being told it exists (404). A published project is no exception: the live
 * project may already hold changes the mayor has not approved; everybody else reads the approved
 * version on the public portal and the public API (issue #5, ADR 0014).
 */
export function canSeeProject(actor: Actor | null, project: ProjectAccessFacts): boolean {
  if (!actor) return false;
  if (STAFF.has(actor.role)) return inDepartementOf(actor, project.codeInsee);
  if (actor.role === 'commune_mayor' || actor.role === 'commune_member') return actor.communeInsee === project.codeInsee;
  return involvedPartner(actor, project);
}

/**
 * Who sees every document of a project, public or not: whoever sees the project (its commune,
 * Département staff and auditors, involved partners). The public portal serves only the documents
 * of the approved version.
 */
export function canSeeAllDocuments(actor: Actor | null, project: ProjectAccessFacts): boolean {
  return canSeeProject(actor, project);
}

export type ProjectScope =
  | { kind: 'none' }
  /** Every project of the communes of this Département. */
  | { kind: 'departement'; departement: string }
  | { kind: 'where'; where: Record<string, Scalar> }
  /** The projects the organisation is involved in, of this Département's communes. */
  | { kind: 'partner'; organisationId: string; departement: string };

/**
 * The read filter a list of projects gets for this actor, given the commune the person asked for:
 * staff see their Département's projects (nothing for a commune of another Département); a commune
 * member sees their commune (nothing of another commune: its published projects are on the public
 * portal); a partner sees the projects of its organisation; anyone else, nothing.
 */
export function projectScope(actor: Actor | null, requestedCommune: string | undefined): ProjectScope {
  if (actor && STAFF.has(actor.role)) {
    if (!actor.departement || (requestedCommune && !inDepartementOf(actor, requestedCommune))) return { kind: 'none' };
    return { kind: 'departement', departement: actor.departement };
  }
  if (actor && (actor.role === 'commune_mayor' || actor.role === 'commune_member') && actor.communeInsee) {
    if (!requestedCommune || requestedCommune === actor.communeInsee) return { kind: 'where', where: { codeInsee: actor.communeInsee } };
    return { kind: 'none' };
  }
  if (actor?.role === 'partner_member' && actor.organisationId && actor.departement) {
    if (requestedCommune && departementOfCommune(requestedCommune) !== actor.departement) return { kind: 'none' };
    return { kind: 'partner', organisationId: actor.organisationId, departement: actor.departement };
  }
  return { kind: 'none' };
}

/**
 * Who may read internal notes of a project: Département staff, auditors (read-only, they see
 * everything) and members of an involved partner organisation. NEVER a commune member, nor the public.
 */
export function canSeeInternal(actor: Actor | null, project: ProjectAccessFacts): boolean {
  if (!actor) return false;
  if (STAFF.has(actor.role)) return inDepartementOf(actor, project.codeInsee);
  return involvedPartner(actor, project);
}

/** Who reads the conversation: the commune, Département staff, auditors and involved partners — not the public of a published project. */
export function canSeeConversation(actor: Actor | null, project: ProjectAccessFacts): boolean {
  if (!actor) return false;
  if (actor.role === 'commune_mayor' || actor.role === 'commune_member') return actor.communeInsee === project.codeInsee;
  return canSeeInternal(actor, project);
}

/** 403 for whoever sees the project but not its internal notes. */
export const notesForbidden = () =>
  new ProblemException(403, 'forbidden', 'Action non autorisée', 'Les notes internes sont réservées au Département et aux partenaires associés au projet.');
