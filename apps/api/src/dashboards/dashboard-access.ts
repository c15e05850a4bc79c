import type { Actor } from '@carnet/domain';
import { assertCommuneOfDepartement } from '../communes/commune-access.js';
import { ProblemException } from '../shared/problem.js';

const STAFF = new Set(['departement_agent', 'departement_admin', 'auditor']);

const forbidden = (detail: string) => new ProblemException(403, 'forbidden', 'Action non autorisée', detail);

/** A commune's dashboard: its own members, the Département's staff and auditors. */
export function assertCanSeeCommuneDashboard(actor: Actor, codeInsee: string): void {
  assertCommuneOfDepartement(actor, codeInsee);
  const own = (actor.role === 'commune_mayor' || actor.role === 'commune_member') && actor.communeInsee === codeInsee;
  if (!own && !STAFF.has(actor.role)) throw forbidden('Le tableau de bord d’une commune est réservé à ses membres et au Département.');
}

/** The Département's dashboard: its agents, administrators and auditors. */
export function assertCanSeeDepartementDashboard(actor: Actor): void {
  if (!STAFF.has(actor.role)) throw forbidden('Le tableau de bord du Département est réservé à ses agents et aux auditeurs.');
}
