import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { ProjectTheme } from '@carnet/contracts';
import { PROJECT_THEMES } from '@carnet/domain';
import { SingleLine } from '../../../shared/field-rules.js';

export class ListContactsRequestDto {
  @ApiPropertyOptional({ description: 'Recherche sans accents dans le nom, la fonction et l’organisme', example: 'energie' })
  @IsOptional()
  @IsString({ message: 'La recherche doit être un texte.' })
  @MaxLength(100, { message: 'La recherche dépasse 100 caractères.' })
  @SingleLine('La recherche')
  q?: string;

  @ApiPropertyOptional({ enum: PROJECT_THEMES })
  @IsOptional()
  @IsIn(PROJECT_THEMES as unknown as string[], { message: `Le thème doit être l’un de : ${PROJECT_THEMES.join(', ')}.` })
  theme?: ProjectTheme;

  @ApiPropertyOptional({ description: 'Code INSEE : les contacts qui suivent cette commune (et ceux de tout le département)', example: '95002' })
  @IsOptional()
  @Matches(/^\d[0-9AB]\d{3}$/, { message: 'Le code INSEE doit comporter 5 caractères, par exemple 95002.' })
  commune?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Inclure les contacts archivés (administrateurs)' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'archived vaut true ou false.' })
  archived?: 'true' | 'false';
}
