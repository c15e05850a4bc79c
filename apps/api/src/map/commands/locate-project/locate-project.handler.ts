import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandAccepted } from '@carnet/contracts';
import { ProjectCommandRunner } from '../../../projects/project-command.runner.js';
import { LocateProjectCommand } from './locate-project.command.js';

/** Places a project: the decider checks the point against the commune's outline (ADR 0017). */
@CommandHandler(LocateProjectCommand)
export class LocateProjectHandler implements ICommandHandler<LocateProjectCommand> {
  constructor(private readonly runner: ProjectCommandRunner) {}

  execute({ projectId, command, actor, options }: LocateProjectCommand): Promise<CommandAccepted> {
    return this.runner.run(projectId, command, actor, options);
  }
}
