import { Command } from '@nestjs/cqrs';
import type { CommandAccepted } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import type { CommandOptions } from '../../../shared/command-options.js';
import type { SimulationInputsDto } from '../../simulation-inputs.dto.js';

/** Keep an estimate on a project: a SimulationRun event with its inputs, rule set version and outputs. */
export class SaveSimulationCommand extends Command<CommandAccepted> {
  constructor(
    readonly projectId: string,
    readonly actor: Actor,
    readonly options: CommandOptions,
    readonly inputs: SimulationInputsDto,
  ) {
    super();
  }
}
