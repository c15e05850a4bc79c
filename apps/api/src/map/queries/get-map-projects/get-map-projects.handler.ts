import { departementOfCommune } from '@carnet/domain';
import { Injectable } from '@nestjs/common';
import { gzipSync } from 'node:zlib';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { OUTLINES_ATTRIBUTION, type MapProjectFeature } from '@carnet/contracts';
import type { Scalar } from '@carnet/read-store';
import { CommuneCatalog } from '../../../communes/commune-catalog.js';
import { QuestionViewContextLoader } from '../../../projects/question-view-context.js';
import { projectScope } from '../../../projects/project-access.js';
import type { ProjectDoc } from '../../../projects/projections/project.projection.js';
import type { ProjectPartnerDoc } from '../../../projects/projections/project-partner.projection.js';
import { ReadModels } from '../../../shared/read-models.js';
import { communeCentroid } from '../../../shared/geo/commune-outlines.js';
import { projectPlaceProjection, type ProjectPlaceDoc } from '../../projections/project-place.projection.js';
import { GetMapProjectsQuery } from './get-map-projects.query.js';

const DAY_MS = 86_400_000;

/** One answer of the map: its JSON bytes and the same gzipped once (2.8 MB of JSON for 10,000 projects, a tenth gzipped). */
export interface MapAnswer {
  json: Buffer;
  gzip: Buffer;
}

/** The map's answers, computed once per read-model position (LRU of a few entries: each may weigh megabytes). */
@Injectable()
export class MapResponseCache {
  private readonly entries = new Map<string, { position: number; answer: MapAnswer }>();
  private static readonly MAX_ENTRIES = 40;

  constructor(private readonly readModels: ReadModels) {}

  async get(key: string, compute: () => Promise<string>): Promise<MapAnswer> {
    // Read before computing: an event projected meanwhile only makes the entry stale sooner, never wrong.
    const position = this.readModels.position;
    const hit = this.entries.get(key);
    if (hit && hit.position === position) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.answer;
    }
    const json = Buffer.from(await compute(), 'utf8');
    const answer = { json, gzip: gzipSync(json, { level: 6 }) };
    this.entries.delete(key);
    this.entries.set(key, { position, answer });
    while (this.entries.size > MapResponseCache.MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return answer;
  }
}


/**
 * The in-app map's data (issue #10): the projects the actor may see (same scope and filters as the
 * projects list), one Point each — the precise point, or the commune's centroid — with what the
 * map colours and lists. Serialised once per read-model position, scope, filters and minute (the
 * « en retard » marker moves with time), so that a département-wide map costs a copy of bytes.
 */
@QueryHandler(GetMapProjectsQuery)
export class GetMapProjectsHandler implements IQueryHandler<GetMapProjectsQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly cache: MapResponseCache,
    private readonly questionContext: QuestionViewContextLoader,
    private readonly communes: CommuneCatalog,
  ) {}

  async execute({ filter, actor }: GetMapProjectsQuery): Promise<MapAnswer> {
    const set = await this.readModels.current(filter.minPosition);
    const scope = projectScope(actor, filter.commune);
    const scopeKey =
      scope.kind === 'where' ? `where ${JSON.stringify(scope.where)}` : scope.kind === 'partner' ? `partner ${scope.organisationId} ${scope.departement}` : scope.kind === 'departement' ? `departement ${scope.departement}` : scope.kind;
    const now = this.questionContext.now();
    const key = `map ${scopeKey} ${filter.commune ?? ''} ${filter.step ?? ''} ${filter.theme ?? ''} ${filter.q?.trim() ?? ''} ${Math.floor(now.getTime() / 60_000)}`;
    return this.cache.get(key, async () => {
      const where: Record<string, Scalar> = {};
      if (filter.commune) where.codeInsee = filter.commune;
      if (filter.step) where.step = filter.step;
      if (filter.theme) where.theme = filter.theme;
      let docs: Array<ProjectPlaceDoc & { id: string }> = [];
      if (scope.kind === 'departement') {
        // The communes of the Département, through the codeInsee index: a log may hold others (issue #15, #17).
        docs = await set.find<ProjectPlaceDoc>(projectPlaceProjection.collection, { where: filter.commune ? where : { ...where, codeInsee: this.communes.codesOf(scope.departement) } });
      } else if (scope.kind === 'where') {
        docs = await set.find<ProjectPlaceDoc>(projectPlaceProjection.collection, { where: { ...where, ...scope.where } });
      } else if (scope.kind === 'partner') {
        const links = await set.find<ProjectPartnerDoc>('project_partners', { where: { organisationId: scope.organisationId } });
        docs = [...(await set.getMany<ProjectPlaceDoc>(projectPlaceProjection.collection, links.map((l) => l.projectId))).values()].filter(
          (d) => departementOfCommune(d.codeInsee) === scope.departement && Object.entries(where).every(([k, v]) => (d as unknown as Record<string, unknown>)[k] === v),
        );
      }
      const text = filter.q?.trim();
      if (text) {
        // The text filter is the projects list's (title and description, accents ignored): same read model, same rule.
        const matching = await set.find<ProjectDoc>('projects', { where, contains: { field: 'searchText', text } });
        const ids = new Set(matching.map((d) => d.id));
        docs = docs.filter((d) => ids.has(d.id));
      }
      const overdueMs = this.questionContext.overdueDays * DAY_MS;
      const features: MapProjectFeature[] = docs.map((d) => {
        const point = d.location ? [d.location.longitude, d.location.latitude] : communeCentroid(d.codeInsee);
        return {
          type: 'Feature',
          id: d.id,
          geometry: point ? { type: 'Point', coordinates: [point[0], point[1]] } : null,
          properties: {
            title: d.title,
            commune: d.codeInsee,
            step: d.step,
            theme: d.theme,
            openQuestions: d.openQuestions,
            overdue: d.waitingSince !== null && now.getTime() - Date.parse(d.waitingSince) > overdueMs,
            precise: d.location !== null,
          },
        };
      });
      features.sort((a, b) => a.properties.title.localeCompare(b.properties.title, 'fr'));
      return JSON.stringify({ type: 'FeatureCollection', features, attribution: OUTLINES_ATTRIBUTION });
    });
  }
}

