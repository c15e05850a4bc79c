import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandAccepted } from '@carnet/contracts';
import { DomainError } from '@carnet/domain';
import { OrganisationDirectory } from '../../../communes/organisation-directory.js';
import { ProjectCommandRunner } from '../../project-command.runner.js';
import { InvolvePartnerCommand } from './involve-partner.command.js';

@CommandHandler(InvolvePartnerCommand)
export class InvolvePartnerHandler implements ICommandHandler<InvolvePartnerCommand> {
  constructor(
    private readonly runner: ProjectCommandRunner,
    private readonly organisations: OrganisationDirectory,
  ) {}

  async execute({ projectId, command, actor, options }: InvolvePartnerCommand): Promise<CommandAccepted> {
    if (!(await this.organisations.get(command.organisationId))) {
      throw new DomainError('unknown_organisation', 'Cette organisation partenaire n’existe pas.', 'invalid', 'organisationId');
    }
    return this.runner.run(projectId, command, actor, options);
  }
}
