import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MIN_POSITION_DESCRIPTION, MIN_POSITION_MAX } from './min-position.js';

/** No list of the platform has a million rows: a larger offset is a mistake, not a page (and 1e20 would overflow SQLite). */
export const OFFSET_MAX = 1_000_000;

/** What every paged query accepts besides its own `limit`: where to start, and read-your-writes. */
export class PageRequestDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: OFFSET_MAX, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'offset doit être un entier.' })
  @Min(0, { message: 'offset ne peut pas être négatif.' })
  @Max(OFFSET_MAX, { message: `offset ne peut pas dépasser ${OFFSET_MAX}.` })
  offset?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MIN_POSITION_MAX, description: MIN_POSITION_DESCRIPTION })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'minPosition doit être un entier positif.' })
  @Min(0, { message: 'minPosition doit être un entier positif.' })
  @Max(MIN_POSITION_MAX, { message: 'minPosition doit être un entier positif.' })
  minPosition?: number;
}
