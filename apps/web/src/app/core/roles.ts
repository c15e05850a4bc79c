import type { ActorRole } from '@carnet/contracts';

// Mirrors the rules of libs/domain: the API stays the judge, the UI only hides what would be refused.

/** What the rules need to know of the person: their role and, for commune people, their commune. */
export interface Viewer {
  role: ActorRole | null;
  communeInsee: string | null;
  seat?: string | null;
}

export const isCommuneRole = (role: ActorRole | null): boolean => role === 'commune_mayor' || role === 'commune_member';
export const isDepartementRole = (role: ActorRole | null): boolean =>
  role === 'departement_agent' || role === 'departement_admin';

/** Département staff manage every project; commune people manage their commune's. */
export function canManage(viewer: Viewer | null, codeInsee: string): boolean {
  if (!viewer) return false;
  if (isDepartementRole(viewer.role)) return true;
  return isCommuneRole(viewer.role) && viewer.communeInsee === codeInsee;
}

/** Documents: the commune of the project and Département staff decide what is public, and remove them (canCurateDocuments of libs/domain). */
export function canCurateDocuments(viewer: Viewer | null, codeInsee: string): boolean {
  return isOfCommune(viewer, codeInsee) || (!!viewer && isDepartementRole(viewer.role));
}

export function canCreateProjects(viewer: Viewer | null): boolean {
  return !!viewer && (isDepartementRole(viewer.role) || (isCommuneRole(viewer.role) && !!viewer.communeInsee));
}

export function isOfCommune(viewer: Viewer | null, codeInsee: string): boolean {
  return !!viewer && isCommuneRole(viewer.role) && viewer.communeInsee === codeInsee;
}

export function canAnswer(viewer: Viewer | null): boolean {
  return !!viewer && (isDepartementRole(viewer.role) || viewer.role === 'partner_member');
}

export function isMayorOf(viewer: Viewer | null, codeInsee: string): boolean {
  return !!viewer && viewer.role === 'commune_mayor' && viewer.communeInsee === codeInsee;
}

/** « Ma commune »: the mayor and the Département's administrator change seats; collaborators only read. */
export function canManageSeats(viewer: Viewer | null, codeInsee: string): boolean {
  return !!viewer && (viewer.role === 'departement_admin' || isMayorOf(viewer, codeInsee));
}

/** Manages the Départements of an instance that serves several (their staff): no project (issue #17). */
export const isNationalAdmin = (viewer: Viewer | null): boolean => !!viewer && viewer.role === 'national_admin';

/** « Administration »: the administrator acts, Département agents read; a national administrator manages the Départements. */
export const canSeeAdministration = (viewer: Viewer | null): boolean => !!viewer && (isDepartementRole(viewer.role) || isNationalAdmin(viewer));
export const canAdminister = (viewer: Viewer | null): boolean => !!viewer && (viewer.role === 'departement_admin' || isNationalAdmin(viewer));

/** The Département's dashboard: its agents, administrators and auditors (the API says the same). */
export const canSeeDepartementDashboard = (viewer: Viewer | null): boolean =>
  !!viewer && (isDepartementRole(viewer.role) || viewer.role === 'auditor');

/** Where « Tableau de bord » leads: the Département's for its staff, the commune's for its members, none otherwise. */
export function dashboardLink(viewer: Viewer | null): string | null {
  if (canSeeDepartementDashboard(viewer)) return '/tableau-de-bord';
  if (viewer && isCommuneRole(viewer.role) && viewer.communeInsee) return `/tableau-de-bord/communes/${viewer.communeInsee}`;
  return null;
}
/** Who works on questions (take in charge, answer) and reads internal notes: Département staff and partner members (the API checks involvement). */
export const isAdviser = (viewer: Viewer | null): boolean => !!viewer && (isDepartementRole(viewer.role) || viewer.role === 'partner_member');
/** Internal notes are read by advisers and auditors, NEVER by commune members. */
export const canReadNotes = (viewer: Viewer | null): boolean => isAdviser(viewer) || viewer?.role === 'auditor';
/** Commune, Département and involved partners talk in the conversation; auditors and the public do not. */
export const canReadConversation = (viewer: Viewer | null, codeInsee: string): boolean => isOfCommune(viewer, codeInsee) || canReadNotes(viewer);
/** The « À traiter » list: agents and partner members. */
export const hasWaitingQueue = (viewer: Viewer | null): boolean => isAdviser(viewer);
