import { Injectable, type PipeTransform } from '@nestjs/common';
import { communeNotFound } from './commune-access.js';
import { CommuneCatalog } from './commune-catalog.js';

/** A commune code in the path must be one of the communes served (404 otherwise). */
@Injectable()
export class CommuneParam implements PipeTransform<string, string> {
  constructor(private readonly communes: CommuneCatalog) {}

  transform(value: string): string {
    if (!this.communes.get(value)) {
      throw communeNotFound(value);
    }
    return value;
  }
}
