import { Controller, Get, Query as QueryParam } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { ProjectSummary } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import type { Scalar } from '@carnet/read-store';
import { CommuneCatalog } from '../../../communes/commune-catalog.js';
import type { ProjectDoc } from '../../../projects/projections/project.projection.js';
import { toSummary } from '../../../projects/project.views.js';
import { CurrentActor } from '../../../shared/current-actor.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { ReadModels } from '../../../shared/read-models.js';
import { requireAuditor } from '../../audit-access.js';

@ApiTags('Audit')
@Controller('audit/projects')
export class ListAuditProjectsHttpController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly communes: CommuneCatalog,
  ) {}

  /** Picking a project to audit is a list like any other: it reads the read model, published or not. */
  @Get()
  @ApiOperation({ summary: 'Choisir un projet à auditer (tous les projets, publiés ou non)' })
  @ApiQuery({ name: 'commune', required: false, description: 'Code INSEE' })
  @ApiQuery({ name: 'q', required: false, description: 'Mots du titre ou de la description' })
  @ProblemResponses(401, 403)
  async list(@CurrentActor() actor: Actor, @QueryParam('commune') commune?: string, @QueryParam('q') q?: string): Promise<ProjectSummary[]> {
    requireAuditor(actor);
    const where: Record<string, Scalar> = {};
    if (typeof commune === 'string' && commune) where.codeInsee = commune;
    const text = typeof q === 'string' ? q.trim() : '';
    const set = await this.readModels.current();
    const docs = await set.find<ProjectDoc>('projects', {
      where,
      contains: text ? { field: 'searchText', text } : undefined,
      orderBy: [{ field: 'updatedAt', direction: 'desc' }],
      limit: 500,
    });
    return docs.map((d) => toSummary(d, this.communes.nameOf(d.codeInsee)));
  }
}
