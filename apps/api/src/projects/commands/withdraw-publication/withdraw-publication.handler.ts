import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandAccepted } from '@carnet/contracts';
import { ProjectCommandRunner } from '../../project-command.runner.js';
import { WithdrawPublicationCommand } from './withdraw-publication.command.js';

@CommandHandler(WithdrawPublicationCommand)
export class WithdrawPublicationHandler implements ICommandHandler<WithdrawPublicationCommand> {
  constructor(private readonly runner: ProjectCommandRunner) {}

  execute({ projectId, command, actor, options }: WithdrawPublicationCommand): Promise<CommandAccepted> {
    return this.runner.run(projectId, command, actor, options);
  }
}
