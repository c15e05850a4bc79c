import type { Projection } from '@carnet/read-store';
import { communeSeatsProjection } from '../communes/projections/commune-seats.projection.js';
import { membershipProjection } from '../communes/projections/membership.projection.js';
import { organisationProjection } from '../communes/projections/organisation.projection.js';
import { communeStatsProjection } from '../projects/projections/commune-stats.projection.js';
import { projectHistoryProjection } from '../projects/projections/project-history.projection.js';
import { projectPartnerProjection } from '../projects/projections/project-partner.projection.js';
import { projectProjection } from '../projects/projections/project.projection.js';
import { publicChangeProjection } from '../public/projections/public-change.projection.js';
import { publicProjectProjection } from '../public/projections/public-project.projection.js';

/** Every projection the runner keeps up to date, in the order they are applied. */
export const ALL_PROJECTIONS: Projection<any>[] = [
  projectProjection,
  projectHistoryProjection,
  communeStatsProjection,
  projectPartnerProjection,
  membershipProjection,
  communeSeatsProjection,
  organisationProjection,
  publicProjectProjection,
  publicChangeProjection,
];
