import { Injectable, type PipeTransform } from '@nestjs/common';
import { ProblemException } from './problem.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Validates an id in the path; an id that cannot exist is a 404, not a 500. */
@Injectable()
export class UuidParam implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value)) throw new ProblemException(404, 'not_found', 'Ressource introuvable', `« ${value} » n’est pas un identifiant valide.`);
    return value.toLowerCase();
  }
}
