import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandAccepted } from '@carnet/contracts';
import { ProjectCommandRunner } from '../../project-command.runner.js';
import { RevisePublicationCommand } from './revise-publication.command.js';

@CommandHandler(RevisePublicationCommand)
export class RevisePublicationHandler implements ICommandHandler<RevisePublicationCommand> {
  constructor(private readonly runner: ProjectCommandRunner) {}

  execute({ projectId, command, actor, options }: RevisePublicationCommand): Promise<CommandAccepted> {
    return this.runner.run(projectId, command, actor, options);
  }
}
