import { ApiProperty } from '@nestjs/swagger';
import type { AnchorStatus } from '@carnet/contracts';

class LatestAnchorDto {
  @ApiProperty({ description: 'Chaque événement à cette position ou avant est scellé par l’ancre', example: 1234 }) position!: number;
  @ApiProperty({ description: 'Nombre de flux scellés', example: 42 }) streams!: number;
  @ApiProperty({ description: 'Empreinte SHA-256 des têtes de tous les flux : à conserver hors du serveur', example: '3f5a…' }) headsHash!: string;
  @ApiProperty({ description: 'Position de l’événement AnchorRecorded lui-même', example: 1235 }) eventPosition!: number;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ description: 'Âge de l’ancre, en secondes', example: 180 }) ageSeconds!: number;
  @ApiProperty({ description: 'Événements ajoutés depuis, pas encore scellés', example: 3 }) eventsSince!: number;
}

class AnchorPolicyDto {
  @ApiProperty() atStartup!: boolean;
  @ApiProperty({ description: 'Une ancre tous les N événements (0 : jamais pour ce motif)', example: 1000 }) everyEvents!: number;
  @ApiProperty({ description: 'Une ancre toutes les M minutes si le journal a changé (0 : jamais pour ce motif)', example: 60 }) everyMinutes!: number;
}

export class AnchorStatusDto implements AnchorStatus {
  @ApiProperty({ type: LatestAnchorDto, nullable: true, description: 'null tant qu’aucune ancre n’a été enregistrée' }) latest!: LatestAnchorDto | null;
  @ApiProperty({ description: 'Position du dernier événement du journal', example: 1238 }) headPosition!: number;
  @ApiProperty({ type: AnchorPolicyDto }) policy!: AnchorPolicyDto;
  @ApiProperty({ example: 'Dernière ancre il y a 3 minutes : elle scelle les 1 234 premiers événements du journal (3 événements depuis, pas encore scellés).' })
  summary!: string;
}
