import { Injectable, type PipeTransform } from '@nestjs/common';
import { ProblemException } from './problem.js';

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
