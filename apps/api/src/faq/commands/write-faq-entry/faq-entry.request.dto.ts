import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { DraftFromQuestionRequest, FaqAudience, FaqEntryRequest, ProposeFaqEntryRequest } from '@carnet/contracts';
import { DEPARTEMENT_TEAMS, FAQ_AUDIENCES, FAQ_LIMITS, QUESTION_CATEGORIES, type DepartementTeam, type QuestionCategory } from '@carnet/domain';
import { TextField } from '../../../projects/project-fields.dto.js';

const KeywordsField = () => (target: object, key: string) => {
  ApiProperty({ description: 'Mots-clés (recherche)', type: [String], maxItems: FAQ_LIMITS.keywords, example: ['DETR', 'subvention'] })(target, key);
  IsArray({ message: 'Les mots-clés doivent être une liste.' })(target, key);
  ArrayMaxSize(FAQ_LIMITS.keywords, { message: `${FAQ_LIMITS.keywords} mots-clés au plus.` })(target, key);
  IsString({ each: true, message: 'Chaque mot-clé doit être un texte.' })(target, key);
  MaxLength(FAQ_LIMITS.keyword, { each: true, message: `Un mot-clé fait ${FAQ_LIMITS.keyword} caractères au plus.` })(target, key);
};

const CategoryField = () => (target: object, key: string) => {
  ApiProperty({ description: 'Catégorie (celles des questions, qui les orientent vers une équipe)', enum: QUESTION_CATEGORIES })(target, key);
  IsIn(QUESTION_CATEGORIES as unknown as string[], { message: 'Choisissez une catégorie.' })(target, key);
};

export class ProposeFaqEntryRequestDto implements ProposeFaqEntryRequest {
  @TextField('La question', FAQ_LIMITS.question) question!: string;
  @TextField('La réponse', FAQ_LIMITS.answer) answer!: string;
  @CategoryField() category!: QuestionCategory;
  @KeywordsField() keywords!: string[];
}

export class FaqEntryRequestDto extends ProposeFaqEntryRequestDto implements FaqEntryRequest {
  @ApiProperty({ description: 'Équipe du Département responsable de l’entrée', enum: DEPARTEMENT_TEAMS })
  @IsIn(DEPARTEMENT_TEAMS as unknown as string[], { message: 'Choisissez l’équipe responsable.' })
  team!: DepartementTeam;

  @ApiProperty({ description: 'communes : communes connectées seulement ; public : aussi sur le portail et l’API publique', enum: FAQ_AUDIENCES })
  @IsIn(FAQ_AUDIENCES as unknown as string[], { message: 'Choisissez à qui s’adresse la réponse.' })
  audience!: FaqAudience;

  @ApiPropertyOptional({ description: 'Motif de la modification (facultatif)', maxLength: FAQ_LIMITS.reason })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'Le motif doit être un texte.' })
  @MaxLength(FAQ_LIMITS.reason, { message: `Le motif dépasse ${FAQ_LIMITS.reason} caractères.` })
  reason?: string;
}

export class DraftFromQuestionRequestDto implements DraftFromQuestionRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'Le projet est invalide.' })
  projectId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'La question est invalide.' })
  questionId!: string;
}

export class ReasonRequestDto {
  @TextField('Le motif', FAQ_LIMITS.reason) reason!: string;
}

export class OptionalReasonRequestDto {
  @ApiPropertyOptional({ description: 'Motif (facultatif)', maxLength: FAQ_LIMITS.reason })
  @IsOptional()
  @IsString({ message: 'Le motif doit être un texte.' })
  @MaxLength(FAQ_LIMITS.reason, { message: `Le motif dépasse ${FAQ_LIMITS.reason} caractères.` })
  reason?: string;
}

export class VoteRequestDto {
  @ApiProperty({ description: 'true : « Cette réponse m’a été utile » ; false : pas utile' })
  @IsBoolean({ message: 'Le vote doit être vrai ou faux.' })
  useful!: boolean;
}

export class OpenSuggestionRequestDto {
  @ApiProperty({ format: 'uuid', description: 'Le projet sur lequel la question s’écrit' })
  @IsUUID('all', { message: 'Le projet est invalide.' })
  projectId!: string;

  @ApiProperty({ format: 'uuid', description: 'L’entrée ouverte' })
  @IsUUID('all', { message: 'L’entrée est invalide.' })
  entryId!: string;
}
