import { Injectable } from '@nestjs/common';
import type { OrganisationKind } from '@carnet/domain';
import { ReadModels } from '../shared/read-models.js';
import type { OrganisationDoc } from './projections/organisation.projection.js';

export interface OrganisationView {
  id: string;
  name: string;
  kind: OrganisationKind;
}

/** Partner organisations, from their read model. */
@Injectable()
export class OrganisationDirectory {
  constructor(private readonly readModels: ReadModels) {}

  async get(id: string): Promise<OrganisationView | null> {
    const doc = await (await this.readModels.current()).get<OrganisationDoc>('organisations', id);
    return doc ? { id: doc.id, name: doc.name, kind: doc.kind } : null;
  }

  async all(): Promise<OrganisationView[]> {
    const docs = await (await this.readModels.current()).find<OrganisationDoc>('organisations', { orderBy: [{ field: 'name', direction: 'asc' }] });
    return docs.map((d) => ({ id: d.id, name: d.name, kind: d.kind }));
  }
}
