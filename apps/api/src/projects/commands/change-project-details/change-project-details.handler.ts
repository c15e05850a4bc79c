import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandAccepted } from '@carnet/contracts';
import { ProjectCommandRunner } from '../../project-command.runner.js';
import { ChangeProjectDetailsCommand } from './change-project-details.command.js';

@CommandHandler(ChangeProjectDetailsCommand)
export class ChangeProjectDetailsHandler implements ICommandHandler<ChangeProjectDetailsCommand> {
  constructor(private readonly runner: ProjectCommandRunner) {}

  execute({ projectId, command, actor, options }: ChangeProjectDetailsCommand): Promise<CommandAccepted> {
    return this.runner.run(projectId, command, actor, options);
  }
}
