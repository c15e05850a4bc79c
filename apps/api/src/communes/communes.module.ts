import { Module } from '@nestjs/common';
import { CommuneCatalog } from './commune-catalog.js';
import { CommuneParam } from './commune-param.js';
import { CommuneSeatCommands } from './commune-seat.commands.js';
import { CreateOrganisationHttpController } from './commands/create-organisation/create-organisation.http.controller.js';
import { ReleaseSeatHttpController } from './commands/release-seat/release-seat.http.controller.js';
import { TransferMayorSeatHttpController } from './commands/transfer-mayor-seat/transfer-mayor-seat.http.controller.js';
import { OrganisationDirectory } from './organisation-directory.js';
import { AdminListCommunesHttpController } from './queries/admin-list-communes/admin-list-communes.http.controller.js';
import { GetCommuneHttpController } from './queries/get-commune/get-commune.http.controller.js';
import { GetCommuneMembersHttpController } from './queries/get-commune-members/get-commune-members.http.controller.js';
import { ListCommunesHandler } from './queries/list-communes/list-communes.handler.js';
import { ListCommunesHttpController } from './queries/list-communes/list-communes.http.controller.js';
import { ListDepartementsHttpController } from './queries/list-departements/list-departements.http.controller.js';
import { ListOrganisationsHttpController } from './queries/list-organisations/list-organisations.http.controller.js';
import { SeatDirectory } from './seat-directory.js';

/** Communes (reference data), their seats, and partner organisations. */
@Module({
  controllers: [
    ListCommunesHttpController,
    GetCommuneMembersHttpController,
    GetCommuneHttpController,
    ReleaseSeatHttpController,
    TransferMayorSeatHttpController,
    AdminListCommunesHttpController,
    ListOrganisationsHttpController,
    CreateOrganisationHttpController,
    ListDepartementsHttpController,
  ],
  providers: [CommuneCatalog, CommuneParam, ListCommunesHandler, SeatDirectory, OrganisationDirectory, CommuneSeatCommands],
  exports: [CommuneCatalog, SeatDirectory, OrganisationDirectory, CommuneSeatCommands],
})
export class CommunesModule {}
