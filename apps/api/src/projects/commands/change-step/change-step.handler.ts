import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandAccepted } from '@carnet/contracts';
import { ProjectCommandRunner } from '../../project-command.runner.js';
import { ChangeStepCommand } from './change-step.command.js';

@CommandHandler(ChangeStepCommand)
export class ChangeStepHandler implements ICommandHandler<ChangeStepCommand> {
  constructor(private readonly runner: ProjectCommandRunner) {}

  execute({ projectId, command, actor, options }: ChangeStepCommand): Promise<CommandAccepted> {
    return this.runner.run(projectId, command, actor, options);
  }
}
