import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { DEV_PERSONA_HEADER } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import type { Request } from 'express';
import { findPersona } from '../dev/personas.js';
import { ProblemException } from './problem.js';

/**
 * The acting user. Until accounts exist it comes from the development header `X-Dev-Persona`,
 * which is refused outright when NODE_ENV=production.
 */
export function resolveActor(request: Request, required: boolean): Actor | null {
  const header = request.header(DEV_PERSONA_HEADER);
  if (header !== undefined && process.env.NODE_ENV === 'production') {
    throw new ProblemException(400, 'dev_header_in_production', 'En-tête de développement refusé', 'L’en-tête X-Dev-Persona n’est accepté qu’en développement.');
  }
  if (!header) {
    if (!required) return null;
    throw new ProblemException(401, 'unauthenticated', 'Authentification requise', 'Choisissez un profil (en-tête X-Dev-Persona) pour agir.');
  }
  const persona = findPersona(header);
  if (!persona) {
    throw new ProblemException(401, 'unknown_persona', 'Profil inconnu', `Le profil « ${header} » n’existe pas.`);
  }
  return persona;
}

/** Injects the acting user into a controller method; 401 when nobody is acting. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  resolveActor(ctx.switchToHttp().getRequest<Request>(), true),
);

/** Same, but null for an anonymous visitor (read-only endpoints). */
export const OptionalActor = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  resolveActor(ctx.switchToHttp().getRequest<Request>(), false),
);
