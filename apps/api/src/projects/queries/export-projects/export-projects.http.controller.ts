import { Controller, Get, Header, Inject, Query as QueryParams, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { PUBLICATION_LABELS, STEP_LABELS, THEME_LABELS, type Page, type ProjectFinancingTotals, type ProjectSummary } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import type { Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../../../config.js';
import { CLOCK, type Clock } from '../../../infrastructure/tokens.js';
import { csvDocument } from '../../../shared/csv.js';
import { CurrentActor } from '../../../shared/current-actor.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { ListProjectsQuery } from '../list-projects/list-projects.query.js';
import { FinancingTotalsQuery } from '../../../financing/queries/financing-totals/financing-totals.query.js';
import { ExportProjectsRequestDto } from './export-projects.request.dto.js';

/** Projects read per page while exporting: the list's largest page. */
const PAGE = 200;

/**
 * The projects a person may see, with the list's filters, as a CSV file for a spreadsheet: the
 * Département's follow-up table, or a commune's own list. Same scope and filters as `GET /api/projects`
 * (it runs the same query), so an export never shows more than the list.
 */
@ApiTags('Projets')
@Controller('projects')
export class ExportProjectsHttpController {
  constructor(
    private readonly queryBus: QueryBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('export.csv')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'Exporter en CSV les projets que la personne peut voir (mêmes filtres que la liste)' })
  @ApiProduces('text/csv')
  @ApiResponse({ status: 200, description: 'Fichier CSV (UTF-8 avec BOM, séparateur « ; », virgule décimale)', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ProblemResponses(400, 401, 503)
  async export(@QueryParams() params: ExportProjectsRequestDto, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response): Promise<string> {
    const projects: ProjectSummary[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page: Page<ProjectSummary> = await this.queryBus.execute(
        new ListProjectsQuery({ commune: params.commune, step: params.step, theme: params.theme, q: params.q, limit: PAGE, offset, minPosition: params.minPosition }, actor),
      );
      projects.push(...page.items);
      if (page.items.length < PAGE || projects.length >= page.total) break;
    }
    const day = this.clock.now().toISOString().slice(0, 10);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8; header=present');
    res.setHeader('Content-Disposition', `attachment; filename="projets-${day}.csv"`);
    const financing: Map<string, ProjectFinancingTotals> = await this.queryBus.execute(new FinancingTotalsQuery(projects.map((p) => p.id)));
    return csvDocument([...this.columns(), ...financingColumns(financing)], projects);
  }

  private columns(): Array<[string, (p: ProjectSummary) => string | number | null]> {
    const base = this.config.publicUrl;
    return [
      ['Commune', (p) => p.communeName],
      ['Code INSEE', (p) => p.codeInsee],
      ['Projet', (p) => p.title],
      ['Thème', (p) => THEME_LABELS[p.theme] ?? p.theme],
      ['Étape', (p) => STEP_LABELS[p.step] ?? p.step],
      ['Avancement (%)', (p) => p.progress],
      ['Coût estimé HT (€)', (p) => p.estimatedCostHt],
      ['Questions en attente', (p) => p.openQuestions],
      ['Publication', (p) => PUBLICATION_LABELS[p.publication] ?? p.publication],
      ['Créé le', (p) => p.createdAt.slice(0, 10)],
      ['Dernière modification', (p) => p.updatedAt.slice(0, 10)],
      ['Lien', (p) => `${base}/projets/${p.id}`],
    ];
  }
}

/** The financing plan's totals (issue #12), in euros with a decimal comma. */
function financingColumns(totals: Map<string, ProjectFinancingTotals>): Array<[string, (p: ProjectSummary) => string | number | null]> {
  const euros = (cents: number | null | undefined) => (cents === null || cents === undefined ? null : cents / 100);
  const of = (p: ProjectSummary) => totals.get(p.id);
  return [
    ['Coût HT du plan de financement (€)', (p) => euros(of(p)?.costHtCents)],
    ['Financements demandés (€)', (p) => euros(of(p)?.requestedCents ?? 0)],
    ['Financements accordés (€)', (p) => euros(of(p)?.grantedCents ?? 0)],
    ['Financements versés (€)', (p) => euros(of(p)?.paidCents ?? 0)],
    ['Autofinancement (%)', (p) => of(p)?.ownSharePercent ?? null],
    ['Autofinancement minimal respecté', (p) => (of(p)?.breaksOwnShareRule === null || !of(p) ? '' : of(p)!.breaksOwnShareRule ? 'Non' : 'Oui')],
  ];
}
