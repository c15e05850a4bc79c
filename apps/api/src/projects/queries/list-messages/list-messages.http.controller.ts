import { Controller, Get, Param, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MessageView } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import { OptionalActor } from '../../../shared/current-actor.js';
import { MinPositionPipe, MinPositionQuery } from '../../../shared/min-position.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { UuidParam } from '../../../shared/uuid-param.js';
import { ListMessagesQuery } from './list-messages.query.js';

@ApiTags('Questions et échanges')
@Controller('projects')
export class ListMessagesHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id/messages')
  @ApiOperation({ summary: 'La conversation du projet entre la commune et le Département' })
  @MinPositionQuery()
  @ProblemResponses(400, 403, 404, 503)
  list(
    @Param('id', UuidParam) id: string,
    @OptionalActor() actor: Actor | null,
    @QueryParam('minPosition', MinPositionPipe) minPosition?: number,
  ): Promise<MessageView[]> {
    return this.queryBus.execute(new ListMessagesQuery(id, actor, minPosition));
  }
}
