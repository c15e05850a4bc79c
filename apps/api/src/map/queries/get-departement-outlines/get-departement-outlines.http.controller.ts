import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../../../config.js';
import { sendPublic } from '../../../public/http/http-cache.js';
import { departementOutlinesBytes } from '../../../shared/geo/departement-outlines.js';
import { DepartementOutlinesDto } from '../../map.dto.js';

/** The outlines of the Départements the instance serves (issue #17): what the national map draws. */
@ApiTags('Carte')
@Controller('map')
export class GetDepartementOutlinesHttpController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get('departements.geojson')
  @ApiOperation({
    summary: 'Contours des départements servis par l’instance (GeoJSON, sans authentification)',
    description:
      'Un contour par département servi, dans l’ordre de la configuration ; les départements d’outre-mer n’en ont pas (la carte nationale les liste sans les dessiner). ' +
      'Source : IGN Admin Express COG 2018 et INSEE, via gregoiredavid/france-geojson — Licence Ouverte / Open Licence (Etalab).',
  })
  @ApiProduces('application/geo+json')
  @ApiOkResponse({ type: DepartementOutlinesDto, content: { 'application/geo+json': { schema: { $ref: '#/components/schemas/DepartementOutlinesDto' } } } })
  @ApiResponse({ status: 304, description: 'Inchangé depuis l’ETag envoyé en If-None-Match' })
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'ETag d’une réponse précédente : 304 si rien n’a changé' })
  outlines(@Req() req: Request, @Res() res: Response): void {
    res.setHeader('Access-Control-Allow-Origin', '*');
    sendPublic(req, res, departementOutlinesBytes(this.config.departements), 'application/geo+json', Math.max(this.config.publicApi.cacheSeconds, 3600));
  }
}
