import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config.js';
import type { OrganisationKind } from '@carnet/domain';
import { ReadModels } from '../shared/read-models.js';
import type { OrganisationDoc } from './projections/organisation.projection.js';

export interface OrganisationView {
  id: string;
  name: string;
  kind: OrganisationKind;
}

/**
 * Partner organisations, from their read model. Each works with one Département (its creator's, issue
 * #17): `departement` keeps that Département's only; without it, every organisation (to name them).
 */
@Injectable()
export class OrganisationDirectory {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private ofDepartement(doc: OrganisationDoc, departement: string | undefined): boolean {
    return departement === undefined || (doc.departement ?? this.config.departement) === departement;
  }

  async get(id: string, departement?: string): Promise<OrganisationView | null> {
    const doc = await (await this.readModels.current()).get<OrganisationDoc>('organisations', id);
    return doc && this.ofDepartement(doc, departement) ? { id: doc.id, name: doc.name, kind: doc.kind } : null;
  }

  async all(departement?: string): Promise<OrganisationView[]> {
    const docs = await (await this.readModels.current()).find<OrganisationDoc>('organisations', { orderBy: [{ field: 'name', direction: 'asc' }] });
    return docs.filter((d) => this.ofDepartement(d, departement)).map((d) => ({ id: d.id, name: d.name, kind: d.kind }));
  }
}
