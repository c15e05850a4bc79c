import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MIN_POSITION_DESCRIPTION, MIN_POSITION_MAX } from './min-position.js';

/** No list of the platform has a million rows: a larger offset is a mistake, not a page (and 1e20 would overflow SQLite). */
export const OFFSET_MAX = 1_000_000;

/** A number of the query string, an empty value (`?offset=`) read as `empty` (class-transformer alone reads it as 0). */
const numberOfQuery = (empty: number | undefined) => (target: object, key: string) => {
  Type(() => Number)(target, key);
  Transform(({ obj, key: name, value }) => ((obj as Record<string, unknown>)[name] === '' ? empty : value))(target, key);
};

/** A count or a place in a list (`offset`, `limit`): an empty one is refused as not a number, as the document declares an integer. */
export const QueryNumber = () => numberOfQuery(Number.NaN);

/** A position of the log (`?minPosition=`): an empty one means none, as MinPositionPipe reads it on the reads without a DTO. */
export const QueryPosition = () => numberOfQuery(undefined);

/**
 * What every paged query accepts besides its own `limit`: where to start, and read-your-writes. class-validator
 * reports the bottom decorator first: the type's message (for `?offset=` or `?offset=abc`) goes last.
 */
export class PageRequestDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: OFFSET_MAX, default: 0 })
  @IsOptional()
  @QueryNumber()
  @Min(0, { message: 'offset ne peut pas être négatif.' })
  @Max(OFFSET_MAX, { message: `offset ne peut pas dépasser ${OFFSET_MAX}.` })
  @IsInt({ message: 'offset doit être un entier.' })
  offset?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MIN_POSITION_MAX, description: MIN_POSITION_DESCRIPTION })
  @IsOptional()
  @QueryPosition()
  @Min(0, { message: 'minPosition doit être un entier positif.' })
  @Max(MIN_POSITION_MAX, { message: 'minPosition doit être un entier positif.' })
  @IsInt({ message: 'minPosition doit être un entier positif.' })
  minPosition?: number;
}
