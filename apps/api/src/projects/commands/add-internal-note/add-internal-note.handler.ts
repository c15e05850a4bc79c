import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandAccepted } from '@carnet/contracts';
import { ProjectCommandRunner } from '../../project-command.runner.js';
import { AddInternalNoteCommand } from './add-internal-note.command.js';

@CommandHandler(AddInternalNoteCommand)
export class AddInternalNoteHandler implements ICommandHandler<AddInternalNoteCommand> {
  constructor(private readonly runner: ProjectCommandRunner) {}

  execute({ projectId, command, actor, options }: AddInternalNoteCommand): Promise<CommandAccepted> {
    return this.runner.run(projectId, command, actor, options);
  }
}
