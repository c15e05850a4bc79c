import type { ActorRole, Persona } from '@carnet/contracts';

// Mirrors the rules of libs/domain/project: the API stays the judge, the UI only hides what would be refused.

export const isCommuneRole = (role: ActorRole): boolean => role === 'commune_mayor' || role === 'commune_member';
export const isDepartementRole = (role: ActorRole): boolean =>
  role === 'departement_agent' || role === 'departement_admin';

/** Département staff manage every project; commune people manage their commune's. */
export function canManage(persona: Persona | null, codeInsee: string): boolean {
  if (!persona) return false;
  if (isDepartementRole(persona.role)) return true;
  return isCommuneRole(persona.role) && persona.communeInsee === codeInsee;
}

export function canCreateProjects(persona: Persona | null): boolean {
  return !!persona && (isDepartementRole(persona.role) || (isCommuneRole(persona.role) && !!persona.communeInsee));
}

export function isOfCommune(persona: Persona | null, codeInsee: string): boolean {
  return !!persona && isCommuneRole(persona.role) && persona.communeInsee === codeInsee;
}

export function canAnswer(persona: Persona | null): boolean {
  return !!persona && (isDepartementRole(persona.role) || persona.role === 'partner_member');
}

export function isMayorOf(persona: Persona | null, codeInsee: string): boolean {
  return !!persona && persona.role === 'commune_mayor' && persona.communeInsee === codeInsee;
}
