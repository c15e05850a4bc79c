import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROJECT_STEPS, PROJECT_THEMES } from '@carnet/domain';
import { COST_BANDS } from './projections/public-project.projection.js';
import type { PublicChangeItem, PublicCommune, PublicDocument, PublicProject, PublicProjectSummary } from './public-catalog.js';

/*
 * The shapes of the public API (/api/public/v1), as documented in OpenAPI: the contract test checks
 * every public answer against these schemas.
 */

const PROJECT_ID = '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b';

export class PublicLocationDto {
  @ApiProperty({ description: 'Longitude WGS 84 (degrés, 5 décimales)', example: 1.98765, minimum: -180, maximum: 180 }) longitude!: number;
  @ApiProperty({ description: 'Latitude WGS 84 (degrés, 5 décimales)', example: 49.08912, minimum: -90, maximum: 90 }) latitude!: number;
}

export class PublicProjectSummaryDto implements PublicProjectSummary {
  @ApiProperty({ format: 'uuid', example: PROJECT_ID }) id!: string;
  @ApiProperty({ description: 'Titre public approuvé par le maire', example: 'Réfection de la toiture de l’école élémentaire' }) title!: string;
  @ApiProperty({ example: 'Couverture refaite et combles isolés pendant l’été ; plus aucune infiltration.' }) summary!: string;
  @ApiProperty({ description: 'Code INSEE de la commune', example: '95002', pattern: '^\\d[\\dAB]\\d{3}$' }) codeInsee!: string;
  @ApiProperty({ example: 'Ableiges' }) communeName!: string;
  @ApiProperty({ enum: PROJECT_THEMES, example: 'ecole' }) theme!: PublicProjectSummary['theme'];
  @ApiProperty({ example: 'École et petite enfance' }) themeLabel!: string;
  @ApiProperty({ description: 'Année d’achèvement (étape « terminé »), heure de Paris', example: 2026 }) yearFinished!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Coût final HT en euros ; null si la commune ne le publie pas', example: 182400 })
  finalCostHt!: number | null;
  @ApiProperty({ enum: COST_BANDS, example: '50000-200000' }) costBand!: PublicProjectSummary['costBand'];
  @ApiProperty({ example: 'De 50 000 à 200 000 € HT' }) costBandLabel!: string;
  @ApiProperty({ description: 'Version du contenu public approuvée par le maire', example: 2 }) version!: number;
  @ApiProperty({ format: 'date-time', description: 'Date de l’accord du maire sur cette version', example: '2026-09-14T08:30:00.000Z' }) publishedAt!: string;
  @ApiProperty({ description: 'Fiche sur le portail public', example: `/projets-publics/projets/${PROJECT_ID}` }) pageUrl!: string;
  @ApiProperty({
    // Inline rather than a $ref: `nullable` beside a $ref is ignored by OpenAPI 3.0 validators.
    type: 'object',
    properties: {
      longitude: { type: 'number', minimum: -180, maximum: 180, description: 'Longitude WGS 84 (degrés, 5 décimales)', example: 1.98765 },
      latitude: { type: 'number', minimum: -90, maximum: 90, description: 'Latitude WGS 84 (degrés, 5 décimales)', example: 49.08912 },
    },
    required: ['longitude', 'latitude'],
    nullable: true,
    description: 'Point précis du projet, tel que le maire l’a approuvé avec la version publiée ; null : le projet est placé sur sa commune entière',
  })
  location!: PublicLocationDto | null;
  @ApiProperty({ type: String, nullable: true, description: 'Première image publiée avec la fiche (document public), pour une vignette ; null s’il n’y en a pas', example: `/api/public/v1/projects/${PROJECT_ID}/documents/0b7c…` })
  pictureUrl!: string | null;
}

export class PublicFundingDto {
  @ApiProperty({ example: 'DETR' }) source!: string;
  @ApiProperty({ description: 'Montant HT en euros', example: 54000 }) amountHt!: number;
}

export class PublicStepDto {
  @ApiProperty({ enum: PROJECT_STEPS, example: 'travaux' }) step!: string;
  @ApiProperty({ example: 'Travaux' }) stepLabel!: string;
  @ApiProperty({ format: 'date-time', example: '2026-07-01T07:00:00.000Z' }) reachedAt!: string;
}

