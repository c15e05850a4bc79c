import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandAccepted } from '@carnet/contracts';
import { ProjectCommandRunner } from '../../project-command.runner.js';
import { AskQuestionCommand } from './ask-question.command.js';

@CommandHandler(AskQuestionCommand)
export class AskQuestionHandler implements ICommandHandler<AskQuestionCommand> {
  constructor(private readonly runner: ProjectCommandRunner) {}

  execute({ projectId, command, actor, options }: AskQuestionCommand): Promise<CommandAccepted> {
    return this.runner.run(projectId, command, actor, options);
  }
}
