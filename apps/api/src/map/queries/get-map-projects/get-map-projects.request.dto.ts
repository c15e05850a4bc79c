import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { PROJECT_STEPS, PROJECT_THEMES, type ProjectStep, type ProjectTheme } from '@carnet/domain';

/** The filters of the projects list, for the map. */
export class GetMapProjectsRequestDto {
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
  q?: string;

  @ApiPropertyOptional({ description: 'Attendre que les modèles de lecture aient atteint cette position (lecture de ses propres écritures)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'minPosition doit être un entier.' })
  @Min(0, { message: 'minPosition ne peut pas être négatif.' })
  minPosition?: number;
}
