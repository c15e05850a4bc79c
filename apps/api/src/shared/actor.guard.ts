import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@carnet/domain';
import type { Request } from 'express';
import { SeatDirectory } from '../communes/seat-directory.js';
import { APP_CONFIG, type AppConfig } from '../config.js';
import { SessionService } from '../identity/session.service.js';
import { actorOf } from './actor-of.js';

/** The request as seen past the guard: who is acting (null for an anonymous visitor). */
export type RequestWithActor = Request & { actor?: Actor | null };

/**
 * Resolves the acting user of every request once: session cookie → account → for a commune
 * account, the seat it holds NOW (so a released or replaced member is refused on the next
 * request) → Actor. It never refuses by itself: endpoints decide with CurrentActor/OptionalActor.
 */
@Injectable()
export class ActorGuard implements CanActivate {
  constructor(
    private readonly sessions: SessionService,
    private readonly seats: SeatDirectory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    if (request.actor === undefined) request.actor = await this.resolve(request);
    return true;
  }

  private async resolve(request: Request): Promise<Actor | null> {
    const account = await this.sessions.accountFor(request);
    if (!account) return null;
    return actorOf(account, account.kind === 'commune' ? await this.seats.seatOf(account.id) : null, this.config.departement);
  }
}
