import type { PartnerInvolvedData } from '@carnet/domain';
import type { Projection } from '@carnet/read-store';

/** One document per (project, partner organisation): what a partner's members may see. */
export interface ProjectPartnerDoc {
  projectId: string;
  organisationId: string;
  since: string;
}

export const projectPartnerProjection: Projection<ProjectPartnerDoc> = {
  collection: 'project_partners',
  indexedFields: ['organisationId', 'projectId'],
  keyOf: (e) => {
    if (e.type !== 'PartnerInvolved') return null;
    const data = e.data as PartnerInvolvedData;
    return `${data.projectId}:${data.organisationId}`;
  },
  evolve: (_doc, e) => {
    const data = e.data as PartnerInvolvedData;
    return { projectId: data.projectId, organisationId: data.organisationId, since: e.metadata.recordedAt };
  },
};
