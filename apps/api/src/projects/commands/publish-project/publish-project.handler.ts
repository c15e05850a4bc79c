import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandAccepted } from '@carnet/contracts';
import { ProjectCommandRunner } from '../../project-command.runner.js';
import { PublishProjectCommand } from './publish-project.command.js';

@CommandHandler(PublishProjectCommand)
export class PublishProjectHandler implements ICommandHandler<PublishProjectCommand> {
  constructor(private readonly runner: ProjectCommandRunner) {}

  execute({ projectId, command, actor, options }: PublishProjectCommand): Promise<CommandAccepted> {
    return this.runner.run(projectId, command, actor, options);
  }
}
