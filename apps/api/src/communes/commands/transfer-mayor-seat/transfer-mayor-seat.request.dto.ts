import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import type { MayorTransferRequest } from '@carnet/contracts';

export class TransferMayorSeatRequestDto implements MayorTransferRequest {
  @ApiProperty({ description: 'Identifiant du collaborateur qui devient maire' })
  @IsString({ message: 'Indiquez le collaborateur qui devient maire.' })
  @Length(1, 128, { message: 'Indiquez le collaborateur qui devient maire.' })
  toUserId!: string;
}
