import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { REASON_MAX } from '@carnet/domain';
import type { RemoveDocumentRequest } from '@carnet/contracts';

export class RemoveDocumentRequestDto implements RemoveDocumentRequest {
  @ApiProperty({ description: 'Pourquoi le document est retiré', maxLength: REASON_MAX })
  @IsString({ message: 'Le motif doit être un texte.' })
  @MaxLength(REASON_MAX, { message: `Le motif dépasse ${REASON_MAX} caractères.` })
  reason!: string;
}
