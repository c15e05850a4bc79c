import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { SEARCH_MIN_LENGTH, SEARCH_RESULT_TYPES, type SearchResultType } from '@carnet/contracts';
import { PageRequestDto, QueryNumber } from '../../../shared/page-request.dto.js';
import { SingleLine } from '../../../shared/field-rules.js';

export class SearchRequestDto extends PageRequestDto {
  @ApiProperty({ description: 'Mots cherchés (sans tenir compte des accents ni du pluriel)', example: 'écoles', minLength: SEARCH_MIN_LENGTH, maxLength: 200 })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  // class-validator reports the bottom decorator first: the most useful message goes last.
  @MaxLength(200, { message: 'La recherche dépasse 200 caractères.' })
  @SingleLine('La recherche')
  @MinLength(SEARCH_MIN_LENGTH, { message: `La recherche doit comporter au moins ${SEARCH_MIN_LENGTH} caractères.` })
  @IsString({ message: 'Indiquez les mots à chercher.' })
  q!: string;

  @ApiPropertyOptional({ enum: SEARCH_RESULT_TYPES, description: 'Ne chercher que les projets, questions, réponses, messages ou notes internes' })
  @IsOptional()
  @IsIn(SEARCH_RESULT_TYPES, { message: `Le type doit être l’un de : ${SEARCH_RESULT_TYPES.join(', ')}.` })
  type?: SearchResultType;

  @ApiPropertyOptional({ description: 'Code INSEE de la commune', example: '95002' })
  @IsOptional()
  @Matches(/^\d[0-9AB]\d{3}$/, { message: 'Le code INSEE doit comporter 5 caractères, par exemple 95002.' })
  commune?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @QueryNumber()
  @Min(1, { message: 'limit doit valoir au moins 1.' })
  @Max(100, { message: 'limit ne peut pas dépasser 100.' })
  @IsInt({ message: 'limit doit être un entier.' })
  limit?: number;
}
