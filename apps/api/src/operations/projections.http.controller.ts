import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@carnet/domain';
import type { EventStore } from '@carnet/event-store';
import type { ProjectionRunner } from '@carnet/read-store';
import { EVENT_STORE, PROJECTION_RUNNER } from '../infrastructure/tokens.js';
import { CurrentActor } from '../shared/current-actor.js';
import { ProblemResponses } from '../shared/openapi.js';
import { ProblemException } from '../shared/problem.js';
import { ProjectionDetailDto, ProjectionsReportDto } from './operations.dto.js';
import { ProjectionStatus } from './projection-status.js';

function adminOnly(actor: Actor): void {
  if (actor.role !== 'departement_admin') {
    throw new ProblemException(403, 'forbidden', 'Action non autorisée', 'Seul un administrateur du Département consulte l’état des projections.');
  }
}

/**
 * The projections as an administrator inspects them (ADR 0022): where each one is, how far behind
 * the log, and for one stopped on a poison event, that event as stored.
 */
@ApiTags('Administration')
@Controller('admin/projections')
export class ProjectionsHttpController {
  constructor(
    private readonly status: ProjectionStatus,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
  ) {}

  @Get()
  @ApiOperation({ summary: 'État des projections : position, retard, projections arrêtées sur un événement' })
  @ApiOkResponse({ type: ProjectionsReportDto })
  @ProblemResponses(401, 403)
  list(@CurrentActor() actor: Actor) {
    adminOnly(actor);
    return this.status.report();
  }

  @Get(':projection')
  @ApiOperation({ summary: 'Une projection ; si elle est arrêtée, l’événement sur lequel elle s’est arrêtée, tel qu’il est stocké' })
  @ApiOkResponse({ type: ProjectionDetailDto })
  @ProblemResponses(401, 403, 404)
  async one(@Param('projection') name: string, @CurrentActor() actor: Actor) {
    adminOnly(actor);
    if (!this.runner.projectionNames.includes(name)) {
      throw new ProblemException(404, 'projection_not_found', 'Cette projection n’existe pas.', `Projections : ${this.runner.projectionNames.join(', ')}.`);
    }
    const state = (await this.status.report()).projections.find((p) => p.projection === name)!;
    const [event] = state.stopped ? await this.events.readAll({ after: state.stopped.position - 1, maxCount: 1 }) : [];
    return { ...state, event: event ?? null };
  }
}
