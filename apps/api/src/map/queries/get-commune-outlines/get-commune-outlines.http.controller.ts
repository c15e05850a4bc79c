import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../../../config.js';
import { sendPublic } from '../../../public/http/http-cache.js';
import { outlinesBytes } from '../../../shared/geo/commune-outlines.js';
import { CommuneOutlinesDto } from '../../map.dto.js';

/** The bundled outlines of the communes (open data): every map draws them, without any tile server. */
@ApiTags('Carte')
@Controller('map')
export class GetCommuneOutlinesHttpController {
  private readonly bytes = outlinesBytes();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get('communes.geojson')
  @ApiOperation({
    summary: 'Contours des communes du Val-d’Oise (GeoJSON, sans authentification)',
    description: 'Source : IGN Admin Express COG 2018 et INSEE, via gregoiredavid/france-geojson — Licence Ouverte / Open Licence (Etalab). Codes INSEE de 2018.',
  })
  @ApiProduces('application/geo+json')
  @ApiOkResponse({ type: CommuneOutlinesDto, content: { 'application/geo+json': { schema: { $ref: '#/components/schemas/CommuneOutlinesDto' } } } })
  @ApiResponse({ status: 304, description: 'Inchangé depuis l’ETag envoyé en If-None-Match' })
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'ETag d’une réponse précédente : 304 si rien n’a changé' })
  outlines(@Req() req: Request, @Res() res: Response): void {
    res.setHeader('Access-Control-Allow-Origin', '*');
    sendPublic(req, res, this.bytes, 'application/geo+json', Math.max(this.config.publicApi.cacheSeconds, 3600));
  }
}
