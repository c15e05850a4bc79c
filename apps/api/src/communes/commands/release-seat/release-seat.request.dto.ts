import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { ReleaseSeatRequest } from '@carnet/contracts';

export class ReleaseSeatRequestDto implements ReleaseSeatRequest {
  @ApiPropertyOptional({ description: 'Motif (facultatif)', maxLength: 500 })
  @IsOptional()
  @IsString({ message: 'Le motif doit être un texte.' })
  @MaxLength(500, { message: 'Le motif dépasse 500 caractères.' })
  reason?: string;
}
