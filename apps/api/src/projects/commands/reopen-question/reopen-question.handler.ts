import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandAccepted } from '@carnet/contracts';
import { ProjectCommandRunner } from '../../project-command.runner.js';
import { ReopenQuestionCommand } from './reopen-question.command.js';

@CommandHandler(ReopenQuestionCommand)
export class ReopenQuestionHandler implements ICommandHandler<ReopenQuestionCommand> {
  constructor(private readonly runner: ProjectCommandRunner) {}

  execute({ projectId, command, actor, options }: ReopenQuestionCommand): Promise<CommandAccepted> {
    return this.runner.run(projectId, command, actor, options);
  }
}
