import { Controller, Get, Query as QueryParams, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@carnet/domain';
import type { Request, Response } from 'express';
import { CurrentActor } from '../../../shared/current-actor.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { MapProjectCollectionDto } from '../../map.dto.js';
import { GetMapProjectsQuery } from './get-map-projects.query.js';
import { GetMapProjectsRequestDto } from './get-map-projects.request.dto.js';

@ApiTags('Carte')
@Controller('map')
export class GetMapProjectsHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('projects')
  @ApiOperation({
    summary: 'Projets sur la carte (GeoJSON compact)',
    description:
      'Les projets que la personne connectée peut voir (sa commune, ceux de son organisation partenaire, ou tous pour le Département), avec les filtres de la liste des projets : un point par projet — le point précis, sinon le centroïde de la commune.',
  })
  @ApiProduces('application/geo+json')
  @ApiOkResponse({ type: MapProjectCollectionDto, content: { 'application/geo+json': { schema: { $ref: '#/components/schemas/MapProjectCollectionDto' } } } })
  @ProblemResponses(400, 401, 503)
  async list(@QueryParams() params: GetMapProjectsRequestDto, @CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response): Promise<void> {
    const answer = await this.queryBus.execute(
      new GetMapProjectsQuery({ commune: params.commune, step: params.step, theme: params.theme, q: params.q, minPosition: params.minPosition }, actor),
    );
    // Gzipped once with the answer: what a phone downloads for a département-wide map is a tenth of the JSON.
    const gzip = /\bgzip\b/.test(req.header('accept-encoding') ?? '');
    const bytes = gzip ? answer.gzip : answer.json;
    res.status(200).setHeader('Content-Type', 'application/geo+json; charset=utf-8');
    res.setHeader('Cache-Control', 'private, no-cache');
    res.setHeader('Vary', 'Accept-Encoding, Cookie');
    if (gzip) res.setHeader('Content-Encoding', 'gzip');
    res.setHeader('Content-Length', String(bytes.length));
    res.end(bytes);
  }
}
