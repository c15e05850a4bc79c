import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { ChangeStepRequest, ProjectStep } from '@carnet/contracts';
import { TEXT_MAX } from '@carnet/domain';
import { ProgressField, StepField } from '../../project-fields.dto.js';

export class ChangeStepRequestDto implements ChangeStepRequest {
  @StepField() step!: ProjectStep;
  @ProgressField() progress!: number;

  @ApiPropertyOptional({ description: 'Commentaire ; obligatoire pour revenir à une étape précédente', maxLength: TEXT_MAX })
  @IsOptional()
  @IsString({ message: 'Le commentaire doit être un texte.' })
  @MaxLength(TEXT_MAX, { message: `Le commentaire dépasse ${TEXT_MAX} caractères.` })
  comment?: string;
}
