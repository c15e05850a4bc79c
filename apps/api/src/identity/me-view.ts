import { Injectable } from '@nestjs/common';
import type { Account } from '@carnet/account-store';
import type { Me, SeatKind } from '@carnet/contracts';
import { actorOf } from '../shared/actor-of.js';
import { CommuneCatalog } from '../communes/commune-catalog.js';
import { OrganisationDirectory } from '../communes/organisation-directory.js';
import { SeatDirectory } from '../communes/seat-directory.js';

/** Builds `Me` for an account: its role and commune come from the seat it holds now. */
@Injectable()
export class MeView {
  constructor(
    private readonly seats: SeatDirectory,
    private readonly communes: CommuneCatalog,
    private readonly organisations: OrganisationDirectory,
  ) {}

  async of(account: Account, csrfToken: string): Promise<Me> {
    const seat = account.kind === 'commune' ? await this.seats.seatOf(account.id) : null;
    const { role } = actorOf(account, seat, this.communes.departement);
    const organisation = account.organisationId ? await this.organisations.get(account.organisationId) : null;
    return {
      id: account.id,
      name: account.displayName,
      email: account.email,
      role,
      communeInsee: seat?.communeInsee ?? null,
      communeName: seat ? this.communes.nameOf(seat.communeInsee) : null,
      seat: (seat?.seat as SeatKind | undefined) ?? null,
      organisationId: account.organisationId,
      organisationName: organisation?.name ?? null,
      roleForm: account.roleForm ?? null,
      csrfToken,
    };
  }
}
