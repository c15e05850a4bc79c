import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, ProjectSummary } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import { OptionalActor } from '../../../shared/current-actor.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { ListProjectsQuery } from './list-projects.query.js';
import { ListProjectsRequestDto } from './list-projects.request.dto.js';

@ApiTags('Projets')
@Controller('projects')
export class ListProjectsHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Lister les projets (filtres : commune, étape, thème, texte)' })
  @ProblemResponses(400, 503)
  list(@QueryParams() params: ListProjectsRequestDto, @OptionalActor() actor: Actor | null): Promise<Page<ProjectSummary>> {
    return this.queryBus.execute(
      new ListProjectsQuery({
        commune: params.commune,
        step: params.step,
        theme: params.theme,
        q: params.q,
        limit: params.limit ?? 50,
        offset: params.offset ?? 0,
        minPosition: params.minPosition,
      }, actor),
    );
  }
}
