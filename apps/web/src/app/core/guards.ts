import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
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

