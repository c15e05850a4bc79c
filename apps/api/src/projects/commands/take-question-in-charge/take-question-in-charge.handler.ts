import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandAccepted } from '@carnet/contracts';
import { ProjectCommandRunner } from '../../project-command.runner.js';
import { TakeQuestionInChargeCommand } from './take-question-in-charge.command.js';

@CommandHandler(TakeQuestionInChargeCommand)
export class TakeQuestionInChargeHandler implements ICommandHandler<TakeQuestionInChargeCommand> {
  constructor(private readonly runner: ProjectCommandRunner) {}

  execute({ projectId, command, actor, options }: TakeQuestionInChargeCommand): Promise<CommandAccepted> {
    return this.runner.run(projectId, command, actor, options);
  }
}
