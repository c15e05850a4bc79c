import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { isOurApi } from './csrf-interceptor';
import { SessionStore } from './session';

/** Calls whose 401 is an ordinary answer (nobody logged in, wrong password…), not the end of a session. */
const ANSWERS_401 = ['/api/me', '/api/auth/', '/api/invitations/'];

/**
 * When the API answers 401 to someone the page believes logged in, the session ended elsewhere
 * (expiry, « log out everywhere », account disabled): forget them and offer to log in again.
 */
export const sessionInterceptor: HttpInterceptorFn = (request, next) => {
  const session = inject(SessionStore);
  const router = inject(Router);
  return next(request).pipe(
    catchError((error: unknown) => {
      if (
        error instanceof HttpErrorResponse &&
        error.status === 401 &&
        isOurApi(request.url) &&
        !ANSWERS_401.some((prefix) => request.url.startsWith(prefix)) &&
        session.me()
      ) {
        session.forget();
        void router.navigate(['/connexion'], { queryParams: { raison: 'session', retour: router.url } });
      }
      return throwError(() => error);
    }),
  );
};
