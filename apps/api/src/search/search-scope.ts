import { departementOfCommune, type Actor } from '@carnet/domain';
import type { Condition, ReadModelSet, Scalar } from '@carnet/read-store';
import type { SearchResultType } from '@carnet/contracts';
import type { ProjectPartnerDoc } from '../projects/projections/project-partner.projection.js';
import type { ProjectDoc } from '../projects/projections/project.projection.js';
import { canSeeInternal, projectScope } from '../projects/project-access.js';

/** What anybody may read of a published project (its page shows these); never messages nor notes. */
export const PUBLIC_KINDS: SearchResultType[] = ['project', 'question', 'answer'];

/** Internal notes (INTERNAL_EVENT_TYPES): Département staff, auditors and involved partners only. */
export function maySeeInternal(actor: Actor | null, project: ProjectDoc): boolean {
  if (!actor) return false;
  if (actor.role === 'commune_mayor' || actor.role === 'commune_member') return false;
  return canSeeInternal(actor, project);
}

/** The projects' ids, from the index alone (no document is read). */
const idsOf = (set: ReadModelSet, where: Record<string, Scalar | Scalar[]>): Promise<string[]> => set.ids('projects', { where });

/**
 * The search scopes of a person (an OR of conditions on the search entries), built on the same
 * rules as the project list (project-access.ts): `undefined` means everything, `[]` nothing. A
 * commune member gets their commune's projects without internal notes; a partner, the projects
 * its organisation is involved in; staff and auditors, the projects of the département's communes
 * (`departement`: a national log holds 35,000 communes, issue #15). Published projects of other
 * communes are searched on the public portal, in their approved version only (issue #5).
 * `commune` narrows the search to one commune.
 */
export async function searchScopes(actor: Actor | null, commune: string | undefined, set: ReadModelSet, communesOf: (departement: string) => readonly string[]): Promise<Condition[] | undefined> {
  const scope = projectScope(actor, commune);
  if (scope.kind === 'departement') return [{ projectId: await idsOf(set, { codeInsee: commune ? commune : [...communesOf(scope.departement)] }) }];
  if (scope.kind === 'none') return [];
  if (scope.kind === 'partner') {
    const links = await set.find<ProjectPartnerDoc>('project_partners', { where: { organisationId: scope.organisationId } });
    const involved = [...(await set.getMany<ProjectDoc>('projects', links.map((l) => l.projectId))).values()]
      .filter((p) => (!commune || p.codeInsee === commune) && departementOfCommune(p.codeInsee) === scope.departement)
      .map((p) => p.id);
    return [{ projectId: involved }];
  }
  const own = scope.where.codeInsee;
  if (typeof own === 'string' && (!commune || commune === own)) {
    return [{ projectId: await idsOf(set, { codeInsee: own }), internal: false }];
  }
  return [];
}
