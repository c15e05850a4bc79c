import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';

/** What every paged query accepts besides its own `limit`: where to start, and read-your-writes. */
export class PageRequestDto {
  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'offset doit être un entier.' })
  @Min(0, { message: 'offset ne peut pas être négatif.' })
  offset?: number;

  @ApiPropertyOptional({ description: 'Attendre que les données reflètent cette position du journal (lire sa propre écriture)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'minPosition doit être un entier positif.' })
  @Min(0, { message: 'minPosition doit être un entier positif.' })
  minPosition?: number;
}
