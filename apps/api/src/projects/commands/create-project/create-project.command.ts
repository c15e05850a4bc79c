import { Command } from '@nestjs/cqrs';
import type { CommandAccepted } from '@carnet/contracts';
import type { Actor, ProjectTheme } from '@carnet/domain';
import type { CommandOptions } from '../../../shared/command-options.js';

export class CreateProjectCommand extends Command<CommandAccepted> {
  constructor(
    readonly actor: Actor,
    readonly options: CommandOptions,
    readonly payload: { codeInsee: string; title: string; description: string; theme: ProjectTheme; estimatedCostHt: number | null },
  ) {
    super();
  }
}
