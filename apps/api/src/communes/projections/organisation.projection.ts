import type { OrganisationCreatedData, OrganisationKind } from '@carnet/domain';
import type { Projection } from '@carnet/read-store';

export interface OrganisationDoc {
  name: string;
  kind: OrganisationKind;
  /** The Département it works with; null for one created before organisations named one (the home Département's). */
  departement: string | null;
  createdAt: string;
}

export const organisationProjection: Projection<OrganisationDoc> = {
  collection: 'organisations',
  indexedFields: [],
  keyOf: (e) => (e.type === 'OrganisationCreated' ? (e.data as OrganisationCreatedData).organisationId : null),
  evolve: (_doc, e) => {
    const data = e.data as OrganisationCreatedData;
    return { name: data.name, kind: data.kind, departement: data.departement ?? null, createdAt: e.metadata.recordedAt };
  },
};
