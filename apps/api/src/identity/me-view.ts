import { Injectable } from '@nestjs/common';
import type { Account } from '@carnet/account-store';
import type { Me, SeatKind } from '@carnet/contracts';
import { actorOf } from '../shared/actor-of.js';
import { departementOfCommune } from '@carnet/domain';
import { CommuneCatalog, DEPARTEMENT_NAMES, OF_DEPARTEMENT } from '../communes/commune-catalog.js';
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
    const actor = actorOf(account, seat, this.communes.departement);
    const departement = actor.departement ?? (seat ? departementOfCommune(seat.communeInsee) : null);
    const organisation = account.organisationId ? await this.organisations.get(account.organisationId) : null;
    return {
      id: account.id,
      name: account.displayName,
      email: account.email,
      role: actor.role,
      communeInsee: seat?.communeInsee ?? null,
      communeName: seat ? this.communes.nameOf(seat.communeInsee) : null,
      seat: (seat?.seat as SeatKind | undefined) ?? null,
      organisationId: account.organisationId,
      organisationName: organisation?.name ?? null,
      roleForm: account.roleForm ?? null,
      departement,
      departementName: departement ? (DEPARTEMENT_NAMES.get(departement) ?? null) : null,
      ofDepartement: departement ? (OF_DEPARTEMENT.get(departement) ?? null) : null,
      csrfToken,
    };
  }
}
