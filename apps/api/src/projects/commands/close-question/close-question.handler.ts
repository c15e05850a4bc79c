import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandAccepted } from '@carnet/contracts';
import { ProjectCommandRunner } from '../../project-command.runner.js';
import { CloseQuestionCommand } from './close-question.command.js';

@CommandHandler(CloseQuestionCommand)
export class CloseQuestionHandler implements ICommandHandler<CloseQuestionCommand> {
  constructor(private readonly runner: ProjectCommandRunner) {}

  execute({ projectId, command, actor, options }: CloseQuestionCommand): Promise<CommandAccepted> {
    return this.runner.run(projectId, command, actor, options);
  }
}
