import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OUTLINES_ATTRIBUTION, type MapSettings } from '@carnet/contracts';
import { APP_CONFIG, type AppConfig } from '../../../config.js';
import { MapSettingsDto } from '../../map.dto.js';

/** The base map of every map (MAP_TILE_URL, MAP_TILE_ATTRIBUTION) and the outlines' source. No login. */
@ApiTags('Carte')
@Controller('map')
export class GetMapSettingsHttpController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get('settings')
  @ApiOperation({ summary: 'Fond de carte configuré (tuiles) et sources à afficher sous chaque carte' })
  @ApiOkResponse({ type: MapSettingsDto })
  get(): MapSettings {
    return { tileUrl: this.config.map.tileUrl, tileAttribution: this.config.map.tileAttribution, outlinesAttribution: OUTLINES_ATTRIBUTION };
  }
}
