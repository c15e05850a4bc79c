import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DEPARTEMENT_TEAMS, FAQ_STATUSES, QUESTION_CATEGORIES, type DepartementTeam, type FaqStatus, type QuestionCategory } from '@carnet/domain';
import { QueryNumber, QueryPosition } from '../../../shared/page-request.dto.js';

export class FaqListRequestDto {
  @ApiPropertyOptional({ description: 'Recherche en texte intégral, sans tenir compte des accents (« ecole » trouve « École »)', maxLength: 200 })
  @IsOptional()
  @IsString({ message: 'La recherche doit être un texte.' })
  @MaxLength(200, { message: 'La recherche dépasse 200 caractères.' })
  q?: string;

  @ApiPropertyOptional({ enum: QUESTION_CATEGORIES })
  @IsOptional()
  @IsIn(QUESTION_CATEGORIES as unknown as string[], { message: 'Catégorie inconnue.' })
  category?: QuestionCategory;

  @ApiPropertyOptional({ enum: FAQ_STATUSES, description: 'Publiées par défaut ; les autres statuts pour le Département (et, pour une commune, ses propositions : proposed, declined)' })
  @IsOptional()
  @IsIn(FAQ_STATUSES as unknown as string[], { message: 'Statut inconnu.' })
  status?: FaqStatus;

  @ApiPropertyOptional({ enum: DEPARTEMENT_TEAMS })
  @IsOptional()
  @IsIn(DEPARTEMENT_TEAMS as unknown as string[], { message: 'Équipe inconnue.' })
  team?: DepartementTeam;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @QueryNumber()
  @Min(1, { message: 'limit doit valoir au moins 1.' })
  @Max(100, { message: 'limit vaut 100 au plus.' })
  @IsInt({ message: 'limit doit être un entier.' })
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @QueryNumber()
  @Min(0, { message: 'offset ne peut pas être négatif.' })
  @IsInt({ message: 'offset doit être un entier.' })
  offset?: number;

  @ApiPropertyOptional({ description: 'Attendre que les données reflètent cette position du journal' })
  @IsOptional()
  @QueryPosition()
  @Min(0, { message: 'minPosition ne peut pas être négatif.' })
  @IsInt({ message: 'minPosition doit être un entier.' })
  minPosition?: number;
}

export class FaqSuggestionsRequestDto {
  // The start of the question is enough to find entries, and keeps the address short (a long one is refused by HTTP itself).
  @ApiProperty({ description: 'Le début de ce que la personne est en train d’écrire (500 caractères au plus)', maxLength: 500 })
  @IsString({ message: 'Le texte doit être un texte.' })
  @MaxLength(500, { message: 'Le texte dépasse 500 caractères.' })
  q!: string;
}
