import { Controller, Get, Param, Query as QueryParam, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ProjectDetail } from '@carnet/contracts';
import type { Request, Response } from 'express';
import type { Actor } from '@carnet/domain';
import { OptionalActor } from '../../../shared/current-actor.js';
import { MinPositionPipe, MinPositionQuery } from '../../../shared/min-position.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { UuidParam } from '../../../shared/uuid-param.js';
import { GetProjectQuery } from './get-project.query.js';

@ApiTags('Projets')
@Controller('projects')
export class GetProjectHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id')
  @ApiOperation({ summary: 'Un projet : étape, avancement, questions et réponses. ETag = version du projet.' })
  @MinPositionQuery()
  @ProblemResponses(400, 404, 503)
  async get(
    @Param('id', UuidParam) id: string,
    @QueryParam('minPosition', MinPositionPipe) minPosition: number | undefined,
    @OptionalActor() actor: Actor | null,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProjectDetail | undefined> {
    const project = await this.queryBus.execute(new GetProjectQuery(id, actor, minPosition));
    const etag = `"${project.version}"`;
    res.setHeader('ETag', etag);
    res.setHeader('Cache-Control', 'private, no-cache');
    if (req.header('if-none-match') === etag) {
      res.status(304);
      return undefined;
    }
    return project;
  }
}
