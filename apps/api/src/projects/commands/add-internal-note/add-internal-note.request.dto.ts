import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import type { AddNoteRequest } from '@carnet/contracts';
import { TextField } from '../../project-fields.dto.js';

export class AddInternalNoteRequestDto implements AddNoteRequest {
  @TextField('La note') text!: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'La question dont parle la note, le cas échéant' })
  @IsOptional()
  @IsUUID('all', { message: 'La question indiquée est invalide.' })
  questionId?: string | null;
}
