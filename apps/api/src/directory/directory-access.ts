import type { Actor } from '@carnet/domain';
import { ProblemException } from '../shared/problem.js';

/** Only a Département administrator manages the directory and the teams. */
export function assertDirectoryAdmin(actor: Actor): void {
  if (actor.role !== 'departement_admin') {
    throw new ProblemException(403, 'forbidden', 'Action non autorisée', 'Seul un administrateur du Département gère l’annuaire et les équipes.');
  }
}
