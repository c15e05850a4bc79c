import { departementOfCommune, type Actor } from '@carnet/domain';

/**
 * People of the demo: their accounts (same ids) are created by DemoAccounts, their seats and
 * projects by DemoData. Names live in the account store, not in events: events carry ids.
 */
export const PERSONAS: ReadonlyArray<Actor> = [
  { id: 'persona-maire-95002', displayName: 'Claire Martin', role: 'commune_mayor', communeInsee: '95002' },
  { id: 'persona-adjoint-95002', displayName: 'Julien Petit', role: 'commune_member', communeInsee: '95002' },
  { id: 'persona-maire-95446', displayName: 'Hélène Roux', role: 'commune_mayor', communeInsee: '95446' },
  { id: 'persona-secretaire-95446', displayName: 'Marc Lefèvre', role: 'commune_member', communeInsee: '95446' },
  { id: 'persona-maire-95658', displayName: 'Patrick Garnier', role: 'commune_mayor', communeInsee: '95658' },
  { id: 'persona-maire-95370', displayName: 'Nathalie Fournier', role: 'commune_mayor', communeInsee: '95370' },
  { id: 'persona-agent-amenagement', displayName: 'Sophie Bernard', role: 'departement_agent', communeInsee: null, departement: '95' },
  { id: 'persona-agent-finances', displayName: 'Karim Haddad', role: 'departement_agent', communeInsee: null, departement: '95' },
  { id: 'persona-admin', displayName: 'Isabelle Moreau', role: 'departement_admin', communeInsee: null, departement: '95' },
  { id: 'persona-caue', displayName: 'Thomas Girard (CAUE 95)', role: 'partner_member', communeInsee: null, organisationId: 'org-caue-95', departement: '95' },
  { id: 'persona-auditeur', displayName: 'Anne Lambert', role: 'auditor', communeInsee: null, departement: '95' },
  // Mayors of the other demo communes (their published projects need their approval).
  { id: 'persona-maire-95523', displayName: 'Bernard Lemaire', role: 'commune_mayor', communeInsee: '95523' },
  { id: 'persona-maire-95628', displayName: 'Sylvie Caron', role: 'commune_mayor', communeInsee: '95628' },
  { id: 'persona-maire-95625', displayName: 'Antoine Mercier', role: 'commune_mayor', communeInsee: '95625' },
  { id: 'persona-maire-95149', displayName: 'Mathilde Perrin', role: 'commune_mayor', communeInsee: '95149' },
  // The Yvelines (78), when the instance serves it too (DEPARTEMENTS=95,78): a mayor, an agent and an administrator of its own.
  { id: 'persona-maire-78033', displayName: 'François Dubois', role: 'commune_mayor', communeInsee: '78033' },
  { id: 'persona-agent-78', displayName: 'Camille Laurent', role: 'departement_agent', communeInsee: null, departement: '78' },
  { id: 'persona-admin-78', displayName: 'Olivier Chevalier', role: 'departement_admin', communeInsee: null, departement: '78' },
  { id: 'persona-auditeur-78', displayName: 'Lucie Garnier', role: 'auditor', communeInsee: null, departement: '78' },
  // Where an instance serves several Départements: who manages them (their administrators), and no project.
  { id: 'persona-admin-national', displayName: 'Hugo Lefort', role: 'national_admin', communeInsee: null },
];

/** The Département of a demo person: their commune's, or the one they work for. */
export const departementOfPersona = (persona: Actor): string => persona.departement ?? departementOfCommune(persona.communeInsee ?? '');

/** The demo people of the Départements an instance serves (the Yvelines personas only where it serves the Yvelines). */
export const personasOf = (departements: readonly string[]): Actor[] =>
  PERSONAS.filter((p) => (p.role === 'national_admin' ? departements.length > 1 : departements.includes(departementOfPersona(p))));

const byId = new Map(PERSONAS.map((p) => [p.id, p]));

export const findPersona = (id: string): Actor | undefined => byId.get(id);
