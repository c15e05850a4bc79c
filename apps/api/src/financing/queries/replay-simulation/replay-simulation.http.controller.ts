import { Controller, Get, Param, Query as QueryParam } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { SimulationReplayView } from '@carnet/contracts';
import { simulate, type Actor } from '@carnet/domain';
import { CurrentActor } from '../../../shared/current-actor.js';
import { MinPositionPipe } from '../../../shared/min-position.js';
import { ProblemResponses } from '../../../shared/openapi.js';
// Canonical JSON: a read model may store the keys of a document in another order.
import { fingerprint } from '../../../shared/fingerprint.js';
import { PeopleDirectory } from '../../../shared/people-directory.js';
import { ProblemException } from '../../../shared/problem.js';
import { ReadModels } from '../../../shared/read-models.js';
import { UuidParam } from '../../../shared/uuid-param.js';
import { canSeeProject, projectNotFound } from '../../../projects/project-access.js';
import type { ProjectDoc } from '../../../projects/projections/project.projection.js';
import { ruleSetVersions, toSimulationView } from '../../financing-views.js';
import type { ProjectFinancingDoc } from '../../projections/project-financing.projection.js';

@ApiTags('Financement')
@Controller('projects/:id/financing/simulations')
export class ReplaySimulationHttpController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly people: PeopleDirectory,
  ) {}

  @Get(':simulationId/replay')
  @ApiOperation({ summary: 'Rejouer une estimation enregistrée avec la version des règles qu’elle a utilisée, et dire si le résultat est identique à ce qui a été dit' })
  @ApiQuery({ name: 'minPosition', required: false })
  @ApiOkResponse({ description: 'Estimation enregistrée, résultat recalculé, identique ou non' })
  @ProblemResponses(400, 401, 404, 503)
  async replay(@Param('id', UuidParam) id: string, @Param('simulationId', UuidParam) simulationId: string, @CurrentActor() actor: Actor, @QueryParam('minPosition', MinPositionPipe) minPosition?: number): Promise<SimulationReplayView> {
    const set = await this.readModels.current(minPosition);
    const project = await set.get<ProjectDoc>('projects', id);
    if (!project || !canSeeProject(actor, project)) throw projectNotFound(id);
    const plan = await set.get<ProjectFinancingDoc>('project_financing', id);
    const saved = plan?.simulations.find((s) => s.id === simulationId);
    if (!saved) throw new ProblemException(404, 'simulation_not_found', 'Estimation introuvable', 'Cette estimation n’est pas enregistrée sur ce projet.');
    const version = (await ruleSetVersions(set, saved.ruleSetId)).find((v) => v.version === saved.ruleSetVersion);
    if (!version) throw new ProblemException(404, 'rule_set_not_found', 'Règles introuvables', `La version ${saved.ruleSetVersion} des règles n’est pas dans le journal.`);
    const replayed = simulate(saved.inputs, version);
    const view = await this.people.viewer([saved.byId]);
    return { saved: toSimulationView(saved, view), replayed, identical: fingerprint(replayed) === fingerprint(saved.outputs) };
  }
}
