import { Query } from '@nestjs/cqrs';
import type { SimulationView } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import type { SimulationInputsDto } from '../../simulation-inputs.dto.js';

export class SimulateQuery extends Query<SimulationView> {
  constructor(
    readonly actor: Actor,
    readonly inputs: SimulationInputsDto,
  ) {
    super();
  }
}
