import { departementOfActor } from '../../../shared/actor-of.js';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { CommuneView } from '@carnet/contracts';
import { ReadModels } from '../../../shared/read-models.js';
import type { CommuneStatsDoc } from '../../../projects/projections/commune-stats.projection.js';
import { CommuneCatalog } from '../../commune-catalog.js';
import { projectScope } from '../../../projects/project-access.js';
import { ListCommunesQuery } from './list-communes.query.js';

@QueryHandler(ListCommunesQuery)
export class ListCommunesHandler implements IQueryHandler<ListCommunesQuery> {
  constructor(
    private readonly catalog: CommuneCatalog,
    private readonly readModels: ReadModels,
  ) {}

  async execute({ withProjectsOnly, actor }: ListCommunesQuery): Promise<CommuneView[]> {
    const set = await this.readModels.current();
    const stats = await set.find<CommuneStatsDoc>('commune_stats');
    const counts = new Map(stats.map((s) => [s.codeInsee, s.projectCount]));
    if (projectScope(actor, undefined).kind !== 'departement') {
      // Outside the Département, one counts only the projects one may see in the app: one's own
      // commune's (other communes' published projects are read on the public portal).
      const own = actor?.communeInsee ? counts.get(actor.communeInsee) ?? 0 : 0;
      counts.clear();
      if (actor?.communeInsee) counts.set(actor.communeInsee, own);
    }
    // A person sees the communes of their Département (an instance may serve several, issue #17); a visitor, all those served.
    return this.catalog
      .all(actor ? departementOfActor(actor, this.catalog.departement) : undefined)
      .map((c) => ({ codeInsee: c.codeInsee, name: c.name, population: c.population, eligible: c.eligible, projectCount: counts.get(c.codeInsee) ?? 0 }))
      .filter((c) => !withProjectsOnly || c.projectCount > 0);
  }
}
