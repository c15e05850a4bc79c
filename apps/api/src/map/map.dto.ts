import { ApiProperty } from '@nestjs/swagger';
import { PROJECT_STEPS, PROJECT_THEMES } from '@carnet/domain';
import { OUTLINES_ATTRIBUTION, type MapProjectCollection, type MapProjectFeature, type MapProjectProperties } from '@carnet/contracts';

/* The shapes of the map endpoints, as documented in OpenAPI (issue #10). */

class MapPointDto {
  @ApiProperty({ enum: ['Point'] }) type!: 'Point';
  @ApiProperty({ type: [Number], minItems: 2, maxItems: 2, description: '[longitude, latitude] WGS 84', example: [1.98765, 49.08912] })
  coordinates!: [number, number];
}

class MapProjectPropertiesDto implements MapProjectProperties {
  @ApiProperty({ example: 'Réfection de la toiture de l’école' }) title!: string;
  @ApiProperty({ description: 'Code INSEE de la commune', example: '95002' }) commune!: string;
  @ApiProperty({ enum: PROJECT_STEPS, example: 'travaux' }) step!: MapProjectProperties['step'];
  @ApiProperty({ enum: PROJECT_THEMES, example: 'ecole' }) theme!: MapProjectProperties['theme'];
  @ApiProperty({ description: 'Questions en attente de réponse', example: 1 }) openQuestions!: number;
  @ApiProperty({ description: 'Une question attend depuis plus de QUESTION_OVERDUE_DAYS jours (« en retard »)', example: false }) overdue!: boolean;
  @ApiProperty({ description: 'true : point précis placé par la commune ou le Département ; false : centroïde de la commune', example: true }) precise!: boolean;
}

class MapProjectFeatureDto implements MapProjectFeature {
  @ApiProperty({ enum: ['Feature'] }) type!: 'Feature';
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    type: 'object',
    nullable: true,
    properties: { type: { type: 'string', enum: ['Point'] }, coordinates: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2, description: '[longitude, latitude] WGS 84' } },
    required: ['type', 'coordinates'],
    description: 'null : ni point précis ni contour connu pour la commune',
  })
  geometry!: MapPointDto | null;
  @ApiProperty({ type: MapProjectPropertiesDto }) properties!: MapProjectPropertiesDto;
}

export class MapProjectCollectionDto implements MapProjectCollection {
  @ApiProperty({ enum: ['FeatureCollection'] }) type!: 'FeatureCollection';
  @ApiProperty({ type: [MapProjectFeatureDto] }) features!: MapProjectFeatureDto[];
  @ApiProperty({ description: 'Source des contours des communes', example: OUTLINES_ATTRIBUTION }) attribution!: string;
}

class OutlineGeometryDto {
  @ApiProperty({ enum: ['Polygon', 'MultiPolygon'] }) type!: string;
  @ApiProperty({ type: 'array', items: {}, description: 'Anneaux [longitude, latitude] WGS 84 (RFC 7946)' }) coordinates!: unknown[];
}
class OutlinePropertiesDto {
  @ApiProperty({ description: 'Code INSEE (2018)', example: '95002' }) code!: string;
  @ApiProperty({ example: 'Ableiges' }) nom!: string;
}
class OutlineFeatureDto {
  @ApiProperty({ enum: ['Feature'] }) type!: 'Feature';
  @ApiProperty({ type: OutlineGeometryDto }) geometry!: OutlineGeometryDto;
  @ApiProperty({ type: OutlinePropertiesDto }) properties!: OutlinePropertiesDto;
}
class DepartementOutlinePropertiesDto {
  @ApiProperty({ description: 'Code du département', example: '95' }) code!: string;
  @ApiProperty({ example: 'Val-d’Oise' }) nom!: string;
}
class DepartementOutlineFeatureDto {
  @ApiProperty({ enum: ['Feature'] }) type!: 'Feature';
  @ApiProperty({ type: OutlineGeometryDto }) geometry!: OutlineGeometryDto;
  @ApiProperty({ type: DepartementOutlinePropertiesDto }) properties!: DepartementOutlinePropertiesDto;
}
export class DepartementOutlinesDto {
  @ApiProperty({ enum: ['FeatureCollection'] }) type!: 'FeatureCollection';
  @ApiProperty({ type: [DepartementOutlineFeatureDto] }) features!: DepartementOutlineFeatureDto[];
}
export class CommuneOutlinesDto {
  @ApiProperty({ enum: ['FeatureCollection'] }) type!: 'FeatureCollection';
  @ApiProperty({ type: [OutlineFeatureDto] }) features!: OutlineFeatureDto[];
}

export class MapSettingsDto {
  @ApiProperty({ type: String, nullable: true, description: 'Tuiles raster {z}/{x}/{y} (MAP_TILE_URL) ; null : contours sur fond uni, sans réseau', example: null })
  tileUrl!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Source du fond de carte (MAP_TILE_ATTRIBUTION)', example: null })
  tileAttribution!: string | null;
  @ApiProperty({ description: 'Source des contours des communes, toujours affichée', example: OUTLINES_ATTRIBUTION }) outlinesAttribution!: string;
}
