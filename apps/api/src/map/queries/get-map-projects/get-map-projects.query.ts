import { Query } from '@nestjs/cqrs';
import type { ProjectStep, ProjectTheme } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';

export interface MapFilter {
  commune?: string;
  step?: ProjectStep;
  theme?: ProjectTheme;
  q?: string;
  minPosition?: number;
}

/** The projects the actor may see, as compact GeoJSON bytes (computed once per read-model position). */
export class GetMapProjectsQuery extends Query<{ json: Buffer; gzip: Buffer }> {
  constructor(
    readonly filter: MapFilter,
    readonly actor: Actor,
  ) {
    super();
  }
}
