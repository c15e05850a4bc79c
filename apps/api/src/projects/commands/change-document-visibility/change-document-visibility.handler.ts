import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandAccepted } from '@carnet/contracts';
import { ProjectCommandRunner } from '../../project-command.runner.js';
import { ChangeDocumentVisibilityCommand } from './change-document-visibility.command.js';

@CommandHandler(ChangeDocumentVisibilityCommand)
export class ChangeDocumentVisibilityHandler implements ICommandHandler<ChangeDocumentVisibilityCommand> {
  constructor(private readonly runner: ProjectCommandRunner) {}

  execute({ projectId, command, actor, options }: ChangeDocumentVisibilityCommand): Promise<CommandAccepted> {
    return this.runner.run(projectId, command, actor, options);
  }
}
