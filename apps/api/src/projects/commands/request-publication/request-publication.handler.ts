import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandAccepted } from '@carnet/contracts';
import { ProjectCommandRunner } from '../../project-command.runner.js';
import { RequestPublicationCommand } from './request-publication.command.js';

@CommandHandler(RequestPublicationCommand)
export class RequestPublicationHandler implements ICommandHandler<RequestPublicationCommand> {
  constructor(private readonly runner: ProjectCommandRunner) {}

  execute({ projectId, command, actor, options }: RequestPublicationCommand): Promise<CommandAccepted> {
    return this.runner.run(projectId, command, actor, options);
  }
}
