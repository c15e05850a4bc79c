import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@carnet/domain';
import type { RequestWithActor } from './actor.guard.js';
import { ProblemException } from './problem.js';

const notLoggedIn = () =>
  new ProblemException(401, 'unauthenticated', 'Vous n’êtes pas connecté.', 'Connectez-vous pour continuer.');

/** The acting user resolved by ActorGuard; 401 problem when nobody is logged in. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<RequestWithActor>().actor;
  if (!actor) throw notLoggedIn();
  return actor;
});

/** Same, but null for an anonymous visitor (endpoints that also serve the public). */
export const OptionalActor = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Actor | null => ctx.switchToHttp().getRequest<RequestWithActor>().actor ?? null,
);
