import { Injectable, type PipeTransform } from '@nestjs/common';
import { ProblemException } from '../shared/problem.js';
import { CommuneCatalog } from './commune-catalog.js';

/** A commune code in the path must be one of the département's communes (404 otherwise). */
@Injectable()
export class CommuneParam implements PipeTransform<string, string> {
  constructor(private readonly communes: CommuneCatalog) {}

  transform(value: string): string {
    if (!this.communes.get(value)) {
      throw new ProblemException(404, 'commune_not_found', 'Commune introuvable', `Aucune commune du département n’a le code ${value}.`);
    }
    return value;
  }
}
