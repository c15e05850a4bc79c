import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PROJECT_STEPS, PROJECT_THEMES, type ProjectStep, type ProjectTheme } from '@carnet/domain';
import { PageRequestDto, QueryNumber } from '../../../shared/page-request.dto.js';
import { SingleLine } from '../../../shared/field-rules.js';

export class ListProjectsRequestDto extends PageRequestDto {
  @ApiPropertyOptional({ description: 'Code INSEE de la commune', example: '95002' })
  @IsOptional()
  @Matches(/^\d[0-9AB]\d{3}$/, { message: 'Le code INSEE doit comporter 5 caractères, par exemple 95002.' })
  commune?: string;

  @ApiPropertyOptional({ enum: PROJECT_STEPS })
  @IsOptional()
  @IsIn(PROJECT_STEPS as unknown as string[], { message: `L’étape doit être l’une de : ${PROJECT_STEPS.join(', ')}.` })
  step?: ProjectStep;

  @ApiPropertyOptional({ enum: PROJECT_THEMES })
  @IsOptional()
  @IsIn(PROJECT_THEMES as unknown as string[], { message: `Le thème doit être l’un de : ${PROJECT_THEMES.join(', ')}.` })
  theme?: ProjectTheme;

  @ApiPropertyOptional({ description: 'Texte cherché dans le titre et la description (sans tenir compte des accents)' })
  @IsOptional()
  @IsString({ message: 'La recherche doit être un texte.' })
  @MaxLength(200, { message: 'La recherche dépasse 200 caractères.' })
  @SingleLine('La recherche')
  q?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @QueryNumber()
  @Min(1, { message: 'limit doit valoir au moins 1.' })
  @Max(200, { message: 'limit ne peut pas dépasser 200.' })
  @IsInt({ message: 'limit doit être un entier.' })
  limit?: number;
}
