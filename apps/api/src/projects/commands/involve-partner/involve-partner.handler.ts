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
    await this.runner.assertVisible(projectId, actor);
    // An organisation working with the person's Département (another Département's is unknown here, issue #17).
    if (!(await this.organisations.get(command.organisationId, actor.departement ?? undefined))) {
      throw new DomainError('unknown_organisation', 'Cette organisation partenaire n’existe pas.', 'invalid', 'organisationId');
    }
    return this.runner.run(projectId, command, actor, options);
  }
}
