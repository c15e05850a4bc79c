import { DOCUMENT } from '@angular/common';
import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { canSeeDepartementDashboard, dashboardLink, isNationalAdmin } from './roles';
import { SessionStore } from './session';

/** Pages still open to someone whose session ended or who lost their seat. */
const OPEN_WHEN_SIGNED_OUT = ['/connexion', '/acces-retire', '/invitation/', '/mot-de-passe', '/mon-compte'];
/** Several navigations in a row (redirects) ask the server once. */
const MIN_REFRESH_INTERVAL_MS = 1000;

/**
 * Runs before every page: if someone is logged in, asks the API again who they are, so that a person
 * whose seat was released or whose session ended is stopped at their next navigation, not later.
 */
export const sessionCheck: CanActivateFn = async (_route, state) => {
  const session = inject(SessionStore);
  const router = inject(Router);
  const open = OPEN_WHEN_SIGNED_OUT.some((prefix) => state.url.startsWith(prefix));
  const before = session.me();
  if (before && Date.now() - session.checkedAt > MIN_REFRESH_INTERVAL_MS) {
    const after = await session.refresh();
    if (!after && !open) return router.createUrlTree(['/connexion'], { queryParams: { raison: 'session', retour: state.url } });
  }
  if (session.withoutAccess() && !open) return router.createUrlTree(['/acces-retire']);
  return true;
};

/** Pages for logged-in people: anonymous visitors go to the login page, and come back after. */
export const requireLogin: CanActivateFn = (_route, state) => {
  const session = inject(SessionStore);
  if (session.me()) return true;
  return inject(Router).createUrlTree(['/connexion'], { queryParams: { retour: state.url } });
};


/** The public portal's search (served by the server, outside this app) with the same words. */
export function portalSearchUrl(q: string | null | undefined): string {
  const words = (q ?? '').trim();
  return words ? `/projets-publics/recherche?${new URLSearchParams({ q: words })}` : '/projets-publics/recherche';
}

/**
 * « Recherche » searches what a person may see inside the app: an anonymous visitor may see the
 * published projects only, so they are sent to the portal's search with their words, not to an empty page.
 */
export const searchOrPortal: CanActivateFn = (route) => {
  if (inject(SessionStore).me()) return true;
  inject(DOCUMENT).location.assign(portalSearchUrl(route.queryParamMap.get('q')));
  return false;
};

/** `/tableau-de-bord` is the Département's: a commune member lands on their commune's dashboard, anyone else on the projects. */
export const dashboardOfRole: CanActivateFn = () => {
  const me = inject(SessionStore).me();
  if (!me || canSeeDepartementDashboard(me)) return true;
  return inject(Router).parseUrl(dashboardLink(me) ?? '/');
};

/** A national administrator sees no project: their home is the Départements (issue #17). */
export const nationalAdminHome: CanActivateFn = () => {
  const me = inject(SessionStore).me();
  return isNationalAdmin(me) ? inject(Router).parseUrl('/administration/departements') : true;
};

/** `/administration`: the Départements for a national administrator, the communes for a Département's staff. */
export const administrationHome: CanActivateFn = () =>
  inject(Router).parseUrl(isNationalAdmin(inject(SessionStore).me()) ? '/administration/departements' : '/administration/communes');
