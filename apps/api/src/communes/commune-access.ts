import type { Actor } from '@carnet/domain';
import { ProblemException } from '../shared/problem.js';

const STAFF = new Set(['departement_agent', 'departement_admin', 'auditor']);

/** Members of a commune's space are visible to its own members, the Département and auditors. */
export function assertCanSeeMembers(actor: Actor, codeInsee: string): void {
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
