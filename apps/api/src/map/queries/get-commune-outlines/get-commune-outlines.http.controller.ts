import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { DEPARTEMENT_CODES } from '../../../communes/commune-catalog.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { ProblemException } from '../../../shared/problem.js';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../../../config.js';
import { sendPublic } from '../../../public/http/http-cache.js';
import { outlinesBytes } from '../../../shared/geo/commune-outlines.js';
import { CommuneOutlinesDto } from '../../map.dto.js';

/** The bundled outlines of the communes (open data), one Département at a time: every map draws them, without any tile server. */
@ApiTags('Carte')
@Controller('map')
export class GetCommuneOutlinesHttpController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get('communes.geojson')
  @ApiOperation({
    summary: 'Contours des communes d’un département servi (GeoJSON, sans authentification) ; par défaut le premier servi',
    description: 'Source : IGN Admin Express COG 2018 et INSEE, via gregoiredavid/france-geojson — Licence Ouverte / Open Licence (Etalab). Codes INSEE de 2018.',
  })
  @ApiProduces('application/geo+json')
  @ApiOkResponse({ type: CommuneOutlinesDto, content: { 'application/geo+json': { schema: { $ref: '#/components/schemas/CommuneOutlinesDto' } } } })
  @ApiQuery({ name: 'departement', required: false, description: 'Code du département (95, 78, 2A…), l’un de ceux que sert l’instance', schema: { type: 'string', pattern: `^(${DEPARTEMENT_CODES.join('|')})$` } })
  @ApiResponse({ status: 304, description: 'Inchangé depuis l’ETag envoyé en If-None-Match' })
  @ProblemResponses(400, 404)
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'ETag d’une réponse précédente : 304 si rien n’a changé' })
  outlines(@Req() req: Request, @Res() res: Response, @Query('departement') asked?: unknown): void {
    if (asked !== undefined && (typeof asked !== 'string' || !DEPARTEMENT_CODES.includes(asked))) {
      const message = 'Le département doit être un code officiel, par exemple 95, 2A ou 971.';
      throw new ProblemException(400, 'validation', 'Certains champs sont invalides', message, [{ field: 'departement', message }]);
    }
    const departement = asked ?? this.config.departement;
    const bytes = this.config.departements.includes(departement) ? outlinesBytes(departement) : null;
    if (!bytes) throw new ProblemException(404, 'departement_not_served', 'Département non servi', `Cette instance ne sert pas le département ${departement}, ou n’a pas les contours de ses communes.`);
    res.setHeader('Access-Control-Allow-Origin', '*');
    sendPublic(req, res, bytes, 'application/geo+json', Math.max(this.config.publicApi.cacheSeconds, 3600));
  }
}
