import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import type { ChangeDocumentVisibilityRequest } from '@carnet/contracts';

export class ChangeDocumentVisibilityRequestDto implements ChangeDocumentVisibilityRequest {
  @ApiProperty({ description: 'true : le document pourra paraître sur le portail public une fois le projet publié' })
  @IsBoolean({ message: 'Indiquez si le document est public (true ou false).' })
  public!: boolean;
}