export class PublicDocumentDto implements PublicDocument {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty({ example: 'Photo de la toiture refaite' }) title!: string;
  @ApiProperty({ example: 'toiture.jpg' }) fileName!: string;
  @ApiProperty({ example: 'image/jpeg' }) mediaType!: string;
  @ApiProperty({ description: 'Taille en octets', example: 482113 }) size!: number;
  @ApiProperty({ description: 'SHA-256 (hexadécimal) du fichier', example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' }) sha256!: string;
  @ApiProperty({ example: `/api/public/v1/projects/${PROJECT_ID}/documents/1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9` }) downloadUrl!: string;
}

export class PublicProjectDto extends PublicProjectSummaryDto implements PublicProject {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'SHA-256 de la forme canonique de { projectId, version, content } approuvée par le maire ; null pour un accord antérieur aux empreintes',
    example: '9f2b5c0e8d7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c',
  })
  fingerprint!: string | null;
  @ApiProperty({ type: [PublicFundingDto] }) funding!: PublicFundingDto[];
  @ApiProperty({ description: 'Retour d’expérience', example: 'Lancer le diagnostic de charpente avant les dossiers de subvention.' }) lessonsLearned!: string;
  @ApiProperty({ type: [PublicStepDto], description: 'Étapes atteintes et leur date' }) timeline!: PublicStepDto[];
  @ApiProperty({ type: [PublicDocumentDto] }) documents!: PublicDocumentDto[];
  @ApiProperty({ format: 'date-time' }) firstPublishedAt!: string;
}

export class PublicProjectPageDto {
  @ApiProperty({ type: [PublicProjectSummaryDto] }) items!: PublicProjectSummaryDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Curseur opaque de la page suivante (paramètre cursor) ; null sur la dernière page', example: 'eyJwIjo0Mn0' })
  next!: string | null;
  @ApiProperty({ description: 'Nombre de projets publiés qui répondent aux filtres', example: 37 }) total!: number;
}

export class PublicCommuneDto implements PublicCommune {
  @ApiProperty({ example: '95002' }) codeInsee!: string;
  @ApiProperty({ example: 'Ableiges' }) name!: string;
  @ApiProperty({ example: 3 }) publishedProjects!: number;
  @ApiProperty({ example: '/projets-publics/communes/95002' }) pageUrl!: string;
}

export class PublicCommuneListDto {
  @ApiProperty({ type: [PublicCommuneDto] }) items!: PublicCommuneDto[];
}

export class PublicChangeDto implements PublicChangeItem {
  @ApiProperty({ description: 'Position dans le journal (ordre du flux)', example: 1234 }) position!: number;
  @ApiProperty({ enum: ['published', 'updated', 'withdrawn'], example: 'published' }) kind!: PublicChangeItem['kind'];
  @ApiProperty({ format: 'uuid', example: PROJECT_ID }) projectId!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Version approuvée concernée', example: 1 }) version!: number | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Le projet tel que le public le voit maintenant ; null s’il n’est plus publié', example: `/api/public/v1/projects/${PROJECT_ID}` })
  projectUrl!: string | null;
}

export class PublicChangePageDto {
  @ApiProperty({ type: [PublicChangeDto] }) items!: PublicChangeDto[];
  @ApiProperty({ description: 'Curseur à renvoyer en ?after= ; identique à celui envoyé s’il n’y a rien de nouveau', example: 'eyJwIjoxMjM0fQ' }) next!: string;
}

class PublicGeoJsonPropertiesDto extends PublicProjectSummaryDto {
  @ApiProperty({ description: 'true : la géométrie est le point précis approuvé ; false : le centroïde de la commune', example: true }) precise!: boolean;
}

class GeoJsonPointDto {
  @ApiProperty({ enum: ['Point'] }) type!: 'Point';
  @ApiProperty({ type: [Number], minItems: 2, maxItems: 2, description: '[longitude, latitude] WGS 84 : le point précis approuvé, sinon le centroïde de la commune (voir properties.precise)', example: [1.98312, 49.08861] })
  coordinates!: number[];
}

class GeoJsonFeatureDto {
  @ApiProperty({ enum: ['Feature'] }) type!: 'Feature';
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: GeoJsonPointDto, nullable: true }) geometry!: GeoJsonPointDto | null;
  @ApiProperty({ type: PublicGeoJsonPropertiesDto, description: 'Champs publics du projet' }) properties!: PublicGeoJsonPropertiesDto;
}

export class PublicGeoJsonDto {
  @ApiProperty({ enum: ['FeatureCollection'] }) type!: 'FeatureCollection';
  @ApiProperty({ type: [GeoJsonFeatureDto] }) features!: GeoJsonFeatureDto[];
  @ApiPropertyOptional({ description: 'Source des contours des communes' }) attribution?: string;
}
