import { applyDecorators, Injectable, type PipeTransform } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { ProblemResponses } from './openapi.js';
import { ProblemException } from './problem.js';

/** The largest position `?minPosition=` may name (15 digits: far beyond any log, still an exact number). */
export const MIN_POSITION_MAX = 999_999_999_999_999;

export const MIN_POSITION_DESCRIPTION =
  'Attendre que les données reflètent cette position du journal (lire sa propre écriture) ; 400 si elle dépasse la fin du journal, 503 si l’attente dépasse le délai.';

/** Parses `?minPosition=` (read-your-writes); absent means "do not wait". */
@Injectable()
export class MinPositionPipe implements PipeTransform<string | undefined, number | undefined> {
  transform(value: string | undefined): number | undefined {
    if (value === undefined || value === '') return undefined;
    if (!/^\d{1,15}$/.test(value)) {
      throw new ProblemException(400, 'validation', 'Certains champs sont invalides', undefined, [
        { field: 'minPosition', message: 'minPosition doit être un entier positif.' },
      ]);
    }
    return Number(value);
  }
}

/** Documents `?minPosition=` on a read, with the 400 (beyond the log) and 503 (wait over) it may answer. */
export const MinPositionQuery = () =>
  applyDecorators(
    ApiQuery({ name: 'minPosition', required: false, schema: { type: 'integer', minimum: 0, maximum: MIN_POSITION_MAX }, description: MIN_POSITION_DESCRIPTION }),
    ProblemResponses(400, 503),
  );
