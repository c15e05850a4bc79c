import { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { PersonaStore } from './persona';

/** Header name as the API reads it (see DEV_PERSONA_HEADER in @carnet/contracts). */
export const PERSONA_HEADER = 'X-Dev-Persona';

/** Sends the chosen development persona with every call to our API. */
export const personaInterceptor: HttpInterceptorFn = (request, next) => {
  const personaId = inject(PersonaStore).currentId();
  const isOurApi = request.url.startsWith('/api/') || request.url === '/api';
  if (!personaId || !isOurApi || request.headers.has(PERSONA_HEADER)) return next(request);
  return next(request.clone({ setHeaders: { [PERSONA_HEADER]: personaId } }));
};
