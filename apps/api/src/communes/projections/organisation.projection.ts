import type { OrganisationCreatedData, OrganisationKind } from '@carnet/domain';
import type { Projection } from '@carnet/read-store';

export interface OrganisationDoc {
  name: string;
  kind: OrganisationKind;
  createdAt: string;
}

export const organisationProjection: Projection<OrganisationDoc> = {
  collection: 'organisations',
  indexedFields: [],
  keyOf: (e) => (e.type === 'OrganisationCreated' ? (e.data as OrganisationCreatedData).organisationId : null),
  evolve: (_doc, e) => {
    const data = e.data as OrganisationCreatedData;
    return { name: data.name, kind: data.kind, createdAt: e.metadata.recordedAt };
  },
};
