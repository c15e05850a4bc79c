import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccountStore } from '@carnet/account-store';
import type { AdminCommuneRow } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import { ACCOUNT_STORE, CLOCK, type Clock } from '../../../infrastructure/tokens.js';
import { CurrentActor } from '../../../shared/current-actor.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { PeopleDirectory } from '../../../shared/people-directory.js';
import { CommuneCatalog } from '../../commune-catalog.js';
import { assertStaff } from '../../commune-access.js';
import { SeatDirectory } from '../../seat-directory.js';

@ApiTags('Administration')
@Controller('admin/communes')
export class AdminListCommunesHttpController {
  constructor(
    private readonly catalog: CommuneCatalog,
    private readonly seats: SeatDirectory,
    private readonly people: PeopleDirectory,
    @Inject(ACCOUNT_STORE) private readonly accounts: AccountStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Toutes les communes du département avec leurs places et invitations en attente' })
  @ProblemResponses(401, 403)
  async list(@CurrentActor() actor: Actor): Promise<AdminCommuneRow[]> {
    assertStaff(actor);
    const seatDocs = await this.seats.allSeatDocs();
    const pending = await this.accounts.listPendingInvitations({ kind: 'commune' }, this.clock.now().toISOString());
    const pendingByCommune = new Map<string, number>();
    for (const invitation of pending) {
      if (invitation.communeInsee) pendingByCommune.set(invitation.communeInsee, (pendingByCommune.get(invitation.communeInsee) ?? 0) + 1);
    }
    const mayors = await this.people.get([...seatDocs.values()].flatMap((d) => (d.mayor ? [d.mayor.userId] : [])));
    // The communes of the person's Département (an instance may serve several, issue #17).
    return this.catalog.all(actor.departement ?? this.catalog.departement).map((c) => {
      const doc = seatDocs.get(c.codeInsee);
      const mayorId = doc?.mayor?.userId;
      return {
        codeInsee: c.codeInsee,
        name: c.name,
        population: c.population,
        eligible: c.eligible,
        mayor: mayorId ? { userId: mayorId, name: mayors.get(mayorId)?.displayName ?? 'Personne inconnue' } : null,
        collaborators: doc?.collaborators.length ?? 0,
        pendingInvitations: pendingByCommune.get(c.codeInsee) ?? 0,
      };
    });
  }
}
