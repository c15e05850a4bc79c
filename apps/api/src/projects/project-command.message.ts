import { Command } from '@nestjs/cqrs';
import type { CommandAccepted } from '@carnet/contracts';
import type { Actor, ProjectCommand } from '@carnet/domain';
import type { CommandOptions } from '../shared/command-options.js';

/** What every command on an existing project carries to its handler. */
export abstract class ProjectCommandMessage<C extends ProjectCommand = ProjectCommand> extends Command<CommandAccepted> {
  constructor(
    readonly projectId: string,
    readonly actor: Actor,
    readonly options: CommandOptions,
    readonly command: C,
  ) {
    super();
  }
}
