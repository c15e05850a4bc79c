import { Inject } from '@nestjs/common';
import { departementOfCommune } from '@carnet/domain';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandAccepted } from '@carnet/contracts';
import { ruleSetDecider, ruleSetStreamId } from '@carnet/domain';
import { CommuneCatalog } from '../../../communes/commune-catalog.js';
import { APP_CONFIG, type AppConfig } from '../../../config.js';
import { CLOCK, type Clock } from '../../../infrastructure/tokens.js';
import { DeciderRunner } from '../../../shared/decider-runner.js';
import { ProjectCommandRunner } from '../../../projects/project-command.runner.js';
import { projectNotFound } from '../../../projects/project-access.js';
import { simulationInputs, versionFor } from '../../simulation-inputs.js';
import { SaveSimulationCommand } from './save-simulation.command.js';

@CommandHandler(SaveSimulationCommand)
export class SaveSimulationHandler implements ICommandHandler<SaveSimulationCommand> {
  constructor(
    private readonly projects: ProjectCommandRunner,
    private readonly runner: DeciderRunner,
    private readonly communes: CommuneCatalog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ projectId, actor, options, inputs }: SaveSimulationCommand): Promise<CommandAccepted> {
    const { state } = await this.projects.state(projectId);
    if (!state.exists) throw projectNotFound(projectId);
    // The estimate is about the project's commune, whatever the request says.
    const complete = simulationInputs(inputs, this.communes.get(state.codeInsee));
    const rules = await this.runner.state(ruleSetDecider, ruleSetStreamId(departementOfCommune(state.codeInsee)));
    const version = versionFor(rules.state.versions, complete.plannedStart, this.clock.now());
    return this.projects.run(projectId, { type: 'SaveSimulation', inputs: complete, ruleSet: version }, actor, options);
  }
}
