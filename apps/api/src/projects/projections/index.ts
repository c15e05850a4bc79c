import type { Projection } from '@carnet/read-store';
import { communeStatsProjection } from './commune-stats.projection.js';
import { projectHistoryProjection } from './project-history.projection.js';
import { projectProjection } from './project.projection.js';

/** Every projection the runner keeps up to date, in the order they are applied. */
export const ALL_PROJECTIONS: Projection<any>[] = [projectProjection, projectHistoryProjection, communeStatsProjection];
