import { Controller, Get, Inject, Param } from '@nestjs/common';
import type { AccountStore } from '@carnet/account-store';
import { ACCOUNT_STORE, CLOCK, type Clock } from '../../../infrastructure/tokens.js';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { COLLABORATOR_SEATS, type CommuneMembers, type MemberView } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import { CurrentActor } from '../../../shared/current-actor.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { PeopleDirectory } from '../../../shared/people-directory.js';
import { CommuneCatalog } from '../../commune-catalog.js';
import { assertCanSeeMembers } from '../../commune-access.js';
import { CommuneParam } from '../../commune-param.js';
import type { SeatHolder } from '../../projections/commune-seats.projection.js';
import { SeatDirectory } from '../../seat-directory.js';

@ApiTags('Communes')
@Controller('communes')
export class GetCommuneMembersHttpController {
  constructor(
    private readonly seats: SeatDirectory,
    private readonly people: PeopleDirectory,
    private readonly communes: CommuneCatalog,
    @Inject(ACCOUNT_STORE) private readonly accounts: AccountStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':codeInsee/members')
  @ApiOperation({ summary: 'Les quatre places de la commune : maire et collaborateurs' })
  @ProblemResponses(401, 403, 404)
  async members(@Param('codeInsee', CommuneParam) codeInsee: string, @CurrentActor() actor: Actor): Promise<CommuneMembers> {
    assertCanSeeMembers(actor, codeInsee);
    const doc = await this.seats.seatDoc(codeInsee);
    const pending = await this.accounts.listPendingInvitations({ communeInsee: codeInsee }, this.clock.now().toISOString());
    const reserved = pending.filter((i) => i.seat === 'collaborator').length;
    const holders = [...(doc.mayor ? [doc.mayor] : []), ...doc.collaborators];
    const accounts = await this.people.get(holders.map((h) => h.userId));
    const view = (h: SeatHolder, seat: MemberView['seat']): MemberView => {
      const account = accounts.get(h.userId);
      return { userId: h.userId, name: account?.displayName ?? 'Personne inconnue', email: account?.email ?? '', seat, since: h.since };
    };
    return {
      codeInsee,
      communeName: this.communes.nameOf(codeInsee),
      mayor: doc.mayor ? view(doc.mayor, 'mayor') : null,
      collaborators: doc.collaborators.map((c) => view(c, 'collaborator')),
      // A pending invitation reserves its seat: free means neither held nor reserved.
      freeCollaboratorSeats: Math.max(0, COLLABORATOR_SEATS - doc.collaborators.length - reserved),
    };
  }
}
