import type { RecordedEvent } from '@carnet/event-store';
import type { ProjectCreatedData } from '@carnet/domain';
import type { Projection } from '@carnet/read-store';

/** Per commune: how many projects it has (for the commune filter and, later, the map). */
export interface CommuneStatsDoc {
  codeInsee: string;
  projectCount: number;
}

export const communeStatsProjection: Projection<CommuneStatsDoc> = {
  collection: 'commune_stats',
  indexedFields: [],
  keyOf: (e: RecordedEvent) => (e.type === 'ProjectCreated' ? (e.data as ProjectCreatedData).codeInsee : null),
  evolve: (doc, e) => ({
    codeInsee: (e.data as ProjectCreatedData).codeInsee,
    projectCount: (doc?.projectCount ?? 0) + 1,
  }),
};
