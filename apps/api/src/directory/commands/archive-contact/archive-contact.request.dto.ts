import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

export class ArchiveContactRequestDto {
  @ApiProperty({ description: 'true : archiver (plus proposé) ; false : rétablir' })
  @IsBoolean({ message: 'Indiquez vrai ou faux.' })
  archived!: boolean;
}
