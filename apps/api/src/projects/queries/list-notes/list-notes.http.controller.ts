import { Controller, Get, Param, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { NoteView } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import { OptionalActor } from '../../../shared/current-actor.js';
import { MinPositionPipe, MinPositionQuery } from '../../../shared/min-position.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { UuidParam } from '../../../shared/uuid-param.js';
import { ListNotesQuery } from './list-notes.query.js';

@ApiTags('Questions et échanges')
@Controller('projects')
export class ListNotesHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id/notes')
  @ApiOperation({ summary: 'Les notes internes du projet (Département, auditeurs et partenaires associés ; jamais la commune)' })
  @MinPositionQuery()
  @ProblemResponses(400, 403, 404, 503)
  list(
    @Param('id', UuidParam) id: string,
    @OptionalActor() actor: Actor | null,
    @QueryParam('minPosition', MinPositionPipe) minPosition?: number,
  ): Promise<NoteView[]> {
    return this.queryBus.execute(new ListNotesQuery(id, actor, minPosition));
  }
}
