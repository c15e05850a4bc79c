import { departementOfCommune, type Actor } from '@carnet/domain';
import { ProblemException } from '../shared/problem.js';

const STAFF = new Set(['departement_agent', 'departement_admin', 'auditor']);

/** The answer about a commune someone may not know of: the same as for a code that names none. */
export const communeNotFound = (codeInsee: string) =>
  new ProblemException(404, 'commune_not_found', 'Commune introuvable', `Aucune commune du département n’a le code ${codeInsee}.`);

/**
 * Staff, partners and auditors work with the communes of their Département only (issue #17): another
 * Département's commune is answered as if it did not exist (404). Commune members are checked by
 * their own rules (their commune).
 */
export function assertCommuneOfDepartement(actor: Actor, codeInsee: string): void {
  if (actor.departement && departementOfCommune(codeInsee) !== actor.departement) throw communeNotFound(codeInsee);
}

/** Members of a commune's space are visible to its own members, the Département and auditors. */
export function assertCanSeeMembers(actor: Actor, codeInsee: string): void {
  assertCommuneOfDepartement(actor, codeInsee);
  const ownCommune = (actor.role === 'commune_mayor' || actor.role === 'commune_member') && actor.communeInsee === codeInsee;
  if (!ownCommune && !STAFF.has(actor.role)) {
    throw new ProblemException(403, 'forbidden', 'Action non autorisée', 'Seuls les membres de la commune et le Département voient qui occupe ses places.');
  }
}

/** Administration screens: Département staff and auditors read; only administrators change. */
export function assertStaff(actor: Actor, write = false): void {
  const ok = write ? actor.role === 'departement_admin' : STAFF.has(actor.role);
  if (!ok) {
    throw new ProblemException(
      403,
      'forbidden',
      'Action non autorisée',
      write ? 'Réservé aux administrateurs du Département.' : 'Réservé au Département.',
    );
  }
}
