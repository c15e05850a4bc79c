import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@carnet/domain';
import type { Request } from 'express';
import { SeatDirectory } from '../communes/seat-directory.js';
import { SessionService } from '../identity/session.service.js';

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
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    if (request.actor === undefined) request.actor = await this.resolve(request);
    return true;
  }

  private async resolve(request: Request): Promise<Actor | null> {
    const account = await this.sessions.accountFor(request);
    if (!account) return null;
    const base = { id: account.id, displayName: account.displayName, organisationId: account.organisationId };
    if (account.kind !== 'commune') return { ...base, role: account.kind, communeInsee: null };
    const seat = await this.seats.seatOf(account.id);
    // Without a seat a commune account keeps its identity but no commune: every file is closed to it.
    return { ...base, role: seat?.seat === 'mayor' ? 'commune_mayor' : 'commune_member', communeInsee: seat?.communeInsee ?? null };
  }
}
