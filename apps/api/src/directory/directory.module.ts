import { Module } from '@nestjs/common';
import { ArchiveContactHttpController } from './commands/archive-contact/archive-contact.http.controller.js';
import { SaveContactHttpController } from './commands/save-contact/save-contact.http.controller.js';
import { SetTeamsHttpController } from './commands/set-teams/set-teams.http.controller.js';
import { ContactDirectory } from './contact-directory.js';
import { ListContactsHttpController } from './queries/list-contacts/list-contacts.http.controller.js';
import { TeamDirectory } from './team-directory.js';

/** Who's who (issue #4): the contacts directory and the agents' teams, both in the account store, out of the log. */
@Module({
  controllers: [ListContactsHttpController, SaveContactHttpController, ArchiveContactHttpController, SetTeamsHttpController],
  providers: [ContactDirectory, TeamDirectory],
  exports: [ContactDirectory, TeamDirectory],
})
export class DirectoryModule {}
