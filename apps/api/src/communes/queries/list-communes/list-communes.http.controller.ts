import { Controller, Get, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { CommuneView } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import { OptionalActor } from '../../../shared/current-actor.js';
import { ListCommunesQuery } from './list-communes.query.js';

@ApiTags('Communes')
@Controller('communes')
export class ListCommunesHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Les communes du département, avec leur nombre de projets' })
  @ApiQuery({ name: 'withProjects', required: false, description: '« true » : seulement les communes qui ont au moins un projet' })
  list(@OptionalActor() actor: Actor | null, @QueryParam('withProjects') withProjects?: string): Promise<CommuneView[]> {
    return this.queryBus.execute(new ListCommunesQuery(withProjects === 'true', actor));
  }
}
