import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { SimulationView } from '@carnet/contracts';
import { DomainError, departementOfCommune, isCommuneRole, simulate } from '@carnet/domain';
import { CommuneCatalog } from '../../../communes/commune-catalog.js';
import { APP_CONFIG, type AppConfig } from '../../../config.js';
import { CLOCK, type Clock } from '../../../infrastructure/tokens.js';
import { ReadModels } from '../../../shared/read-models.js';
import { ruleSetVersions } from '../../financing-views.js';
import { simulationInputs, versionFor } from '../../simulation-inputs.js';
import { SimulateQuery } from './simulate.query.js';

/** An estimate that is not kept: computed with the rules in force at the planned start (or today). */
@QueryHandler(SimulateQuery)
export class SimulateHandler implements IQueryHandler<SimulateQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly communes: CommuneCatalog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ actor, inputs }: SimulateQuery): Promise<SimulationView> {
    // A commune member estimates for their own commune.
    const codeInsee = isCommuneRole(actor.role) ? actor.communeInsee! : inputs.codeInsee;
    if (!codeInsee) throw new DomainError('required', 'Choisissez la commune.', 'invalid', 'codeInsee');
    // Staff estimate for their own Département's communes (issue #17): another's is not one of theirs (422, as an unknown code).
    const otherDepartement = !!actor.departement && departementOfCommune(codeInsee) !== actor.departement;
    const complete = simulationInputs(inputs, otherDepartement ? undefined : this.communes.get(codeInsee));
    const set = await this.readModels.current();
    const version = versionFor(await ruleSetVersions(set, departementOfCommune(codeInsee)), complete.plannedStart, this.clock.now());
    return { inputs: complete, outputs: simulate(complete, version) };
  }
}
