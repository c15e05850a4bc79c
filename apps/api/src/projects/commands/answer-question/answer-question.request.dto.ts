import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import type { AnswerQuestionRequest } from '@carnet/contracts';
import { DocumentIdsField, TextField } from '../../project-fields.dto.js';

export class AnswerQuestionRequestDto implements AnswerQuestionRequest {
  @TextField('La réponse') text!: string;
  @DocumentIdsField() documentIds?: string[];

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'Un contact de l’annuaire recommandé à la commune' })
  @IsOptional()
  @IsUUID('all', { message: 'Le contact recommandé est invalide.' })
  contactId?: string | null;
}
