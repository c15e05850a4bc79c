import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A projection stopped on an event it could not handle (ADR 0022). */
export class ProjectionFaultDto {
  @ApiProperty({ example: 'organisations', description: 'La projection (sa collection)' }) projection!: string;
  @ApiProperty({ example: 1234, description: 'Position de l’événement sur lequel elle s’est arrêtée' }) position!: number;
  @ApiProperty({ example: 'organisation-6f1c…' }) streamId!: string;
  @ApiProperty({ example: 0 }) revision!: number;
  @ApiProperty({ example: 'OrganisationCreated' }) type!: string;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ example: "Cannot read properties of null (reading 'organisationId')" }) error!: string;
  @ApiProperty({ format: 'date-time' }) stoppedAt!: string;
}

export class EngineCheckDto {
  @ApiProperty({ enum: ['up', 'down'] }) status!: string;
  @ApiPropertyOptional({ description: 'Durée de la vérification (ms)' }) responseTime?: number;
  @ApiPropertyOptional({ example: 'sqlite' }) engine?: string;
}

class EnginesDto {
  @ApiProperty({ type: EngineCheckDto }) eventStore!: EngineCheckDto;
  @ApiProperty({ type: EngineCheckDto }) readStore!: EngineCheckDto;
  @ApiProperty({ type: EngineCheckDto }) accountStore!: EngineCheckDto;
  @ApiProperty({ type: EngineCheckDto }) blobStore!: EngineCheckDto;
}

export class ProjectionLeaseDto {
  @ApiProperty({ example: 'projections' }) name!: string;
  @ApiProperty({ example: 'carnet-1-4821-a3f09c', description: 'L’instance qui tient le bail et fait tourner les projections' }) holder!: string;
  @ApiProperty({ format: 'date-time', description: 'Fin du bail s’il n’est pas renouvelé' }) expiresAt!: string;
  @ApiProperty({ example: 3, description: 'Numéro du bail, augmenté à chaque changement de titulaire' }) term!: number;
}

class ProjectionsSummaryDto {
  @ApiProperty({ description: 'Événements du journal pas encore appliqués' }) lagEvents!: number;
  @ApiProperty({ description: 'Âge du plus ancien événement pas encore appliqué (ms)' }) lagMs!: number;
  @ApiProperty({ type: [ProjectionFaultDto] }) stopped!: ProjectionFaultDto[];
  @ApiProperty({ example: 'carnet-1-4821-a3f09c', description: 'Cette instance (INSTANCE_ID)' }) instance!: string;
  @ApiProperty({
    enum: ['single', 'holder', 'standby'],
    description: 'holder : cette instance fait tourner les projections ; standby : une autre le fait, celle-ci lit son point d’avancement (ADR 0024)',
  })
  role!: string;
  @ApiProperty({ type: ProjectionLeaseDto, nullable: true, description: 'Le bail des projections tel qu’enregistré (null : jamais pris)' }) lease!: ProjectionLeaseDto | null;
}

export class ReadinessDto {
  @ApiProperty({ enum: ['ok', 'degraded'], description: '« degraded » : une projection au moins est arrêtée (le reste du service répond)' }) status!: string;
  @ApiProperty({ example: 'sqlite' }) eventStore!: string;
  @ApiProperty({ example: 'sqlite' }) readStore!: string;
  @ApiProperty({ description: 'Position du dernier événement du journal' }) logPosition!: number;
  @ApiProperty({ description: 'Position reflétée par les lectures' }) readModelPosition!: number;
  @ApiProperty() readModelGeneration!: number;
  @ApiProperty({ description: 'Retard des lectures, en événements' }) lag!: number;
  @ApiProperty({ description: 'Retard des lectures, en millisecondes' }) lagMs!: number;
  @ApiProperty({ type: EnginesDto }) engines!: EnginesDto;
  @ApiProperty({ type: ProjectionsSummaryDto }) projections!: ProjectionsSummaryDto;
}

export class LivenessDto {
  @ApiProperty({ example: 'ok' }) status!: string;
  @ApiProperty() uptimeSeconds!: number;
}

export class ProjectionStateDto {
  @ApiProperty({ example: 'projects' }) projection!: string;
  @ApiProperty() position!: number;
  @ApiProperty() lagEvents!: number;
  @ApiProperty() lagMs!: number;
  @ApiProperty({ type: ProjectionFaultDto, nullable: true }) stopped!: ProjectionFaultDto | null;
}

export class ProjectionsReportDto {
  @ApiProperty() head!: number;
  @ApiProperty() checkpoint!: number;
  @ApiProperty() generation!: number;
  @ApiProperty() lagEvents!: number;
  @ApiProperty() lagMs!: number;
  @ApiProperty({ type: [ProjectionFaultDto] }) stopped!: ProjectionFaultDto[];
  @ApiProperty({ type: [ProjectionStateDto] }) projections!: ProjectionStateDto[];
}

export class ProjectionDetailDto extends ProjectionStateDto {
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true, description: 'L’événement sur lequel la projection s’est arrêtée, tel qu’il est stocké (null si elle ne l’est pas)' })
  event!: Record<string, unknown> | null;
}

/** The 503 of readiness, as documented in OpenAPI. */
export const NOT_READY_RESPONSE = {
  status: 503,
  description: 'Un moteur au moins ne répond pas : problème (application/problem+json) qui les nomme dans « down » (eventStore, readStore, accountStore, blobStore) et détaille chaque vérification dans « checks »',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDto' } } },
};
